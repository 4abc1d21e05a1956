package org.frontdoor.triage.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.staff.StaffAlerts;

/**
 * The statutory timescales due and overdue (as GET /api/v1/timescales), and the signed-in worker's own alerts (as
 * /api/v1/me/alerts), marked read one at a time.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleMyWorkResource {

    @Inject
    MyWorkViews views;

    @Inject
    StaffAlerts alerts;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/timescales")
    public Response timescales(@QueryParam("overdue") String overdue, @QueryParam("page") String page) {
        Integer number = ConsoleForms.intOrNull(page);
        MyWorkViews.Timescales shown = views.timescales("true".equals(overdue), number == null ? 1 : number);
        return pages.show(shown.overdueOnly() ? "Overdue statutory work" : "Statutory timescales", null,
                t -> StatutoryTemplates.timescales(t, shown));
    }

    @GET
    @Path("/alerts")
    public Response alerts(@QueryParam("done") String done) {
        List<MyWorkViews.AlertRow> mine;
        try {
            mine = views.alerts();
        } catch (ProblemException | DomainException e) {
            return pages.problem(e);
        }
        return pages.show("My alerts", "read".equals(done) ? "Alert marked as read" : null,
                t -> StatutoryTemplates.alerts(t, mine));
    }

    @POST
    @Path("/alerts/{id}/read")
    public Response read(@PathParam("id") long id) {
        return pages.change(() -> alerts.read(id), "/console/alerts?done=read");
    }
}
