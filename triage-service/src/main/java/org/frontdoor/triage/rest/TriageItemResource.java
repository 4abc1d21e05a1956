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
import java.util.ArrayList;
import java.util.List;
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
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.QueryParams;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.PossibleMatches;
import org.frontdoor.triage.decision.DecisionCommand;
import org.frontdoor.triage.decision.DecisionService;
import org.frontdoor.triage.decision.SendBackCommand;
import org.frontdoor.triage.queue.AssignCommand;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;
import org.frontdoor.triage.screening.CheckCommand;
import org.frontdoor.triage.screening.ScreeningService;
import org.frontdoor.triage.statutory.AssessmentCommand;
import org.frontdoor.triage.statutory.AssessmentService;
import org.frontdoor.triage.statutory.Section47Command;

@Path("/api/v1/triage-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triage queue", description = "The MASH queue: one item per child of each contact, including children"
        + " with an open case. Read it, claim or assign it, record partner agency checks, decide; team managers"
        + " approve or send back the decisions that risk demands they see. Changes take If-Match with the item's"
        + " ETag (its version), so a stale page cannot overwrite a newer change (412).")
public class TriageItemResource {

    static final String DECISION_EXAMPLE = """
            {"level": 3, "outcome": "EARLY_HELP_TARGETED", "primaryNeedCode": "N1",
             "rationale": "Neglect indicators confirmed by health and school; parents engage; needs a coordinated multi-agency plan.",
             "referrerFeedback": "Thank you for your referral. The family will be offered targeted early help with a lead practitioner; the school will be invited to the Team Around the Family."}""";

    static final String SOCIAL_CARE_EXAMPLE = """
            {"level": 4, "outcome": "STRATEGY_DISCUSSION", "primaryNeedCode": "N1",
             "rationale": "Disclosure of physical abuse by an adult; police check confirms prior incidents. Strategy discussion today.",
             "referrerFeedback": "Thank you. Children's social care is acting on your referral today.",
             "leadWorker": "sw-ali-khan"}""";

    static final String OVERRIDE_EXAMPLE = """
            {"level": 2, "outcome": "EARLY_HELP_SINGLE_AGENCY",
             "rationale": "School already runs a support plan; one service can meet the need.",
             "referrerFeedback": "Thank you. Please continue the school's support plan; contact us if things change.",
             "levelOverrideReason": "Checks show the neglect concern was a single episode during a family bereavement."}""";

    static final String DECIDED_EXAMPLE = """
            {"triageItemId": "1c1c7c46-8e76-4b8e-9b7e-2f0f1b8f2f11", "referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11",
             "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21", "level": 3, "outcome": "EARLY_HELP_TARGETED",
             "pathway": "EARLY_HELP", "status": "DECIDED", "decidedBy": "tw-tara-jones", "decidedAt": "2026-11-23T14:05:00Z",
             "deadline": "2026-11-24T10:15:00Z", "metDeadline": true, "caseId": "5e0b1f7a-1d0e-4d8c-8e3b-9d7f2a6b4c21",
             "becameReferral": false, "caseEffect": "OPENED", "caseJoined": false, "leadWorker": "eh-dana-price",
             "leadWorkerOpenCases": 4, "warnings": [], "version": 3}""";

    static final String CONTRADICTION_EXAMPLE = """
            {"type": "urn:frontdoor:problem:validation", "title": "Request is not valid", "status": 422,
             "detail": "1 field is not valid", "instance": "/api/v1/triage-items/1c1c7c46-8e76-4b8e-9b7e-2f0f1b8f2f11/decision",
             "errors": [{"field": "outcome", "message": "NO_FURTHER_ACTION contradicts level 4: level 4 allows SOCIAL_CARE_ASSESSMENT, STRATEGY_DISCUSSION"}]}""";

    static final String CHECK_EXAMPLE = """
            {"organisation": "south-yorkshire-police", "contactName": "DC R. Hughes, MASH police desk",
             "checkedAt": "2026-11-23T11:30:00Z",
             "findings": "Two domestic incidents at the address in the last 6 months; no arrests."}""";

