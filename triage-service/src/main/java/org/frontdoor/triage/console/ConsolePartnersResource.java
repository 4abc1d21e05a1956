package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;

/**
 * The partner directory, which the notification service holds: read by everyone who works at the front door;
 * organisations added, changed and deactivated by the front door, team managers and ops, as that service allows. Every call goes
 * with the signed-in person's own token (NotificationServiceClient), so that service decides and audits it as
 * theirs. When it does not answer, the page says so (503) rather than failing, and nothing is changed.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER, Roles.OPS })
public class ConsolePartnersResource {

    @Inject
    NotificationServiceClient notifications;

    @Inject
    PartnerViews views;

    @Inject
    ConsolePages pages;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/partners")
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.OPS, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    public Response directory(@QueryParam("page") String page) {
        Integer p = ConsoleForms.intOrNull(page);
        int from = p == null || p < 1 ? 0 : Math.min(p - 1, 100_000);
        PartnerViews.Directory directory;
        try {
            directory = views.directory(notifications.partners(from, PartnerViews.PAGE), mayChange());
        } catch (ServiceUnavailableException e) {
            directory = views.unavailable(mayChange());
        }
        PartnerViews.Directory shown = directory;
        return pages.show("Partner directory", Posted.NONE, null, t -> DirectoryTemplates.partners(t, shown),
                shown.available() ? 200 : 503);
    }

    @GET
    @Path("/new-partner")
    public Response addPage() {
        return addPage(Posted.NONE);
    }

    /** Added: to its page. An id already taken is said beside the id. */
    @POST
    @Path("/partners")
    public Response add(@BeanParam PartnerForms.PartnerForm form) {
        return changed(idTaken(() -> notifications.createPartner(form.body(null))), "added",
                found -> addPage(form.refused(found)));
    }

    @GET
    @Path("/partners/{id}")
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.OPS, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    public Response partner(@PathParam("id") String id, @QueryParam("done") String done) {
        return partnerPage(id, null, notice(done));
    }

    /** The record replaced from the form (its id stays; its active flag as it is). */
    @POST
    @Path("/partners/{id}")
    public Response change(@PathParam("id") String id, @BeanParam PartnerForms.PartnerForm form) {
        return changed(() -> notifications.updatePartner(id, form.body(null), form.ifMatch()), "changed",
                found -> partnerPage(id, form.refused(found), null));
    }

    /** Nothing more is sent to it: what was due becomes tasks for the front door (the feedback page). */
    @POST
    @Path("/partners/{id}/deactivate")
    public Response deactivate(@PathParam("id") String id, @BeanParam ConsoleForms.VersionForm form) {
        return changed(() -> notifications.deactivatePartner(id, form.ifMatch()), "deactivated", null);
    }

    /** Reactivated: the form's values as the page showed them, and active. */
    @POST
    @Path("/partners/{id}/reactivate")
    public Response reactivate(@PathParam("id") String id, @BeanParam PartnerForms.PartnerForm form) {
        return changed(() -> notifications.updatePartner(id, form.body(true), form.ifMatch()), "reactivated",
                found -> partnerPage(id, form.refused(found), null));
    }

    /** A change, then its organisation's page; the service not answering: a page saying so, nothing changed. */
    private Response changed(Supplier<JsonNode> change, String done,
            Function<List<Problem.FieldError>, Response> redraw) {
        try {
            return pages.change(change, p -> "/console/partners/" + p.path("id").asText() + "?done=" + done, "",
                    redraw == null ? null : found -> redraw.apply(PartnerViews.inWords(found)));
        } catch (ServiceUnavailableException e) {
            return unavailable();
        }
    }

    private Response addPage(Posted posted) {
        PartnerViews.Partner blank = views.blank();
        return pages.show("Add a partner organisation", posted, null, t -> DirectoryTemplates.partnerNew(t, blank));
    }

    /** {@code posted} null: the page drawn fresh, the change form holding the record as it is. */
    private Response partnerPage(String id, Posted posted, String notice) {
        JsonNode p;
        try {
            p = notifications.partner(id);
        } catch (ServiceUnavailableException e) {
            return unavailable();
        } catch (ProblemException e) {
            return pages.problem(e);
        }
        PartnerViews.Partner view = views.partner(p, mayChange());
        Posted shown = posted != null ? posted : new Posted(List.of(), PartnerForms.values(p));
        return pages.show(view.name(), shown, notice, t -> DirectoryTemplates.partner(t, view));
    }

    private Response unavailable() {
        return pages.problem("The partner directory is not answering", "The notification service, which holds the"
                + " partner directory, is not answering just now, so nothing was read or changed. Try again in a few"
                + " minutes.", 503);
    }

    private boolean mayChange() {
        return identity.hasRole(Roles.FRONT_DOOR) || identity.hasRole(Roles.TEAM_MANAGER) || identity.hasRole(Roles.OPS);
    }

    /** An id already in the directory (409), said beside the id rather than on a page of its own. */
    private static Supplier<JsonNode> idTaken(Supplier<JsonNode> change) {
        return () -> {
            try {
                return change.get();
            } catch (ProblemException e) {
                if (e.type() != ProblemType.CONFLICT) {
                    throw e;
                }
                throw new ProblemException(ProblemType.VALIDATION, e.getMessage(), List.of(new Problem.FieldError(
                        "id", "is already in the directory: choose another, or change that organisation")));
            }
        };
    }

    private static String notice(String done) {
        return done == null ? null : switch (done) {
            case "added" -> "Organisation added";
            case "changed" -> "Changes saved";
            case "deactivated" -> "Deactivated: nothing more is sent to it; messages due to it become tasks on"
                    + " the feedback page";
            case "reactivated" -> "Reactivated: messages go to it again";
            default -> null;
        };
    }
}
