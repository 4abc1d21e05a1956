package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.cases.AllocateCommand;
import org.frontdoor.triage.cases.CaseAllocation;
import org.frontdoor.triage.cases.CaseApprovals;
import org.frontdoor.triage.cases.CaseChanges;
import org.frontdoor.triage.cases.CaseReads;
import org.frontdoor.triage.cases.CaseResults;
import org.frontdoor.triage.cases.CloseCommand;
import org.frontdoor.triage.cases.DeclineCommand;
import org.frontdoor.triage.cases.StepCommand;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Early help and social care cases: lead workers, allocation (and the cases"
        + " awaiting it), step up / down / across, closure. Changes take If-Match with the case's ETag (its version).")
public class CaseResource {

    static final String STEP_DOWN_EXAMPLE = """
            {"direction": "DOWN", "pathway": "EARLY_HELP",
             "rationale": "Assessment complete; risks reduced; parents engaging. Panel agreed step down to targeted early help.",
             "partnerSummary": "The family's needs are now met by a targeted early help plan with a lead practitioner.",
             "panelDate": "2026-11-20", "leadWorker": "eh-dana-price"}""";

    static final String STEP_UP_EXAMPLE = """
            {"direction": "UP", "pathway": "SOCIAL_CARE",
             "rationale": "New disclosure at school; the early help plan cannot keep the child safe.",
             "partnerSummary": "Children's social care is now leading support for the child."}""";

    static final String CLOSE_EXAMPLE = """
            {"reasonCode": "RC7",
             "summary": "Early help plan completed; attendance now 96% and the family is supported by the school."}""";

    static final String DECLINE_EXAMPLE = """
            {"reason": "Police reported immediate risk 4 days ago: hold the strategy discussion before closing."}""";

    static final String IF_MATCH = "The case's ETag (version) as last read; a newer change answers 412. Optional.";

    @Inject
    CaseReads cases;

    @Inject
    CaseAllocation allocation;

    @Inject
    CaseChanges changes;

    @Inject
    CaseApprovals approvals;

    @Inject
    Clock clock;

