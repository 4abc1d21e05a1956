package org.frontdoor.triage.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.gate.PartnerGate;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.QueryParams;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.sharing.InformationRequestStatus;
import org.frontdoor.triage.sharing.InformationRequests;
import org.frontdoor.triage.sharing.InformationResponseCommand;

@Path("/api/v1/information-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information requests", description = "Questions the front door asks partner organisations about a"
        + " contact's children. The organisation's system is told by a signed webhook (information.requested) or by"
        + " email, reads the request with its own partner token and answers here. An organisation sees only its own"
        + " requests (another's: 404); staff see all. Every read and answer is audited.")
public class InformationRequestResource {

    static final String REQUEST_EXAMPLE = """
            {"id": "8a5f2c1e-3b7d-4e0a-9c6f-1d2e3f4a5b6c", "triageItemId": "1c1c7c46-8e76-4b8e-9b7e-2f0f1b8f2f11",
             "referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "organisation": "south-yorkshire-police",
             "question": "Any incidents or concerns at the address in the last 12 months?", "urgency": "RED",
             "deadline": "2026-12-07T14:00:00Z", "status": "REQUESTED", "requestedBy": "tw-tara-jones",
             "requestedAt": "2026-12-07T10:00:00Z", "late": false,
             "children": [{"firstName": "Amy", "lastName": "Smith", "dateOfBirth": "2016-04-02",
               "address": {"line1": "1 High St", "town": "Doncaster", "postcode": "DN1 1AA"}, "nhsNumber": "9434765919"}]}""";

    static final String FINDINGS_EXAMPLE = """
            {"findings": "Two domestic incidents at the address in 2026; no arrests."}""";

    static final String MISSING_EXAMPLE = """
            {"type": "urn:frontdoor:problem:validation", "title": "Request is not valid", "status": 422,
             "detail": "3 fields are not valid", "instance": "/api/v1/information-requests/8a5f2c1e-3b7d-4e0a-9c6f-1d2e3f4a5b6c/response",
             "errors": [{"field": "findings", "message": "one of findings, noTrace (true) or declined (a reason) is required"},
              {"field": "noTrace", "message": "one of findings, noTrace (true) or declined (a reason) is required"},
              {"field": "declined", "message": "one of findings, noTrace (true) or declined (a reason) is required"}]}""";

    @Inject
    InformationRequests requests;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listInformationRequests", summary = "Information requests",
            description = "A partner's token lists its own organisation's requests (e.g. status=REQUESTED: what it"
                    + " still has to answer); staff list everyone's (status=OVERDUE: the team's overdue list). Soonest"
                    + " deadline first, paged; the children are read one request at a time.")
    @APIResponse(responseCode = "200", description = "A page of requests",
            content = @Content(schema = @Schema(implementation = InformationRequestView.Page.class)))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION)
    @APIResponse(responseCode = "422", description = "A filter is not valid")
    public InformationRequestView.Page list(
            @Parameter(schema = @Schema(implementation = InformationRequestStatus.class)) @QueryParam("status")
            String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        InformationRequestStatus s = QueryParams.enumOf(InformationRequestStatus.class, status, "status", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return InformationRequestView.Page.of(requests.list(s, organisation(), page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getInformationRequest", summary = "One information request",
            description = "The question, its urgency, deadline and status, and the contact's children as the"
                    + " referrer gave them (names, dates of birth, addresses, NHS numbers): the minimum to search the"
                    + " organisation's records. A partner reads only its own organisation's requests.")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(
            schema = @Schema(implementation = InformationRequestView.class),
            examples = @ExampleObject(name = "asked of the police", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION)
    @APIResponse(responseCode = "404", description = "No such request, or another organisation's")
    public InformationRequestView get(@PathParam("id") UUID id) {
        return InformationRequestView.of(requests.read(id, organisation()));
    }

    @POST
    @Path("/{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "answerInformationRequest", summary = "Answer an information request",
            description = "Exactly one of: findings (what the organisation holds), noTrace: true (it searched and"
                    + " holds nothing), declined (why it will not answer). An overdue request may still be answered;"
                    + " it stays marked late. A request is answered once (409 after).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InformationResponseCommand.class),
            examples = {
                    @ExampleObject(name = "findings", value = FINDINGS_EXAMPLE),
                    @ExampleObject(name = "no trace", value = "{\"noTrace\": true}"),
                    @ExampleObject(name = "declined", value = "{\"declined\": \"No consent to share and no"
                            + " safeguarding grounds found.\"}") }))
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = InformationRequestView.class)))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION)
    @APIResponse(responseCode = "404", description = "No such request, or another organisation's")
    @APIResponse(responseCode = "409", description = "Already answered")
    @APIResponse(responseCode = "422", description = "None, or more than one, of findings, noTrace and declined",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no answer", value = MISSING_EXAMPLE)))
    public InformationRequestView respond(@PathParam("id") UUID id, InformationResponseCommand command) {
        return InformationRequestView.of(requests.respond(id, organisation(), command,
                identity.getPrincipal().getName()));
    }

    /** A partner's organisation (its token's org claim), or null for staff, who see every organisation's. */
    private String organisation() {
        if (!identity.hasRole(Roles.PARTNER)) {
            return null;
        }
        String org = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(Roles.ORG_CLAIM) : null;
        if (org == null || org.isBlank()) {
            throw new DomainException.NotPermitted("Your token names no organisation (org claim)");
        }
        return org.strip();
    }
}
