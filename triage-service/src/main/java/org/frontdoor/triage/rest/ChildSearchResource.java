package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.ChildSearch;

// A longer literal path than ChildRecordResource's /api/v1/children/{childKey}: JAX-RS matches it first for
// /searches, while /api/v1/children/{childKey}/merge and the rest still reach that resource.
@Path("/api/v1/children/searches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
public class ChildSearchResource {

    static final String FOUND_EXAMPLE = """
            {"page": 0, "size": 20, "total": 1, "items": [
              {"childKey": "4b7c1f0e-5d2a-4c8e-9a31-7e6d2b1f0c55", "firstName": "Kayden", "lastName": "Kettleborough",
               "dateOfBirth": "2015-05-04", "postcode": "DN6 6FF", "score": 70,
               "reasons": ["surname sounds alike", "first name sounds alike", "same date of birth", "postcode missing"],
               "contacts": 1, "lastContactAt": "2026-11-23T09:12:00Z"}]}""";

    static final String REQUEST_EXAMPLE = """
            {"surname": "Kettlebrough", "firstName": "Kaden", "dateOfBirth": "2015-05-04", "size": 20}""";

    @Inject
    ChildSearch search;

    @Inject
    RequestValidation validation;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "searchChildren", summary = "Search the children the front door knows",
            description = "Before keying a contact in: the children who may be the one described, best first, with"
                    + " the same tolerance as a contact's possible matches: a surname or first name that sounds"
                    + " alike or is spelt a little differently, a nickname (Bill for William), part of a hyphenated"
                    + " surname, a date of birth with day and month swapped or one digit wrong, a postcode missing or"
                    + " changed, the NHS number or UPN alone. Each has a score (0-100) and the reasons. Merged"
                    + " records count as one child. Needs a surname, a date of birth, an NHS number or a UPN (422"
                    + " naming them). The criteria travel in the body, never in the URL, so that no access log"
                    + " keeps a child's name or date of birth. Audited (which details were searched by, never the"
                    + " details).")
    @APIResponse(responseCode = "200", description = "A page of the children found, best first",
            content = @Content(schema = @Schema(implementation = ChildSearchPage.class),
                    examples = @ExampleObject(name = "a misspelt name", value = FOUND_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "None of surname, dateOfBirth, nhsNumber and upn given, a"
            + " date that is not one, or a criterion too long; each is named")
    public ChildSearchPage search(@RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = ChildSearchRequest.class),
            examples = @ExampleObject(name = "a misspelt name", value = REQUEST_EXAMPLE))) ChildSearchRequest request) {
        validation.check(request, List.of());
        return ChildSearchPage.of(search.search(request.criteria(), request.pageOrFirst(), request.sizeOrDefault()));
    }
}
