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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
import org.frontdoor.support.validation.Text;

/**
 * Feedback owed to referrers and partners, from the notification service (which owns it): the messages it could
 * not deliver, each a task to tell the recipient by other means, and those overdue or at risk. When the service
 * does not answer, the page says so (503) rather than failing.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.TEAM_MANAGER)
public class ConsoleFeedbackResource {


    @Inject
    NotificationServiceClient notifications;

    @Inject
    FeedbackViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/feedback")
    public Response feedback(@QueryParam("done") String done) {
        return feedbackPage(Posted.NONE, "informed".equals(done) ? "Recorded: they were told" : null);
    }

    /** A refusal about a field is shown beside that task's own form: {@code tasks[<id>].how}. */
    @POST
    @Path("/notifications/{id}/informed")
    public Response informed(@PathParam("id") UUID id, @BeanParam ConsoleForms.InformedForm form) {
        String prefix = FieldNames.prefix(FieldNames.TASKS, id);
        if (Text.blankToNull(form.how()) == null) {
            return feedbackPage(form.refused(List.of(new Problem.FieldError(prefix + "how",
                    "Choose how they were told"))), null);
        }
        try {
            notifications.informed(id, form.how(), Text.blankToNull(form.note()));
        } catch (ServiceUnavailableException e) {
            return feedbackPage(form.refused(List.of()), null);
        } catch (ProblemException e) {
            return pages.refused(e, prefix, found -> feedbackPage(form.refused(found), null));
        }
        return Response.seeOther(URI.create("/console/feedback?done=informed")).build();
    }

    private Response feedbackPage(Posted posted, String notice) {
        FeedbackViews.Feedback view;
        try {
            view = views.feedback(notifications.couldNotInform(), notifications.overdue());
        } catch (ServiceUnavailableException e) {
            view = views.feedbackUnavailable();
        }
        FeedbackViews.Feedback shown = view;
        return pages.show("Feedback to referrers and partners", posted, notice,
                t -> ConsoleTemplates.feedback(t, shown),
                view.available() ? posted.status() : 503);
    }
}
