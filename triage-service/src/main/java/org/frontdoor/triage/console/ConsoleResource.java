package org.frontdoor.triage.console;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;

/**
 * The MASH console: server-rendered pages in the GOV.UK Design System's look, signed in with the council's identity
 * provider (the OIDC tenant "console"). Here: its entry, the queue of contacts to screen; the other screens
 * each have a resource of their own under /console (screening, cases, approvals, allocation, feedback,
 * indicators). Plain forms (no JavaScript needed); each form carries the record's version, so a stale page cannot
 * overwrite a newer change, and the session's CSRF token, checked by {@link ConsoleCsrfFilter} for every console
 * resource ({@link CsrfChecked}). The pages call the same domain services as the API, so the rules, the audit and
 * the events are the same.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleResource {


    @Inject
    QueueService queueService;

    @Inject
    QueueViews views;

    @Inject
    ConsolePages pages;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** The first page of the person's day: the queue, or (the front door officer's) logging a contact. */
    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER, Roles.FRONT_DOOR })
    public Response home() {
        boolean screens = identity.hasRole(Roles.TRIAGE_WORKER) || identity.hasRole(Roles.TEAM_MANAGER);
        return Response.seeOther(URI.create(screens ? "/console/queue" : "/console/contacts/new")).build();
    }

    /** Mine, and the team's queue by priority, status, overdue and open case (a filter not understood is none). */
    @GET
    @Path("/queue")
    public Response queue(@QueryParam("priority") String priority,
            @QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("openCase") String openCase) {
        Priority p = ConsoleForms.enumOrNull(Priority.class, priority);
        TriageStatus st = ConsoleForms.enumOrNull(TriageStatus.class, status);
        Boolean o = "true".equals(overdue) ? Boolean.TRUE : null;
        Boolean c = "true".equals(openCase) ? Boolean.TRUE : null;
        QueueViews.Queue queue = views.queue(queueService.mine(0, 50), queueService.list(new TriageResults.Filter(st, p, null,
                o, null, c), 0, 100), p, st, o != null, c != null);
        return pages.show("Contacts to screen", null, t -> ConsoleTemplates.queue(t, queue));
    }

    @GET
    @Path("/signed-out")
    @PermitAll // after sign-out there is no one to check
    public String signedOut() {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Signed out</title></head><body><main><h1>You have"
                + " signed out</h1><p><a href=\"/console\">Sign in again</a></p></main></body></html>";
    }
}
