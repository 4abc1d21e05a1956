package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.CategoryChangeCommand;
import org.frontdoor.triage.statutory.CinPlanCommand;
import org.frontdoor.triage.statutory.PlanReviewCommand;
import org.frontdoor.triage.statutory.PlanService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "After a referral: its child in need plans (start and end), and the reviews and"
        + " changes of category of the child protection plan an s47 enquiry's conference made, recorded as the CIN"
        + " census needs them (CINPlanDates; CPPreviewDate, LatestCategoryOfAbuse). The DfE's rules on them are"
        + " checked here, each failure a 422 naming its field; nothing is saved unless all hold.")
public class PlanResource {

    static final String END_EXAMPLE = """
            {"startedOn": "2026-12-01", "endedOn": "2027-03-01"}""";

    static final String REVIEW_EXAMPLE = """
            {"reviewedOn": "2027-03-05"}""";

    static final String CATEGORY_EXAMPLE = """
            {"changedOn": "2027-03-05", "category": "EMO"}""";

    @Inject
    PlanService plans;

    @PUT
    @Path("/cin-plans/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "updateCinPlan", summary = "Change or end a CIN plan", description = "The whole record:"
            + " ending the plan is giving its end (endedOn), not before its start (DfE 4011) nor in the future; the"
            + " plan overlapping no other CIN plan of the child (4014) nor a child protection plan (4001).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CinPlanCommand.class),
            examples = @ExampleObject(name = "ended", value = END_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = PlanView.Cin.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response updateCinPlan(@PathParam("id") UUID id, CinPlanCommand command,
            @Parameter(description = "The ETag as last read; optional") @HeaderParam("If-Match")
            @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        PlanView.Cin view = PlanView.Cin.of(plans.updateCinPlan(id, command, IfMatch.parse(ifMatch)));
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }

    @GET
    @Path("/section47-enquiries/{id}/protection-plan")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getProtectionPlan", summary = "An s47 enquiry's child protection plan",
            description = "Its dates, first and latest category of abuse, reviews and changes of category. Audited.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = PlanView.Protection.class)))
    @APIResponse(responseCode = "404", description = "No such enquiry")
    @APIResponse(responseCode = "409", description = "The enquiry's conference made no plan (yet)")
    public PlanView.Protection protectionPlan(@PathParam("id") UUID id) {
        return PlanView.Protection.of(plans.protectionPlan(id));
    }

    @POST
    @Path("/section47-enquiries/{id}/protection-plan/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "recordProtectionPlanReview", summary = "Record a child protection plan's review",
            description = "A review conference: after the plan started (DfE 8841), not after it ended, not in the"
                    + " future, once a day, and not while a CIN plan of the referral runs (4003).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanReviewCommand.class),
            examples = @ExampleObject(name = "reviewed", value = REVIEW_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded: the plan as it now is",
            content = @Content(schema = @Schema(implementation = PlanView.Protection.class)))
    @APIResponse(responseCode = "404", description = "No such enquiry")
    @APIResponse(responseCode = "409", description = "The enquiry's conference made no plan")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response review(@PathParam("id") UUID id, PlanReviewCommand command) {
        return Response.status(Response.Status.CREATED)
                .entity(PlanView.Protection.of(plans.addReview(id, command))).build();
    }

    @POST
    @Path("/section47-enquiries/{id}/protection-plan/category-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "changeProtectionPlanCategory", summary = "Change a child protection plan's category",
            description = "The category of abuse from a day on (the census's LatestCategoryOfAbuse is the latest"
                    + " change's): after the plan started, not after it ended, not in the future, one change a day,"
                    + " and not the category already in force that day.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CategoryChangeCommand.class),
            examples = @ExampleObject(name = "changed at a review", value = CATEGORY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded: the plan as it now is",
            content = @Content(schema = @Schema(implementation = PlanView.Protection.class)))
    @APIResponse(responseCode = "404", description = "No such enquiry")
    @APIResponse(responseCode = "409", description = "The enquiry's conference made no plan")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response changeCategory(@PathParam("id") UUID id, CategoryChangeCommand command) {
        return Response.status(Response.Status.CREATED)
                .entity(PlanView.Protection.of(plans.changeCategory(id, command))).build();
    }
}
