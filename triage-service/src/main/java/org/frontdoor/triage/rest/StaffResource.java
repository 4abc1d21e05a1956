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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.frontdoor.triage.staff.StaffCommand;
import org.frontdoor.triage.staff.StaffService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "The staff directory, kept by team managers: who works at the front door, linked"
        + " to their sign-in by the identity provider's subject, with team, pathway, role and caseload limit")
public class StaffResource {

    static final String STAFF_EXAMPLE = """
            {"id": "sw-gita-rao", "subject": "8f14e45f-ceea-467f-a0e6-2f1e9d1c6a01", "name": "Gita Rao",
             "email": "gita.rao@council.example", "team": "Assessment team 2", "pathway": "SOCIAL_CARE",
             "role": "SOCIAL_WORKER", "caseloadLimit": 14}""";

    @Inject
    StaffService staff;

    @GET
    @Path("/staff")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listStaff", summary = "The staff directory", description = "Everyone, active or not, with the cases they lead"
            + " and their caseload band.")
    @APIResponse(responseCode = "200", description = "A page of the staff, by id; total counts them all",
            content = @Content(schema = @Schema(implementation = StaffView.Page.class)))
    public StaffView.Page list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return StaffView.Page.of(staff.list(false), page, size);
    }

    @GET
    @Path("/workers")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listWorkers", summary = "Lead workers and their caseloads", description = "Staff who lead early help or social care"
            + " cases: each one's open cases and band. UNDER, WITHIN the 13-16 band (allocation warns), OVER their"
            + " limit (only a team manager allocates more, with a reason).")
    @APIResponse(responseCode = "200", description = "A page of the lead workers, by id; total counts them all",
            content = @Content(schema = @Schema(implementation = StaffView.Page.class)))
    public StaffView.Page workers(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return StaffView.Page.of(staff.list(true), page, size);
    }

    @GET
    @Path("/staff/{id}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getStaffMember", summary = "A member of staff", description = "Their record, the cases they lead and their caseload"
            + " band. The ETag header is the record's version, for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The member of staff; ETag is the record's version",
            content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "404", description = "No such member of staff")
    public Response get(@PathParam("id") @Size(max = 100) String id) {
        return view(StaffView.of(staff.get(id)));
    }

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "createStaffMember", summary = "Add a member of staff", description = "Their subject links their sign-in: without it they"
            + " can be allocated cases but cannot work the queue.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffCommand.class),
            examples = @ExampleObject(name = "social worker", value = STAFF_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "403", description = "Your own sign-in, linked to a record before: another team"
            + " manager moves it")
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed; e.g. a subject already linked")
    public Response create(StaffCommand command) {
        StaffView view = StaffView.of(staff.create(command));
        return Response.created(URI.create("/api/v1/staff/" + view.id())).entity(view)
                .header("ETag", IfMatch.etag(view.version())).build();
    }

    @PUT
    @Path("/staff/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "updateStaffMember", summary = "Change a member of staff", description = "Replaces the record; the id stays. A pathway"
            + " change, or deactivation, while they lead open cases is refused: reallocate first, or deactivate. Nobody"
            + " changes their own subject, role or active flag; a subject once linked moves only by another manager"
            + " (audited).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffCommand.class),
            examples = @ExampleObject(name = "social worker", value = STAFF_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "403", description = "Your own record's subject, role or active flag, or your own"
            + " sign-in once linked to a record: another team manager changes them (the field is named)")
    @APIResponse(responseCode = "412", description = "The record changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "404", description = "No such member of staff")
    public Response update(@PathParam("id") @Size(max = 100) String id, StaffCommand command,
            @Parameter(description = "The record's ETag as last read") @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return view(StaffView.of(staff.update(id, command, IfMatch.parse(ifMatch))));
    }

    @POST
    @Path("/staff/{id}/deactivate")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "deactivateStaffMember", summary = "Deactivate a member of staff", description = "They can no longer sign in to work items or"
            + " be allocated cases. Their undecided triage items return to the queue; the answer lists their open"
            + " cases, to reallocate with POST /api/v1/cases/{id}/allocate.")
    @APIResponse(responseCode = "200", description = "Deactivated, with their open cases",
            content = @Content(schema = @Schema(implementation = StaffView.Deactivated.class)))
    @APIResponse(responseCode = "403", description = "Your own record: another team manager deactivates it")
    @APIResponse(responseCode = "412", description = "The record changed since you read it")
    @APIResponse(responseCode = "404", description = "No such member of staff")
    public StaffView.Deactivated deactivate(@PathParam("id") @Size(max = 100) String id,
            @Parameter(description = "The record's ETag as last read") @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return StaffView.Deactivated.of(staff.deactivate(id, IfMatch.parse(ifMatch)));
    }

    private static Response view(StaffView view) {
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }
}
