package org.frontdoor.triage.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.cases.CaseApprovals;
import org.frontdoor.triage.decision.DecisionService;
import org.frontdoor.triage.queue.QueueService;

/**
 * The team manager's approvals: decisions that wait for a manager who did not make them, and the closes and steps of
 * cases that wait for a second manager (approved or declined on the case's page).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.TEAM_MANAGER)
public class ConsoleApprovalsResource {


    @Inject
    DecisionService decisionService;

    @Inject
    QueueService queueService;

    @Inject
    CaseApprovals approvals;

    @Inject
    QueueViews queueViews;

    @Inject
    CaseViews caseViews;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/approvals")
    public Response approvals(@QueryParam("done") String done) {
        List<QueueViews.QueueRow> rows = queueViews.rows(queueService.awaitingApproval());
        // the longest waiting closes and steps; the API pages through any more
        List<CaseViews.CaseChangeRow> changes = caseViews.caseChanges(approvals.awaitingApproval(0, 100).requests());
        return pages.show("Decisions awaiting approval", "approved".equals(done) ? "Decision approved" : null,
                t -> ConsoleTemplates.approvals(t, rows, changes));
    }

    @POST
    @Path("/items/{id}/approve")
    public Response approve(@PathParam("id") UUID id, @BeanParam ConsoleForms.VersionForm form) {
        return pages.change(() -> decisionService.approve(id, form.ifMatch()), "/console/approvals?done=approved");
    }
}
