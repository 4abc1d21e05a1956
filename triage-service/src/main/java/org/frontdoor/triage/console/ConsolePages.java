package org.frontdoor.triage.console;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;

/**
 * Draws the console's pages in their layout (who is signed in, the session's CSRF token for the forms, a form's
 * errors, a notice), and the pages of their own that say why something could not be done.
 */
@ApplicationScoped
public class ConsolePages {

    @Inject
    SecurityIdentity identity;

    @Inject
    ConsoleCsrf csrf;

    /** A page drawn fresh, with an optional notice of what was just done. */
    Response show(String title, String notice, Function<ConsolePage, TemplateInstance> template) {
        return show(title, Posted.NONE, notice, template, 200);
    }

    /** A page with a form posted back: 422 when it shows the form's errors. */
    Response show(String title, Posted posted, String notice, Function<ConsolePage, TemplateInstance> template) {
        return show(title, posted, notice, template, posted.status());
    }

    Response show(String title, Posted posted, String notice, Function<ConsolePage, TemplateInstance> template,
            int status) {
        String user = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        ConsolePage page = new ConsolePage(title, user, identity.hasRole(Roles.TEAM_MANAGER), csrf.token(),
                posted.errors(), posted.values(), notice,
                identity.hasRole(Roles.TRIAGE_WORKER) || identity.hasRole(Roles.TEAM_MANAGER),
                identity.hasRole(Roles.FRONT_DOOR));
        return Response.status(status).entity(template.apply(page)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** The page of one record (a contact, a case): or, when the record cannot be shown, a page saying why. */
    <V> Response showRecord(Supplier<V> view, Function<V, String> title, Posted posted, String notice,
            BiFunction<ConsolePage, V, TemplateInstance> template) {
        V shown;
        try {
            shown = view.get();
        } catch (ProblemException | DomainException e) {
            return problem(e);
        }
        return show(title.apply(shown), posted, notice, page -> template.apply(page, shown));
    }

    /** A page of its own saying why nothing was done. */
    Response problem(String heading, String message, int status) {
        return show(heading, Posted.NONE, null, t -> ConsoleTemplates.problem(t, heading, message), status);
    }

    /** A refusal shown on a page of its own, with the status the API would answer. */
    Response problem(Refusal refusal) {
        String heading = switch (refusal.type()) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Not allowed for your role";
            case PRECONDITION_FAILED -> "Someone else changed this first";
            case CONFLICT -> "This cannot be done now";
            default -> "There is a problem";
        };
        String message = refusal.type() == ProblemType.PRECONDITION_FAILED
                ? "The record changed after you opened the page, so nothing was saved. Go back and reload it."
                : refusal.message();
        return problem(heading, message, refusal.type().status());
    }

    Response problem(RuntimeException e) {
        return problem(Refusal.of(e));
    }

    /**
     * A form's change, then the way to a page that shows it (post, redirect, get): {@code then} says where, from
     * what the change returned. A refusal about the page gets a page of its own; one about fields draws the form
     * again with each error beside its field ({@link #refused}).
     */
    <T> Response change(Supplier<T> change, Function<T, String> then, String prefix,
            Function<List<Problem.FieldError>, Response> redraw) {
        T changed;
        try {
            changed = change.get();
        } catch (ProblemException | DomainException e) {
            return redraw == null ? problem(e) : refused(e, prefix, redraw);
        }
        return Response.seeOther(URI.create(then.apply(changed))).build();
    }

    /** A change without fields of its own (an approval): any refusal is a page of its own. */
    <T> Response change(Supplier<T> change, String then) {
        return change(change, changed -> then, null, null);
    }

    /**
     * A form refused: a refusal about the page gets a page of its own; one about fields draws the form again with
     * each error beside its field (named with {@code prefix}, as the form names it).
     */
    Response refused(RuntimeException e, String prefix, Function<List<Problem.FieldError>, Response> redraw) {
        Refusal refusal = Refusal.of(e);
        return refusal.aboutThePage() ? problem(refusal) : redraw.apply(refusal.fieldErrors(prefix));
    }
}
