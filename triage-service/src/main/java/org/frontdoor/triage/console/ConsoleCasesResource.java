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
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.cases.CaseApprovals;
import org.frontdoor.triage.cases.CaseChanges;
import org.frontdoor.triage.cases.CaseReads;
import org.frontdoor.triage.cases.CaseResults;

/**
 * The console's cases: the cases I lead, and one case's page, where a team manager steps or closes it, and a second
 * manager approves or declines a close or step that waits (never the one who asked: a 403 page).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleCasesResource {

    /** What the case's page says of what was just done, by the redirect's {@code done}. */
    private static final Map<String, String> DONE = Map.of(
            "closed", "Case closed",
            "stepped", "Case stepped",
            "awaiting-approval", "Waits for another team manager's approval: the case was opened from an"
                    + " immediate-risk contact within the last 10 working days",
            "change-approved", "Approved: the case changed as asked",
            "change-declined", "Declined: the case stays as it is");


    @Inject
    CaseChanges caseChanges;

    @Inject
    CaseReads caseReads;

    @Inject
    CaseApprovals approvals;

    @Inject
    CaseViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/cases")
    public Response myCases() {
        List<CaseViews.CaseRow> mine = views.caseRows(caseReads.mine());
        return pages.show("My cases", null, t -> ConsoleTemplates.cases(t, mine));
    }

    @GET
    @Path("/cases/{id}")
    public Response careCase(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return casePage(id, Posted.NONE, done == null ? null : DONE.get(done));
    }

    @POST
    @Path("/cases/{id}/close")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response close(@PathParam("id") UUID id, @BeanParam ConsoleForms.CloseForm form) {
        return pages.change(() -> caseChanges.close(id, form.command(), form.ifMatch()), closed -> done(id, closed, "closed"),
                "close.", found -> casePage(id, form.refused(found), null));
    }

    @POST
    @Path("/cases/{id}/step")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response step(@PathParam("id") UUID id, @BeanParam ConsoleForms.StepForm form) {
        return pages.change(() -> caseChanges.step(id, form.command(), form.ifMatch()),
                stepped -> done(id, stepped, "stepped"),
                "step.", found -> casePage(id, form.refused(found), null));
    }

    @POST
    @Path("/cases/{id}/change/approve")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response approveChange(@PathParam("id") UUID id, @BeanParam ConsoleForms.VersionForm form) {
        return pages.change(() -> approvals.approve(id, form.ifMatch()),
                "/console/cases/" + id + "?done=change-approved");
    }

    @POST
    @Path("/cases/{id}/change/decline")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response declineChange(@PathParam("id") UUID id, @BeanParam ConsoleForms.DeclineForm form) {
        return pages.change(() -> approvals.decline(id, form.command(), form.ifMatch()),
                declined -> "/console/cases/" + id + "?done=change-declined",
                "decline.", found -> casePage(id, form.refused(found), null));
    }

    /** Back to the case's page: done, or waiting for a second manager's approval. */
    private static String done(UUID id, CaseResults.Details after, String done) {
        return "/console/cases/" + id + "?done=" + (after.pendingChange() == null ? done : "awaiting-approval");
    }

    private Response casePage(UUID id, Posted posted, String notice) {
        return pages.showRecord(() -> views.caseScreen(caseReads.view(id)), CaseViews.CaseScreen::title, posted, notice,
                ConsoleTemplates::careCase);
    }
}
