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
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.PlanService;

/**
 * The console's plan pages, from a case's page: its referrals' plans; a referral's CIN plans (start one, end the one
 * going on); a child protection plan's reviews and changes of category. The DfE's rules are the service's, each
 * refusal beside its field.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsolePlansResource {

    private static final Map<String, String> DONE = Map.of(
            "started", "CIN plan started",
            "ended", "CIN plan ended",
            "reviewed", "Review recorded",
            "category", "Category of abuse changed");

    @Inject
    PlanService plans;

    @Inject
    PlanViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/cases/{id}/plans")
    public Response casePlans(@PathParam("id") UUID id) {
        return pages.showRecord(() -> views.casePlans(id), PlanViews.CasePlans::title, Posted.NONE, null,
                PlanTemplates::casePlans);
    }

    @GET
    @Path("/referrals/{id}/cin-plans")
    public Response cinPlans(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return cinPlansPage(id, Posted.NONE, done == null ? null : DONE.get(done));
    }

    @POST
    @Path("/referrals/{id}/cin-plans")
    public Response start(@PathParam("id") UUID id, @BeanParam PlanForms.StartForm form) {
        return pages.change(() -> plans.startCinPlan(id, form.command()),
                started -> "/console/referrals/" + id + "/cin-plans?done=started", "",
                found -> cinPlansPage(id, form.refused(found), null));
    }

    @POST
    @Path("/referrals/{id}/cin-plans/{plan}/end")
    public Response end(@PathParam("id") UUID id, @PathParam("plan") UUID plan, @BeanParam PlanForms.EndForm form) {
        return pages.change(() -> plans.endCinPlan(plan, form.endedOn(), form.ifMatch()),
                ended -> "/console/referrals/" + id + "/cin-plans?done=ended", "",
                found -> cinPlansPage(id, form.refused(found), null));
    }

    @GET
    @Path("/protection-plans/{id}")
    public Response protectionPlan(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return protectionPage(id, Posted.NONE, done == null ? null : DONE.get(done));
    }

    @POST
    @Path("/protection-plans/{id}/reviews")
    public Response review(@PathParam("id") UUID id, @BeanParam PlanForms.ReviewForm form) {
        return pages.change(() -> plans.addReview(id, form.command()),
                reviewed -> "/console/protection-plans/" + id + "?done=reviewed", "",
                found -> protectionPage(id, form.refused(found), null));
    }

    @POST
    @Path("/protection-plans/{id}/category-changes")
    public Response changeCategory(@PathParam("id") UUID id, @BeanParam PlanForms.CategoryForm form) {
        return pages.change(() -> plans.changeCategory(id, form.command()),
                changed -> "/console/protection-plans/" + id + "?done=category", "",
                found -> protectionPage(id, form.refused(found), null));
    }

    private Response cinPlansPage(UUID id, Posted posted, String notice) {
        return pages.showRecord(() -> views.cinPlans(id), PlanViews.CinPlans::title, posted, notice,
                PlanTemplates::cinPlans);
    }

    private Response protectionPage(UUID id, Posted posted, String notice) {
        return pages.showRecord(() -> views.protection(id), PlanViews.Protection::title, posted, notice,
                PlanTemplates::protectionPlan);
    }
}
