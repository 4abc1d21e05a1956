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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
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


    @Inject
    DecisionService decisionService;

    @Inject
    QueueService queueService;

    @Inject
    ScreeningService screeningService;

    @Inject
    InformationRequests informationRequests;

    @Inject
    ScreeningViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/items/{id}")
    public Response item(@PathParam("id") UUID id, @QueryParam("done") String done) {
        String notice = "check".equals(done) ? "Check recorded" : "decision".equals(done) ? "Decision recorded"
                : "asked".equals(done) ? "Question sent to the organisation" : null;
        return screening(id, Posted.NONE, notice);
    }

    @POST
    @Path("/items/{id}/checks")
    public Response check(@PathParam("id") UUID id, @BeanParam ConsoleForms.CheckForm form) {
        return pages.change(() -> screeningService.addCheck(id, form.command(), form.ifMatch()),
                added -> "/console/items/" + id + "?done=check",
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
        List<Problem.FieldError> missing = form.missing();
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
            return pages.refused(e, "", found -> screening(id, new Posted(deciding.get().blame(found), form.values()),
                    null));
        }
        return Response.seeOther(URI.create("/console/items/" + id + "?done=decision")).build();
    }

    private Response screening(UUID id, Posted posted, String notice) {
        return pages.showRecord(() -> views.screening(queueService.view(id)), view -> view.childName() + ": screening",
                posted, notice, ConsoleTemplates::item);
    }
}
