package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.QueryParams;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.ChildSearch;

@Path("/api/v1/children")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
public class ChildSearchResource {

    static final String FOUND_EXAMPLE = """
            {"page": 0, "size": 20, "total": 1, "items": [
              {"childKey": "4b7c1f0e-5d2a-4c8e-9a31-7e6d2b1f0c55", "firstName": "Kayden", "lastName": "Kettleborough",
               "dateOfBirth": "2015-05-04", "postcode": "DN6 6FF", "score": 70,
               "reasons": ["surname sounds alike", "first name sounds alike", "same date of birth", "postcode missing"],
               "contacts": 1, "lastContactAt": "2026-11-23T09:12:00Z"}]}""";

    @Inject
    ChildSearch search;

    @GET
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "searchChildren", summary = "Search the children the front door knows",
            description = "Before keying a contact in: the children who may be the one described, best first, with"
                    + " the same tolerance as a contact's possible matches: a surname or first name that sounds"
                    + " alike or is spelt a little differently, a nickname (Bill for William), part of a hyphenated"
                    + " surname, a date of birth with day and month swapped or one digit wrong, a postcode missing or"
                    + " changed, the NHS number or UPN alone. Each has a score (0-100) and the reasons. Merged"
                    + " records count as one child. Needs a surname, a date of birth, an NHS number or a UPN (422"
                    + " naming them). Audited (which details were searched by, never the details).")
    @APIResponse(responseCode = "200", description = "A page of the children found, best first",
            content = @Content(schema = @Schema(implementation = ChildSearchPage.class),
                    examples = @ExampleObject(name = "a misspelt name", value = FOUND_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "None of surname, dateOfBirth, nhsNumber and upn given, or a"
            + " date that is not one")
    public ChildSearchPage search(
            @Parameter(example = "Kettlebrough") @QueryParam("surname") @Size(max = 100) String surname,
            @Parameter(example = "Kaden") @QueryParam("firstName") @Size(max = 100) String firstName,
            @Parameter(example = "2015-05-04", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("dateOfBirth") String dateOfBirth,
            @Parameter(example = "DN6 6FF") @QueryParam("postcode") @Size(max = 10) String postcode,
            @Parameter(example = "4857773456") @QueryParam("nhsNumber") @Size(max = 12) String nhsNumber,
            @Parameter(description = "Unique pupil number", example = "A371000000017") @QueryParam("upn")
            @Size(max = 13) String upn,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        // parsed here, so that a date that is not one is a 422 naming dateOfBirth
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate born = QueryParams.date(dateOfBirth, "dateOfBirth", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return ChildSearchPage.of(search.search(new ChildSearch.Criteria(surname, firstName, born, postcode,
                nhsNumber, upn), page, size));
    }
}
