package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.cases.CaseReads;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.staff.StaffAlerts;
import org.frontdoor.triage.staff.StaffService;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My work", description = "The signed-in member of staff's own items, cases and alerts, from their token")
public class MeResource {

    @Inject
    StaffService staff;

    @Inject
    QueueService queueService;

    @Inject
    StaffAlerts alerts;

    @Inject
    CaseReads caseReads;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getMe", summary = "Who I am", description = "The staff record the token's subject is linked to.")
    @APIResponse(responseCode = "200", description = "My staff record",
            content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "403", description = "The sign-in is not linked to an active member of staff")
    public StaffView me() {
        return StaffView.of(staff.me());
    }

    @GET
    @Path("/items")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listMyItems", summary = "My items", description = "Undecided triage items assigned to me (including those awaiting"
            + " approval), RED first, then by deadline.")
    @APIResponse(responseCode = "200", description = "A page of items",
            content = @Content(schema = @Schema(implementation = TriageItemSummary.Page.class)))
    public TriageItemSummary.Page items(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return TriageItemSummary.Page.of(queueService.mine(page, size), Instant.now(clock));
    }

    @GET
    @Path("/cases")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listMyCases", summary = "My cases", description = "The open cases I lead.")
    @APIResponse(responseCode = "200", description = "A page of the cases; total counts them all",
            content = @Content(schema = @Schema(implementation = CaseView.SummaryPage.class)))
    public CaseView.SummaryPage cases(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return CaseView.SummaryPage.of(caseReads.mine(), page, size, Instant.now(clock));
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listMyAlerts", summary = "My alerts", description = "What I was told at once, newest first: a contact about a child of"
            + " my case, a contact passed to me, a case allocated to or moved from me, a decision sent back.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StaffView.Alert.class,
                    maxItems = 200)))
    public List<StaffView.Alert> alerts(@QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return alerts.mine(size).stream().map(StaffView.Alert::of).toList();
    }

    @POST
    @Path("/alerts/{id}/read")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "markAlertRead", summary = "Mark an alert read", description = "Records when I read it; it stays in my list.")
    @APIResponse(responseCode = "200", description = "The alert",
            content = @Content(schema = @Schema(implementation = StaffView.Alert.class)))
    @APIResponse(responseCode = "404", description = "No such alert of mine")
    public StaffView.Alert read(@PathParam("id") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return StaffView.Alert.of(alerts.read(id));
    }
}
