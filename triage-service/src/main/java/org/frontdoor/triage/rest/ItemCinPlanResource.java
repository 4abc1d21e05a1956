package org.frontdoor.triage.rest;

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
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.CinPlanCommand;
import org.frontdoor.triage.statutory.PlanService;

/** A referral's child in need plans: started here, changed or ended at {@code /api/v1/cin-plans/{id}}. */
@Path("/api/v1/triage-items/{id}/cin-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class ItemCinPlanResource {

    static final String START_EXAMPLE = """
            {"startedOn": "2026-12-01"}""";

    @Inject
    PlanService plans;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "startCinPlan", summary = "Start a child's CIN plan", description = "On the triage item"
            + " of a contact that became a referral (the census's CIN episode). Not before the referral (DfE 4015),"
            + " not in the future (4010); an end, if given, not before the start (4011); not overlapping another CIN"
            + " plan of the child, so one open at a time (4014, 4004), nor a child protection plan of the referral"
            + " (4001). One may start on the day another plan ends.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CinPlanCommand.class),
            examples = @ExampleObject(name = "started", value = START_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Started", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = PlanView.Cin.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "409", description = "Not a referral")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response start(@PathParam("id") UUID id, CinPlanCommand command) {
        PlanView.Cin view = PlanView.Cin.of(plans.startCinPlan(id, command));
        return Response.status(Response.Status.CREATED).entity(view).header("ETag", IfMatch.etag(view.version()))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listCinPlans", summary = "The referral's CIN plans", description = "The earliest first,"
            + " paged. Audited.")
    @APIResponse(responseCode = "200", description = "A page of plans",
            content = @Content(schema = @Schema(implementation = PlanView.CinPage.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public PlanView.CinPage list(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PlanView.CinPage.of(plans.cinPlans(id), page, size);
    }
}
