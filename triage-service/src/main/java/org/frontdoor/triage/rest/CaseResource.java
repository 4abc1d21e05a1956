package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.domain.CaseService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases and caseloads", description = "Early help and social care cases: lead workers and their"
        + " caseloads, step up / down / across, closure")
public class CaseResource {

    static final String STEP_DOWN_EXAMPLE = """
            {"direction": "DOWN", "pathway": "EARLY_HELP",
             "rationale": "Assessment complete; risks reduced; parents engaging. Panel agreed step down to targeted early help.",
             "panelDate": "2026-11-20", "leadWorker": "eh-dana-price"}""";

    static final String STEP_UP_EXAMPLE = """
            {"direction": "UP", "pathway": "SOCIAL_CARE",
             "rationale": "New disclosure at school; the early help plan cannot keep the child safe."}""";

    static final String CLOSE_EXAMPLE = """
            {"reasonCode": "RC7",
             "summary": "Early help plan completed; attendance now 96% and the family is supported by the school."}""";

    @Inject
    CaseService cases;

    @GET
    @Path("/workers")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(summary = "Lead workers and their open cases", description = "Each worker's caseload and band: UNDER,"
            + " WITHIN the 13-16 band (allocation warns), OVER the configured maximum (allocation refused unless a"
            + " team manager gives a reason).")
    @APIResponse(responseCode = "200", description = "The workers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WorkerView.class)))
    public List<WorkerView> workers() {
        return cases.workers();
    }

    @GET
    @Path("/cases/{id}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(summary = "A case", description = "Pathway, lead worker, the children (of every referral) it covers,"
            + " steps, the partner agencies involved, closure and history.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView get(@PathParam("id") UUID id) {
        return cases.view(id);
    }

    @POST
    @Path("/cases/{id}/allocate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(summary = "Reallocate a case", description = "Gives the case to another lead worker. Warns inside the"
            + " 13-16 band; above the maximum only with a reason. Publishes case.allocated.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocateRequest.class),
            examples = @ExampleObject(name = "reallocate", value = "{\"worker\": \"eh-ed-walsh\"}")))
    @APIResponse(responseCode = "200", description = "The case, with any caseload warning",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown worker, or above the maximum without a reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView allocate(@PathParam("id") UUID id, AllocateRequest request) {
        return cases.allocate(id, request);
    }

    @POST
    @Path("/cases/{id}/step")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(summary = "Step a case up, down or across",
            description = "UP: early help to social care. DOWN: social care to early help; ACROSS: social care to"
                    + " early help led by a partner agency. DOWN and ACROSS need the panel's date. Optionally a new"
                    + " lead worker (else the current one keeps it). Publishes case.stepped so the lead worker and"
                    + " the referrer are informed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepRequest.class),
            examples = { @ExampleObject(name = "step down", value = STEP_DOWN_EXAMPLE),
                    @ExampleObject(name = "step up", value = STEP_UP_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "The case after the step",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView step(@PathParam("id") UUID id, StepRequest request) {
        return cases.step(id, request);
    }

    @POST
    @Path("/cases/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(summary = "Close a case", description = "With a CIN reason for closure RC1-RC9 and a summary."
            + " Publishes case.closed listing every partner agency involved (professional referrers of the case's"
            + " referrals and agencies checked), so all are informed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseRequest.class),
            examples = @ExampleObject(name = "close", value = CLOSE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The closed case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView close(@PathParam("id") UUID id, CloseRequest request) {
        return cases.close(id, request);
    }
}
