package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.domain.Priority;
import org.frontdoor.triage.domain.TriageService;
import org.frontdoor.triage.domain.TriageStatus;

@Path("/api/v1/triage-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triage queue", description = "The MASH queue: one item per child of each referral. Read it, claim or"
        + " assign it, record partner agency checks, decide.")
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
             "pathway": "EARLY_HELP", "decidedBy": "dev-triage-worker", "decidedAt": "2026-11-23T14:05:00Z",
             "deadline": "2026-11-24T10:15:00Z", "metDeadline": true, "caseId": "5e0b1f7a-1d0e-4d8c-8e3b-9d7f2a6b4c21",
             "caseJoined": false, "leadWorker": "eh-dana-price", "leadWorkerOpenCases": 4, "warnings": []}""";

    static final String CONTRADICTION_EXAMPLE = """
            {"type": "urn:frontdoor:problem:validation", "title": "Request is not valid", "status": 422,
             "detail": "1 field is not valid", "instance": "/api/v1/triage-items/1c1c7c46-8e76-4b8e-9b7e-2f0f1b8f2f11/decision",
             "errors": [{"field": "outcome", "message": "NO_FURTHER_ACTION contradicts level 4: level 4 allows SOCIAL_CARE_ASSESSMENT, STRATEGY_DISCUSSION"}]}""";

    static final String CHECK_EXAMPLE = """
            {"agency": "POLICE", "organisation": "south-yorkshire-police", "contactName": "DC R. Hughes, MASH police desk",
             "checkedAt": "2026-11-23T11:30:00Z",
             "findings": "Two domestic incidents at the address in the last 6 months; no arrests."}""";

    @Inject
    TriageService triage;

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(summary = "The triage queue",
            description = "Items sorted by deadline (soonest first), paged. Without a status, the open queue: NEW and"
                    + " IN_PROGRESS. WITH_ALLOCATED_WORKER lists contacts about children with an open case, which"
                    + " went to the case's worker instead of the queue.")
    @APIResponse(responseCode = "200", description = "A page of items",
            content = @Content(schema = @Schema(implementation = TriageItemSummary.Page.class)))
    @APIResponse(responseCode = "422", description = "A filter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TriageItemSummary.Page list(
            @Parameter(description = "NEW, IN_PROGRESS, DECIDED or WITH_ALLOCATED_WORKER", example = "NEW")
            @QueryParam("status") String status,
            @Parameter(description = "RED, AMBER or GREEN", example = "RED") @QueryParam("priority") String priority,
            @Parameter(description = "User name of the worker who has it", example = "dev-triage-worker")
            @QueryParam("assignedTo") @Size(max = 200) String assignedTo,
            @Parameter(description = "true: only undecided items past their deadline; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(description = "Only this referral's children", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("referralId") String referralId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        // Parsed here, not by JAX-RS, so that a bad value is a 422 naming the parameter.
        List<Problem.FieldError> errors = new ArrayList<>();
        TriageStatus s = null;
        if (status != null && !status.isBlank()) {
            s = TriageStatus.parse(status.strip()).orElse(null);
            if (s == null) {
                errors.add(new Problem.FieldError("status", "must be NEW, IN_PROGRESS, DECIDED or WITH_ALLOCATED_WORKER"));
            }
        }
        Priority p = null;
        if (priority != null && !priority.isBlank()) {
            p = Priority.parse(priority.strip()).orElse(null);
            if (p == null) {
                errors.add(new Problem.FieldError("priority", "must be RED, AMBER or GREEN"));
            }
        }
        Boolean o = null;
        if (overdue != null && !overdue.isBlank()) {
            if (overdue.strip().equalsIgnoreCase("true") || overdue.strip().equalsIgnoreCase("false")) {
                o = Boolean.valueOf(overdue.strip());
            } else {
                errors.add(new Problem.FieldError("overdue", "must be true or false"));
            }
        }
        UUID r = null;
        if (referralId != null && !referralId.isBlank()) {
            try {
                r = UUID.fromString(referralId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("referralId", "must be a UUID"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return triage.list(new TriageService.Filter(s, p, assignedTo == null || assignedTo.isBlank() ? null
                : assignedTo.strip(), o, r), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(summary = "One child's triage item",
            description = "The referral content, the suggested level with the rules and indicators that drove it,"
                    + " prior involvement (re-referrals, same-day duplicates, an open case), partner agency checks,"
                    + " the decision once made, and the item's history.")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TriageItemView get(@PathParam("id") UUID id) {
        return triage.view(id);
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.TRIAGE_WORKER)
    @Operation(summary = "Claim an item", description = "The calling triage worker takes the item: it becomes"
            + " IN_PROGRESS and assigned to them. Claiming your own item again changes nothing.")
    @APIResponse(responseCode = "200", description = "The item, now yours",
            content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "409", description = "Someone else has it, or it is decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TriageItemView claim(@PathParam("id") UUID id) {
        return triage.claim(id);
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(summary = "Assign an item to a triage worker", description = "A team manager gives (or moves) an"
            + " undecided item to a worker.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignRequest.class),
            examples = @ExampleObject(name = "assign", value = "{\"assignee\": \"dev-triage-worker\"}")))
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(schema = @Schema(implementation = TriageItemView.class)))
    @APIResponse(responseCode = "409", description = "The item is decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TriageItemView assign(@PathParam("id") UUID id, AssignRequest request) {
        return triage.assign(id, request);
    }

    @POST
    @Path("/{id}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(summary = "Record a partner agency check", description = "Police, health, education or other: who"
            + " was asked, when, what was found. A named organisation is informed when the child's case closes.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckRequest.class),
            examples = @ExampleObject(name = "police", value = CHECK_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TriageItemView.Check.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addCheck(@PathParam("id") UUID id, CheckRequest request) {
        return Response.status(Response.Status.CREATED).entity(triage.addCheck(id, request)).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(summary = "Decide for this child",
            description = "Level 1-4 and an outcome the level allows: level 1 NO_FURTHER_ACTION or"
                    + " INFORMATION_AND_ADVICE; level 2 EARLY_HELP_SINGLE_AGENCY (or NO_FURTHER_ACTION /"
                    + " INFORMATION_AND_ADVICE, with the rationale saying why); level 3 EARLY_HELP_TARGETED; level 4"
                    + " SOCIAL_CARE_ASSESSMENT (s17) or STRATEGY_DISCUSSION (s47). Any other pairing is refused (422)."
                    + " primaryNeedCode (N0-N9) is required for social care outcomes; levelOverrideReason when the"
                    + " level differs from the suggestion. NO_FURTHER_ACTION where the referrer flagged immediate risk"
                    + " must be made by a team manager (their decision is the approval, recorded as approvedBy); a"
                    + " triage worker is refused with 403. An early help or social care outcome opens a case with a"
                    + " lead worker (or joins the child's open case). An item claimed by another worker is theirs to"
                    + " decide (or a team manager's). Whether the deadline was met is recorded."
                    + " Publishes triage.decided (and case.opened, case.allocated).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class),
            examples = {
                    @ExampleObject(name = "targeted early help", value = DECISION_EXAMPLE),
                    @ExampleObject(name = "strategy discussion", value = SOCIAL_CARE_EXAMPLE),
                    @ExampleObject(name = "level below the suggestion", value = OVERRIDE_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = DecisionResult.class),
                    examples = @ExampleObject(name = "decided", value = DECIDED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "No further action on immediate risk needs a team manager",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided, with another worker (a team manager may"
            + " decide any item), or the contact is with an open case's worker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed; e.g. an outcome that contradicts"
            + " the level, or a lead worker above the caseload maximum",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "contradiction", value = CONTRADICTION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionResult decide(@PathParam("id") UUID id, DecisionRequest request) {
        return triage.decide(id, request);
    }
}
