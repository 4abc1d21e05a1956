package org.frontdoor.triage.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.ChildMerges;
import org.frontdoor.triage.decision.DecisionService;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.screening.ScreeningService;
import org.frontdoor.triage.sharing.InformationRequests;

/**
 * The console's screening page of one contact: its checks with partner agencies, the questions asked of them, and the
 * decision for its children.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleScreeningResource {

    /** What the screening page says of what was just done, by the redirect's {@code done}. */
    private static final Map<String, String> DONE = Map.of(
            "check", "Check recorded",
            "decision", "Decision recorded",
            "merged", "Records merged: the earlier record and this contact are one child's",
            "not-the-same", "Recorded as not the same child: that record is not offered again",
            "asked", "Question sent to the organisation");

    @Inject
    DecisionService decisionService;

    @Inject
    QueueService queueService;

    @Inject
    ScreeningService screeningService;

    @Inject
    ChildMerges childMerges;

    @Inject
    InformationRequests informationRequests;

    @Inject
    ScreeningViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/items/{id}")
    public Response item(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return screening(id, Posted.NONE, done == null ? null : DONE.get(done));
    }

    @POST
    @Path("/items/{id}/checks")
    public Response check(@PathParam("id") UUID id, @BeanParam ConsoleForms.CheckForm form) {
        return pages.change(() -> screeningService.addCheck(id, form.command(), form.ifMatch()),
                added -> done(id, "check"),
                "check.", found -> screening(id, form.refused(found), null));
    }

    /** Asks a partner organisation a question about the contact's children; refused, the errors beside the fields. */
    @POST
    @Path("/items/{id}/information-requests")
    public Response ask(@PathParam("id") UUID id, @BeanParam ConsoleForms.AskForm form) {
        return pages.change(() -> informationRequests.ask(id, form.command()),
                asked -> "/console/items/" + id + "?done=asked",
                "ask.", found -> screening(id, form.refused(found), null));
    }

    /**
     * Decides the contact's undecided children at once (see {@link DecisionForm}). All in one transaction: if one
     * child's decision breaks a rule, none is saved, and the page shows why, next to the field.
     */
    @POST
    @Path("/items/{id}/decision")
    public Response decide(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        DecisionForm form = DecisionForm.read(posted);
        Map<UUID, String> who = views.childReferences(id);
        List<Problem.FieldError> missing = form.missing(who);
        if (!missing.isEmpty()) {
            return screening(id, new Posted(missing, form.values()), null);
        }
        // all the children or none: one transaction, so a mistake about the second child saves nothing of the first
        AtomicReference<ChildDecision> deciding = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> form.children().forEach(child -> {
                deciding.set(child);
                decisionService.decide(child.itemId(), child.command(form), child.ifMatch());
            }));
        } catch (ProblemException | DomainException e) {
            // the errors are about the child being decided when the rule was broken
            return pages.refused(e, "", found -> screening(id, new Posted(deciding.get().blame(found,
                    who.getOrDefault(deciding.get().itemId(), "the child")), form.values()),
                    null));
        }
        return Response.seeOther(URI.create(done(id, "decision"))).build();
    }

    /**
     * A possible earlier record is the same child: the screened child's record ({@code child}, its key now) is
     * merged into the earlier one, which survives. The reason is required, beside its own form's field.
     */
    @POST
    @Path("/items/{id}/children/{child}/matches/{record}/merge")
    public Response merge(@PathParam("id") UUID id, @PathParam("child") UUID child, @PathParam("record") UUID record,
            @BeanParam ConsoleForms.ReasonForm form) {
        String prefix = FieldNames.prefix(FieldNames.MERGE, child, record);
        return pages.change(() -> childMerges.merge(record, child,
                form.required("Enter why these records are the same child")), merged -> done(id, "merged"),
                prefix, found -> screening(id, form.refused(prefix, found), null));
    }

    /** A possible earlier record is not the same child: recorded, with the reason, and not offered again. */
    @POST
    @Path("/items/{id}/children/{child}/matches/{record}/not-the-same")
    public Response notTheSame(@PathParam("id") UUID id, @PathParam("child") UUID child,
            @PathParam("record") UUID record, @BeanParam ConsoleForms.ReasonForm form) {
        String prefix = FieldNames.prefix(FieldNames.NOT_SAME, child, record);
        return pages.change(() -> {
            childMerges.notTheSame(child, record, form.required("Enter why this is not the same child"));
            return record;
        }, recorded -> done(id, "not-the-same"), prefix, found -> screening(id, form.refused(prefix, found), null));
    }

    private static String done(UUID id, String done) {
        return "/console/items/" + id + "?done=" + done;
    }

    private Response screening(UUID id, Posted posted, String notice) {
        return pages.showRecord(() -> views.screening(queueService.view(id)), view -> view.childName() + ": screening",
                posted, notice, ConsoleTemplates::item);
    }
}
