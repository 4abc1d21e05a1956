package org.frontdoor.triage.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.ChildSearch;

/**
 * The front door officer's pages: "Log a contact" (a phone call from a professional, a member of the public or an
 * anonymous caller) and "My contacts". Each child is searched for first, with the tolerant search of the children
 * the front door knows; the officer chooses the child found, or goes on with a new one. The contact is submitted
 * to the referral service as the officer (their own token), so it is checked, recorded and queued exactly as a
 * contact keyed in by API is. One form, no JavaScript: the button pressed says what to do ({@code action}).
 */
@Path("/console/contacts")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.FRONT_DOOR)
public class ConsoleContactsResource {

    static final int PAGE_SIZE = 20;
    /** The children a search shows: the best few; the officer searches again with more details otherwise. */
    static final int MATCHES = 10;

    @Inject
    ReferralServiceClient referrals;

    @Inject
    ChildSearch children;

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    ContactViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/new")
    public Response start() {
        return form(ContactForm.fresh(), Map.of(), Posted.NONE, 200);
    }

    @POST
    @Path("/new")
    public Response post(MultivaluedMap<String, String> posted) {
        ContactForm form = ContactForm.read(posted);
        String action = form.action() == null ? "log" : form.action();
        String[] parts = action.split(":", 3);
        int child = parts.length > 1 ? index(parts[1], form.childCount()) : 0;
        return switch (parts[0]) {
            case "find" -> find(form, child);
            case "pick" -> pick(form, child, parts.length > 2 ? parts[2] : "");
            case "new" -> form(form.unknown(child), Map.of(), Posted.NONE, 200);
            case "add" -> form(form.added(), Map.of(), Posted.NONE, 200);
            case "remove" -> form(form.removed(child), Map.of(), Posted.NONE, 200);
            default -> log(form);
        };
    }

    @GET
    @Path("/mine")
    public Response mine(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("done") String done) {
        int shown = Math.max(0, Math.min(page, 10_000));
        ContactViews.MyContacts view;
        try {
            view = views.mine(referrals.mine(shown, PAGE_SIZE), shown, PAGE_SIZE);
        } catch (ServiceUnavailableException e) {
            view = views.mineUnavailable(shown);
        }
        ContactViews.MyContacts mine = view;
        return pages.show("My contacts", Posted.NONE, "logged".equals(done) ? "Contact logged" : null,
                t -> ConsoleTemplates.myContacts(t, mine), mine.available() ? 200 : 503);
    }

    /** The children who may be the one described, best first, under the child's fields. */
    private Response find(ContactForm form, int child) {
        List<Problem.FieldError> missing = form.searchable(child);
        if (!missing.isEmpty()) {
            return form(form, Map.of(), form.refused(missing), 422);
        }
        Map<Integer, ChildSearch.Page> found = new HashMap<>();
        found.put(child, children.search(form.criteria(child), 0, MATCHES));
        return form(form, found, Posted.NONE, 200);
    }

    /** The child chosen from a search: found again by the same details, so only a child found can be chosen. */
    private Response pick(ContactForm form, int child, String key) {
        if (!form.searchable(child).isEmpty()) {
            return find(form, child);
        }
        ChildSearch.Page page = children.search(form.criteria(child), 0, MATCHES);
        Optional<ChildSearch.Result> chosen = page.results().stream()
                .filter(r -> r.childKey().toString().equals(key)).findFirst();
        return chosen.map(r -> form(form.picked(child, r), Map.of(), Posted.NONE, 200))
                .orElseGet(() -> form(form, Map.of(child, page), Posted.NONE, 200));
    }

    /** Checked here for what is missing, then by the referral service for its rules; one contact per form. */
    private Response log(ContactForm form) {
        List<Problem.FieldError> missing = form.missing();
        if (!missing.isEmpty()) {
            return form(form, Map.of(), form.refused(missing), 422);
        }
        Optional<PartnerDirectoryCopy.Partner> organisation = form.caller() == ContactForm.Caller.PROFESSIONAL
                ? partners.find(form.value("referrer.organisationId")) : Optional.empty();
        if (form.caller() == ContactForm.Caller.PROFESSIONAL && organisation.isEmpty()) {
            return form(form, Map.of(), form.refused(List.of(new Problem.FieldError("referrer.organisationId",
                    "Choose the caller's organisation from the partner directory"))), 422);
        }
        try {
            referrals.submit(form.request(organisation.orElse(null)), form.idempotencyKey());
        } catch (ServiceUnavailableException e) {
            return form(form, Map.of(), form.refused(List.of(new Problem.FieldError(ChildLabels.FORM,
                    "The referral service is not answering just now, so nothing was logged. Try again in a few"
                            + " minutes: what you typed is kept."))), 503);
        } catch (ProblemException e) {
            if (e.type() != ProblemType.VALIDATION) {
                return pages.problem(e);
            }
            return form(form, Map.of(), form.refused(ChildLabels.fromService(e.errors(), e.getMessage())), 422);
        }
        return Response.seeOther(URI.create("/console/contacts/mine?done=logged")).build();
    }

    private Response form(ContactForm form, Map<Integer, ChildSearch.Page> found, Posted errors, int status) {
        ContactViews.ContactPage view = views.page(form, found);
        Posted posted = new Posted(errors.errors(), form.values());
        return pages.show("Log a contact", posted, null, t -> ConsoleTemplates.contact(t, view), status);
    }

    private static int index(String value, int count) {
        try {
            int i = Integer.parseInt(value);
            return i >= 0 && i < count ? i : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