    @GET
    @Path("/awaiting-allocation")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "listCasesAwaitingAllocation", summary = "Cases awaiting allocation", description = "Open cases no worker of their pathway had room"
            + " for (or whose named worker was over their limit), the soonest due first: allocate each.")
    @APIResponse(responseCode = "200", description = "A page of the cases; total counts them all",
            content = @Content(schema = @Schema(implementation = CaseView.SummaryPage.class)))
    public CaseView.SummaryPage awaitingAllocation(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return CaseView.SummaryPage.of(cases.awaitingAllocation(), page, size, Instant.now(clock));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getCase", summary = "A case", description = "Pathway, lead worker (or when it is due to have one), the children"
            + " (of every contact) it covers, steps, the partner agencies involved, closure and history. The ETag"
            + " header is the case's version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH),
            description = "The case's version"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    public Response get(@PathParam("id") UUID id) {
        return view(cases.view(id));
    }

    @POST
    @Path("/{id}/allocate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "allocateCase", summary = "Allocate or reallocate a case", description = "Gives the case to an active lead worker of"
            + " its pathway. Warns inside the 13-16 band; above the worker's limit only with the manager's reason."
            + " The old and the new lead worker are told. Publishes case.allocated.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocateCommand.class),
            examples = @ExampleObject(name = "reallocate", value = "{\"worker\": \"eh-ed-walsh\"}")))
    @APIResponse(responseCode = "200", description = "The case, with any caseload warning",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is closed")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "422", description = "Unknown or inactive worker, another pathway's worker, or above"
            + " the limit without a reason")
    public Response allocate(@PathParam("id") UUID id, AllocateCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return view(allocation.allocate(id, command, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/step")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "stepCase", summary = "Step a case up, down or across",
            description = "UP: early help to social care. DOWN: social care to early help; ACROSS: social care to"
                    + " early help led by a partner agency. DOWN and ACROSS need the panel's date. The case gets a"
                    + " lead worker of the new pathway: the one named, else the least loaded with room, else it waits"
                    + " for allocation. The old and the new lead worker are told; case.stepped informs the referrer"
                    + " and the partner agencies involved. A case opened from an immediate-risk contact less than 10 working"
                    + " days ago steps only once another team manager approves (202, pendingChange).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepCommand.class),
            examples = { @ExampleObject(name = "step down", value = STEP_DOWN_EXAMPLE),
                    @ExampleObject(name = "step up", value = STEP_UP_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "The case after the step",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "202", description = "Not stepped yet: the case was opened from an immediate-risk"
            + " contact less than 10 working days ago, so the step waits for another team manager (pendingChange)",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is closed")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "404", description = "No such case")
    public Response step(@PathParam("id") UUID id, StepCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return changed(changes.step(id, command, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "closeCase", summary = "Close a case", description = "With a CIN reason for closure RC1-RC9 and a summary."
            + " Publishes case.closed listing every partner agency involved (professional referrers of the case's"
            + " contacts and agencies checked), so all are informed. A case opened from an immediate-risk contact less"
            + " than 10 working days ago closes only once another team manager approves (202, pendingChange).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseCommand.class),
            examples = @ExampleObject(name = "close", value = CLOSE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The closed case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "202", description = "Not closed yet: the case was opened from an immediate-risk"
            + " contact less than 10 working days ago, so the close waits for another team manager (pendingChange)",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Already closed")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "404", description = "No such case")
    public Response close(@PathParam("id") UUID id, CloseCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return changed(changes.close(id, command, IfMatch.parse(ifMatch)));
    }

    @GET
    @Path("/awaiting-approval")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "listCaseChangesAwaitingApproval", summary = "Closes and steps awaiting approval",
            description = "Closes and steps of cases opened from an immediate-risk contact less than 10 working days"
                    + " before, asked by one team manager and waiting for another, the longest waiting first. Approve"
                    + " or decline each; the approver is never the one who asked.")
    @APIResponse(responseCode = "200", description = "A page of them",
            content = @Content(schema = @Schema(implementation = CaseView.Awaiting.Page.class)))
    public CaseView.Awaiting.Page awaitingApproval(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return CaseView.Awaiting.Page.of(approvals.awaitingApproval(page, size));
    }

    @POST
    @Path("/{id}/change/approve")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "approveCaseChange", summary = "Approve a close or step awaiting approval",
            description = "Another team manager than the one who asked (by staff record and by sign-in) approves the"
                    + " pending close or step: it takes effect as asked, and case.closed or case.stepped goes out.")
    @APIResponse(responseCode = "200", description = "The case after the close or step",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "You asked for it (by staff record or by sign-in)")
    @APIResponse(responseCode = "409", description = "Nothing awaits approval, or the case is closed")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "422", description = "The step can no longer be made as asked (e.g. its lead"
            + " worker is now over their limit): decline it")
    @APIResponse(responseCode = "404", description = "No such case")
    public Response approveChange(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return view(approvals.approve(id, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/change/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "declineCaseChange", summary = "Decline a close or step awaiting approval",
            description = "With the reason, told to the manager who asked (who may also withdraw their own this way)."
                    + " The case stays as it is.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeclineCommand.class),
            examples = @ExampleObject(name = "decline", value = DECLINE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The case, unchanged but for its history",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Nothing awaits approval, or the case is closed")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "422", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such case")
    public Response declineChange(@PathParam("id") UUID id, DeclineCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return view(approvals.decline(id, command, IfMatch.parse(ifMatch)));
    }

    private static Response view(CaseResults.Details details) {
        CaseView view = CaseView.of(details);
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }

    /** 202 when the change waits for a second manager (nothing changed yet), else 200. */
    private static Response changed(CaseResults.Details details) {
        CaseView view = CaseView.of(details);
        return Response.status(view.pendingChange() == null ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(view).header("ETag", IfMatch.etag(view.version())).build();
    }
}