    static final String PASSED_EXAMPLE = """
            {"level": 3, "outcome": "PASSED_TO_ALLOCATED_WORKER",
             "rationale": "New school attendance concern fits the existing early help plan; the lead practitioner meets the family on Thursday.",
             "referrerFeedback": "Thank you. The child already has an early help plan; we have passed your information to the lead practitioner, who will follow it up."}""";

    static final String SEND_BACK_EXAMPLE = """
            {"reason": "Police reported immediate risk: speak to the police desk and consider a strategy discussion before closing."}""";

    static final String IF_MATCH = "The item's ETag (version) as last read; a newer change answers 412. Optional.";

    @Inject
    AssessmentService statutoryWork;

    @Inject
    QueueService queue;

    @Inject
    ScreeningService screening;

    @Inject
    DecisionService decisions;

    @Inject
    PossibleMatches possibleMatches;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listTriageItems", summary = "The triage queue",
            description = "Items RED first, then by deadline (soonest first), paged. Without a status, the open"
                    + " queue: NEW, IN_PROGRESS and AWAITING_APPROVAL. A contact about a child with an open case is"
                    + " in the queue like any other (openCase=true lists them), with the case's pathway and lead"
                    + " worker.")
    @APIResponse(responseCode = "200", description = "A page of items",
            content = @Content(schema = @Schema(implementation = TriageItemSummary.Page.class)))
    @APIResponse(responseCode = "422", description = "A filter is not valid")
    public TriageItemSummary.Page list(
            @Parameter(schema = @Schema(implementation = TriageStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = Priority.class)) @QueryParam("priority") String priority,
            @Parameter(description = "Staff id of the worker who has it", example = "tw-tara-jones")
            @QueryParam("assignedTo") @Size(max = 200) String assignedTo,
            @Parameter(description = "true: only undecided items past their deadline; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(description = "true: only children with an open case; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("openCase") String openCase,
            @Parameter(description = "Only this contact's children", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("referralId") String referralId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        // Parsed here, not by JAX-RS, so that a bad value is a 422 naming the parameter.
        List<Problem.FieldError> errors = new ArrayList<>();
        TriageStatus s = QueryParams.enumOf(TriageStatus.class, status, "status", errors);
        Priority p = QueryParams.enumOf(Priority.class, priority, "priority", errors);
        Boolean o = QueryParams.bool(overdue, "overdue", errors);
        Boolean c = QueryParams.bool(openCase, "openCase", errors);
        UUID r = QueryParams.uuid(referralId, "referralId", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return TriageItemSummary.Page.of(queue.list(new TriageResults.Filter(s, p,
                assignedTo == null || assignedTo.isBlank() ? null : assignedTo.strip(), o, r, c), page, size), Instants.now(clock));
    }

    @GET
    @Path("/awaiting-approval")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "listDecisionsAwaitingApproval", summary = "Decisions awaiting approval", description = "Outcomes below social care on a contact with"
            + " immediate risk or a suggested level 4, the longest waiting first. Approve or send back each; the"
            + " approver is never the decider.")
    @APIResponse(responseCode = "200", description = "A page of the items; total counts them all",
            content = @Content(schema = @Schema(implementation = TriageItemSummary.Page.class)))
    public TriageItemSummary.Page awaitingApproval(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return TriageItemSummary.Page.of(queue.awaitingApproval(), page, size, Instants.now(clock));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getTriageItem", summary = "One child's triage item",
            description = "The contact, the suggested level with the rules and indicators that drove it, prior"
                    + " involvement (earlier referrals, same-day contacts), the child's open case with its pathway and"
                    + " lead worker, partner agency checks, the decision once made (and whether it awaits approval),"
                    + " the item's history, and the child's possible earlier records (possibleMatches: scored and"
                    + " explained, with their earlier contacts). The ETag header is the item's version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The item", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH),
            description = "The item's version"), content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public Response get(@PathParam("id") UUID id) {
        return item(queue.view(id));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.TRIAGE_WORKER)
    @Operation(operationId = "claimTriageItem", summary = "Claim an item", description = "The signed-in triage worker (linked to the staff directory"
            + " by their sign-in) takes the item: it becomes IN_PROGRESS and assigned to them. Claiming your own"
            + " item again changes nothing.")
    @APIResponse(responseCode = "200", description = "The item, now yours",
            content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "403", description = "Your sign-in is not linked to an active member of staff")
    @APIResponse(responseCode = "409", description = "Someone else has it, or it is decided")
    @APIResponse(responseCode = "412", description = "The item changed since you read it")
    @APIResponse(responseCode = "404", description = "No such item")
    public Response claim(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return item(queue.claim(id, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "assignTriageItem", summary = "Assign an item to a triage worker", description = "A team manager gives (or moves) an"
            + " undecided item to an active member of staff.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignCommand.class),
            examples = @ExampleObject(name = "assign", value = "{\"assignee\": \"tw-sam-patel\"}")))
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "409", description = "The item is decided or awaits approval")
    @APIResponse(responseCode = "412", description = "The item changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed; e.g. an unknown or inactive worker")
    public Response assign(@PathParam("id") UUID id, AssignCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return item(queue.assign(id, command, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "addPartnerCheck", summary = "Record a partner agency check", description = "Which organisation of the partner"
            + " directory was asked (by its id), who there, when, what was found. The organisation is informed when"
            + " the child's case closes; an id the directory does not hold, or holds as inactive, is a 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckCommand.class),
            examples = @ExampleObject(name = "police", value = CHECK_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TriageItemView.Check.class)))
    @APIResponse(responseCode = "412", description = "The item changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "404", description = "No such item")
    public Response addCheck(@PathParam("id") UUID id, CheckCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return Response.status(Response.Status.CREATED)
                .entity(TriageItemView.Check.of(screening.addCheck(id, command, IfMatch.parse(ifMatch)))).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "decideForChild", summary = "Decide for this child",
            description = "Level 1-4 and an outcome the level allows: level 1 NO_FURTHER_ACTION or"
                    + " INFORMATION_AND_ADVICE; level 2 EARLY_HELP_SINGLE_AGENCY (or NO_FURTHER_ACTION /"
                    + " INFORMATION_AND_ADVICE, with the rationale saying why); level 3 EARLY_HELP_TARGETED; level 4"
                    + " SOCIAL_CARE_ASSESSMENT (s17) or STRATEGY_DISCUSSION (s47). Any other pairing is refused (422)."
                    + " For a child with an open case, PASSED_TO_ALLOCATED_WORKER (any level, the reason in the"
                    + " rationale) passes the contact to the case's lead worker; a social care outcome on an early"
                    + " help case steps it up. primaryNeedCode (N0-N9) is required for social care outcomes;"
                    + " levelOverrideReason when the level differs from the suggestion.\n\n"
                    + "**Contacts and referrals.** A statutory outcome (s17 or s47) makes the contact a referral,"
                    + " dated by the contact (becameReferral, referralDate); every other outcome leaves it a contact."
                    + "\n\n**Approval.** An outcome below social care on a contact with immediate risk or a suggested"
                    + " level 4 waits for a team manager's approval (status AWAITING_APPROVAL): it takes effect, and"
                    + " the referrer hears of it, once another team manager approves.\n\n"
                    + "**Caseloads never block a decision.** A case opens with the named lead worker, or the least"
                    + " loaded worker of the pathway with room; when that worker has no room (and no team manager"
                    + " overrides with allocationOverrideReason) or nobody has, the case waits in the awaiting"
                    + " allocation list with its own deadline.\n\n"
                    + "Publishes triage.decided (and case.opened, case.allocated, case.stepped) once in effect.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionCommand.class),
            examples = {
                    @ExampleObject(name = "targeted early help", value = DECISION_EXAMPLE),
                    @ExampleObject(name = "strategy discussion", value = SOCIAL_CARE_EXAMPLE),
                    @ExampleObject(name = "level below the suggestion", value = OVERRIDE_EXAMPLE),
                    @ExampleObject(name = "passed to the allocated worker", value = PASSED_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "Decided, or awaiting approval (status)",
            content = @Content(schema = @Schema(implementation = DecisionResult.class),
                    examples = @ExampleObject(name = "decided", value = DECIDED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Your sign-in is not linked to an active member of staff")
    @APIResponse(responseCode = "409", description = "Already decided or awaiting approval, or with another worker"
            + " (a team manager may decide any item)")
    @APIResponse(responseCode = "412", description = "The item changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed; e.g. an outcome that contradicts"
            + " the level, or an unknown lead worker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "contradiction", value = CONTRADICTION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such item")
    public Response decide(@PathParam("id") UUID id, DecisionCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return decided(decisions.decide(id, command, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "approveDecision", summary = "Approve a decision awaiting approval", description = "The decision takes effect: the case"
            + " is opened, joined or passed to, triage.decided goes out and the referrer is told. The approver is"
            + " never the decider (403).")
    @APIResponse(responseCode = "200", description = "Approved and in effect",
            content = @Content(schema = @Schema(implementation = DecisionResult.class)))
    @APIResponse(responseCode = "403", description = "You made this decision (by staff record or by sign-in: a"
            + " second staff record linked to your sign-in changes nothing), or are not in the staff directory")
    @APIResponse(responseCode = "409", description = "The item does not await approval")
    @APIResponse(responseCode = "412", description = "The item changed since you read it")
    @APIResponse(responseCode = "404", description = "No such item")
    public Response approve(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return decided(decisions.approve(id, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "sendBackDecision", summary = "Send a decision back", description = "The decision awaiting approval is withdrawn and the"
            + " item returns IN_PROGRESS to its decider, who is told, with the reason. Nothing reaches the referrer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SendBackCommand.class),
            examples = @ExampleObject(name = "send back", value = SEND_BACK_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The item, back with its decider",
            content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "409", description = "The item does not await approval")
    @APIResponse(responseCode = "412", description = "The item changed since you read it")
    @APIResponse(responseCode = "422", description = "No reason given")
    public Response sendBack(@PathParam("id") UUID id, SendBackCommand command,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return item(decisions.sendBack(id, command, IfMatch.parse(ifMatch)));
    }

    private Response item(TriageResults.Details details) {
        TriageItemView view = TriageItemView.of(details, possibleMatches.of(details.item()), Instants.now(clock));
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }

    private static Response decided(TriageResults.Decided decided) {
        DecisionResult result = DecisionResult.of(decided);
        return Response.ok(result).header("ETag", IfMatch.etag(result.version())).build();
    }

    private static Response created(Object view, long version) {
        return Response.status(Response.Status.CREATED).entity(view).header("ETag", IfMatch.etag(version)).build();
    }


    @POST
    @Path("/{id}/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Tag(name = "Assessments and s47 enquiries")
    @Operation(operationId = "startAssessment", summary = "Start a child's s17 assessment", description = "On the triage item of a contact that became"
            + " a referral; one not yet authorised at a time. Not before the referral, not in the future.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentCommand.class),
            examples = @ExampleObject(name = "started", value = StatutoryWorkResource.START_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Started", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = AssessmentView.S17.class)))
    @APIResponse(responseCode = "403", description = "Started as authorised by a triage worker: authorising is a"
            + " team manager's act (field authorisedOn)")
    @APIResponse(responseCode = "409", description = "Not a referral, or an assessment is still open")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response startAssessment(@PathParam("id") UUID itemId, AssessmentCommand command) {
        AssessmentView.S17 view = AssessmentView.S17.of(statutoryWork.startAssessment(itemId, command));
        return created(view, view.version());
    }

    @POST
    @Path("/{id}/section47-enquiries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Tag(name = "Assessments and s47 enquiries")
    @Operation(operationId = "startSection47Enquiry", summary = "Start a child's s47 enquiry", description = "From the strategy discussion that started it,"
            + " on the triage item of a contact that became a referral; the initial conference is then due 15"
            + " working days later.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Section47Command.class),
            examples = @ExampleObject(name = "strategy discussion", value = StatutoryWorkResource.S47_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Started", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = AssessmentView.S47.class)))
    @APIResponse(responseCode = "403", description = "icpcNotRequired by a triage worker: a team manager's act")
    @APIResponse(responseCode = "409", description = "Not a referral, or an enquiry still awaits its conference")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response startEnquiry(@PathParam("id") UUID itemId, Section47Command command) {
        AssessmentView.S47 view = AssessmentView.S47.of(statutoryWork.startEnquiry(itemId, command));
        return created(view, view.version());
    }
}
