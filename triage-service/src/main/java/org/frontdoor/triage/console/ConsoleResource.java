package org.frontdoor.triage.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.cases.AllocateCommand;
import org.frontdoor.triage.cases.CaseApprovals;
import org.frontdoor.triage.cases.CaseService;
import org.frontdoor.triage.cases.DeclineCommand;
import org.frontdoor.triage.screening.CheckCommand;
import org.frontdoor.triage.cases.CloseCommand;
import org.frontdoor.triage.decision.DecisionCommand;
import org.frontdoor.triage.indicators.PerformanceIndicators;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.triage.staff.StaffService;
import org.frontdoor.triage.queue.TriageService;
import org.frontdoor.triage.queue.TriageStatus;

/**
 * The MASH console: server-rendered pages in the GOV.UK Design System's look, signed in with the council's identity
 * provider (the OIDC tenant "console"). Plain forms (no JavaScript needed); each form carries the record's version,
 * so a stale page cannot overwrite a newer change, and the session's CSRF token (checked by ConsoleCsrfFilter, once
 * for every form). The pages call the same domain services as the API, so the rules, the audit and the events are
 * the same.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance queue(Page page, ConsoleViews.Queue queue);

        static native TemplateInstance item(Page page, ConsoleViews.Screening screening);

        static native TemplateInstance approvals(Page page, List<ConsoleViews.QueueRow> rows,
                List<ConsoleViews.CaseChangeRow> changes);

        static native TemplateInstance allocation(Page page, List<ConsoleViews.Allocation> cases);

        static native TemplateInstance indicators(Page page, ConsoleViews.Indicators indicators);

        static native TemplateInstance cases(Page page, List<ConsoleViews.CaseRow> cases);

        static native TemplateInstance careCase(Page page, ConsoleViews.CaseScreen screen);

        static native TemplateInstance feedback(Page page, ConsoleViews.Feedback feedback);

        static native TemplateInstance problem(Page page, String heading, String message);
    }

    /** What every page's layout needs: who is signed in, the CSRF token, the errors of a form posted back. */
    public record Page(String title, String user, boolean manager, String csrf, List<Problem.FieldError> errors,
            Map<String, String> values, String notice) {

        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(Problem.FieldError::message).findFirst()
                    .orElse(null);
        }

        public boolean hasError(String field) {
            return error(field) != null;
        }

        /** The value posted back for a field, so a page with errors keeps what was typed. */
        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    TriageService triage;

    @Inject
    CaseService cases;

    @Inject
    CaseApprovals approvals;

    @Inject
    StaffService staff;

    @Inject
    PerformanceIndicators indicators;

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    ConsoleViews views;

    @Inject
    NotificationServiceClient notifications;

    @Inject
    Clock clock;

    /** The session's token for the forms; {@link ConsoleCsrfFilter} checks it before any POST here runs. */
    @Inject
    ConsoleCsrf csrf;

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/console/queue")).build();
    }

    @GET
    @Path("/queue")
    public Response queue(@QueryParam("priority") String priority,
            @QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("openCase") String openCase) {
        Priority p = priority == null || priority.isBlank() ? null : enumOrNull(Priority.class, priority);
        TriageStatus st = status == null || status.isBlank() ? null : enumOrNull(TriageStatus.class, status);
        Boolean o = "true".equals(overdue) ? Boolean.TRUE : null;
        Boolean c = "true".equals(openCase) ? Boolean.TRUE : null;
        ConsoleViews.Queue queue = views.queue(triage.mine(0, 50), triage.list(new TriageService.Filter(st, p, null,
                o, null, c), 0, 100), p, st, o != null, c != null);
        return page("Contacts to screen", List.of(), Map.of(), null, t -> Templates.queue(t, queue));
    }

    @GET
    @Path("/items/{id}")
    public Response item(@PathParam("id") UUID id,
            @QueryParam("done") String done) {
        return screening(id, List.of(), Map.of(), done == null ? null : done);
    }

    @POST
    @Path("/items/{id}/checks")
    public Response check(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant checkedAt = ukTime(values.get("checkedAt"), "checkedAt", errors);
        try {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            triage.addCheck(id, new CheckCommand(Text.blankToNull(values.get("organisation")), null,
                    values.get("contactName"), checkedAt, values.get("findings")), version(values.get("version")));
        } catch (ProblemException e) {
            return refused(e, "check.", found -> screening(id, found, values, null));
        }
        return Response.seeOther(URI.create("/console/items/" + id + "?done=check")).build();
    }

    /**
     * Decides the contact's undecided children at once: each child its own level, outcome and primary need, the
     * rationale written once and shared unless a child is given one of their own, the referrer's feedback shared. All in one transaction: if one child's
     * decision breaks a rule, none is saved, and the page shows why, next to the field.
     */
    @POST
    @Path("/items/{id}/decision")
    public Response decide(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        List<String> children = form.getOrDefault("child", List.of());
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<UUID, DecisionCommand> decisions = new LinkedHashMap<>();
        for (String child : children) {
            String prefix = "children[" + child + "].";
            Integer level = intOrNull(values.get(prefix + "level"));
            Outcome outcome = values.get(prefix + "outcome") == null ? null
                    : enumOrNull(Outcome.class, values.get(prefix + "outcome"));
            if (level == null) {
                errors.add(new Problem.FieldError(prefix + "level", "Choose the child's level of need"));
            }
            if (outcome == null) {
                errors.add(new Problem.FieldError(prefix + "outcome", "Choose what happens next for the child"));
            }
            // the shared rationale, unless the worker wrote this child one of their own
            String own = Text.blankToNull(values.get(prefix + "rationale"));
            decisions.put(UUID.fromString(child), new DecisionCommand(level, outcome,
                    Text.blankToNull(values.get(prefix + "primaryNeedCode")), own != null ? own : values.get("rationale"),
                    values.get("referrerFeedback"), Text.blankToNull(values.get(prefix + "levelOverrideReason")), null,
                    null));
        }
        if (children.isEmpty()) {
            errors.add(new Problem.FieldError("children", "There is no child left to decide"));
        }
        if (!errors.isEmpty()) {
            return screening(id, errors, values, null);
        }
        // all the children or none: one transaction, so a mistake about the second child saves nothing of the first
        UUID[] deciding = new UUID[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Map.Entry<UUID, DecisionCommand> d : decisions.entrySet()) {
                    deciding[0] = d.getKey();
                    triage.decide(d.getKey(), d.getValue(),
                            version(values.get("children[" + d.getKey() + "].version")));
                }
            });
        } catch (ProblemException e) {
            if (aboutThePage(e)) {
                return problem(e);
            }
            String prefix = "children[" + deciding[0] + "].";
            List<Problem.FieldError> found = new ArrayList<>();
            boolean ownRationale = Text.blankToNull(values.get(prefix + "rationale")) != null;
            for (Problem.FieldError f : fieldErrors(e)) {
                boolean shared = (f.field().equals("rationale") && !ownRationale) || f.field().equals("referrerFeedback");
                found.add(new Problem.FieldError(shared ? f.field() : prefix + f.field(), f.message()));
            }
            return screening(id, found, values, null);
        }
        return Response.seeOther(URI.create("/console/items/" + id + "?done=decision")).build();
    }

    @GET
    @Path("/approvals")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response approvals(@QueryParam("done") String done) {
        List<ConsoleViews.QueueRow> rows = views.rows(triage.awaitingApproval());
        // the longest waiting closes and steps; the API pages through any more
        List<ConsoleViews.CaseChangeRow> changes = views.caseChanges(approvals.awaitingApproval(0, 100).requests());
        return page("Decisions awaiting approval", List.of(), Map.of(),
                "approved".equals(done) ? "Decision approved" : null, t -> Templates.approvals(t, rows, changes));
    }

    @POST
    @Path("/items/{id}/approve")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response approve(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        try {
            triage.approve(id, version(form.getFirst("version")));
        } catch (ProblemException e) {
            return problem(e);
        }
        return Response.seeOther(URI.create("/console/approvals?done=approved")).build();
    }

    @GET
    @Path("/allocation")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response allocation(@QueryParam("done") String done) {
        return allocationPage(List.of(), Map.of(), "allocated".equals(done) ? "Case allocated" : null);
    }

    @POST
    @Path("/cases/{id}/allocate")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response allocate(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        try {
            cases.allocate(id, new AllocateCommand(values.get("worker"), Text.blankToNull(values.get("overrideReason"))),
                    version(values.get("version")));
        } catch (ProblemException e) {
            return refused(e, "cases[" + id + "].", found -> allocationPage(found, values, null));
        }
        return Response.seeOther(URI.create("/console/allocation?done=allocated")).build();
    }

    @GET
    @Path("/cases")
    public Response myCases() {
        List<ConsoleViews.CaseRow> mine = views.caseRows(cases.mine());
        return page("My cases", List.of(), Map.of(), null, t -> Templates.cases(t, mine));
    }

    @GET
    @Path("/cases/{id}")
    public Response careCase(@PathParam("id") UUID id,
            @QueryParam("done") String done) {
        return casePage(id, List.of(), Map.of(), "closed".equals(done) ? "Case closed"
                : "stepped".equals(done) ? "Case stepped"
                : "awaiting-approval".equals(done) ? "Waits for another team manager's approval: the case was opened"
                        + " from an immediate-risk contact within the last 10 working days"
                : "change-approved".equals(done) ? "Approved: the case changed as asked"
                : "change-declined".equals(done) ? "Declined: the case stays as it is" : null);
    }

    @POST
    @Path("/cases/{id}/close")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response close(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        CaseService.Details closed;
        try {
            closed = cases.close(id, new CloseCommand(Text.blankToNull(values.get("reasonCode")),
                    values.get("summary")), version(values.get("version")));
        } catch (ProblemException e) {
            return refused(e, "close.", found -> casePage(id, found, values, null));
        }
        return Response.seeOther(URI.create("/console/cases/" + id + "?done="
                + (closed.pendingChange() == null ? "closed" : "awaiting-approval"))).build();
    }

    /** A second manager approves a close or step that waits (never the one who asked: 403 page). */
    @POST
    @Path("/cases/{id}/change/approve")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response approveChange(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        try {
            approvals.approve(id, version(form.getFirst("version")));
        } catch (ProblemException e) {
            return problem(e);
        }
        return Response.seeOther(URI.create("/console/cases/" + id + "?done=change-approved")).build();
    }

    @POST
    @Path("/cases/{id}/change/decline")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response declineChange(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        try {
            approvals.decline(id, new DeclineCommand(values.get("reason")), version(values.get("version")));
        } catch (ProblemException e) {
            return refused(e, "decline.", found -> casePage(id, found, values, null));
        }
        return Response.seeOther(URI.create("/console/cases/" + id + "?done=change-declined")).build();
    }

    @POST
    @Path("/cases/{id}/step")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response step(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        List<Problem.FieldError> errors = new ArrayList<>();
        String direction = Text.blankToNull(values.get("direction"));
        java.time.LocalDate panel = null;
        if (values.get("panelDate") != null && !values.get("panelDate").isBlank()) {
            try {
                panel = java.time.LocalDate.parse(values.get("panelDate").strip());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("step.panelDate", "Enter the panel's date, for example 2026-11-20"));
            }
        }
        org.frontdoor.events.codes.Pathway to = direction == null ? null : "UP".equals(direction)
                ? org.frontdoor.events.codes.Pathway.SOCIAL_CARE : org.frontdoor.events.codes.Pathway.EARLY_HELP;
        CaseService.Details stepped;
        try {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(List.of());
            }
            stepped = cases.step(id, new org.frontdoor.triage.cases.StepCommand(direction, to, values.get("rationale"),
                    Text.blankToNull(values.get("partnerSummary")), panel, null, null), version(values.get("version")));
        } catch (ProblemException e) {
            if (aboutThePage(e)) {
                return problem(e);
            }
            List<Problem.FieldError> all = new ArrayList<>(errors);
            all.addAll(prefixed("step.", e.errors()));
            return casePage(id, all, values, null);
        }
        return Response.seeOther(URI.create("/console/cases/" + id + "?done="
                + (stepped.pendingChange() == null ? "stepped" : "awaiting-approval"))).build();
    }

    /**
     * Feedback owed to referrers and partners, from the notification service (which owns it): the messages it could
     * not deliver, each a task to tell the recipient by other means, and those overdue or at risk.
     */
    @GET
    @Path("/feedback")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response feedback(@QueryParam("done") String done) {
        return feedbackPage(List.of(), Map.of(), "informed".equals(done) ? "Recorded: they were told" : null);
    }

    @POST
    @Path("/notifications/{id}/informed")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response informed(@PathParam("id") UUID id,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = flat(form);
        try {
            if (Text.blankToNull(values.get("how")) == null) {
                throw ProblemException.invalid("how", "Choose how they were told");
            }
            notifications.informed(id, values.get("how"), Text.blankToNull(values.get("note")));
        } catch (NotificationServiceClient.UnavailableException e) {
            return feedbackPage(List.of(), values, null);
        } catch (ProblemException e) {
            return refused(e, "tasks[" + id + "].", found -> feedbackPage(found, values, null));
        }
        return Response.seeOther(URI.create("/console/feedback?done=informed")).build();
    }

    @GET
    @Path("/indicators")
    @RolesAllowed(Roles.TEAM_MANAGER)
    public Response indicators(@QueryParam("month") String month) {
        YearMonth chosen;
        try {
            chosen = month == null || month.isBlank() ? YearMonth.now(clock.withZone(WorkingCalendar.ENGLAND))
                    : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            chosen = YearMonth.now(clock.withZone(WorkingCalendar.ENGLAND));
        }
        ConsoleViews.Indicators view = views.indicators(indicators.report(chosen));
        return page("How the front door is doing", List.of(), Map.of(), null,
                t -> Templates.indicators(t, view));
    }

    @GET
    @Path("/signed-out")
    @PermitAll // after sign-out there is no one to check
    public String signedOut() {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Signed out</title></head><body><main><h1>You have"
                + " signed out</h1><p><a href=\"/console\">Sign in again</a></p></main></body></html>";
    }

    // --- pages ---

    private Response screening(UUID id, List<Problem.FieldError> errors, Map<String, String> values,
            String done) {
        ConsoleViews.Screening view;
        try {
            view = views.screening(triage.view(id), partners);
        } catch (ProblemException e) {
            return problem(e);
        }
        String notice = "check".equals(done) ? "Check recorded" : "decision".equals(done) ? "Decision recorded" : null;
        return page(view.childName() + ": screening", errors, values, notice, t -> Templates.item(t, view),
                errors.isEmpty() ? 200 : 422);
    }

    private Response casePage(UUID id, List<Problem.FieldError> errors, Map<String, String> values,
            String notice) {
        ConsoleViews.CaseScreen screen;
        try {
            screen = views.caseScreen(cases.view(id));
        } catch (ProblemException e) {
            return problem(e);
        }
        return page(screen.title(), errors, values, notice, t -> Templates.careCase(t, screen),
                errors.isEmpty() ? 200 : 422);
    }

    private Response allocationPage(List<Problem.FieldError> errors, Map<String, String> values,
            String notice) {
        List<ConsoleViews.Allocation> waiting = views.allocation(cases.awaitingAllocation(), staff.list(false));
        return page("Cases awaiting allocation", errors, values, notice, t -> Templates.allocation(t, waiting),
                errors.isEmpty() ? 200 : 422);
    }

    private Response feedbackPage(List<Problem.FieldError> errors, Map<String, String> values,
            String notice) {
        ConsoleViews.Feedback view;
        try {
            view = views.feedback(notifications.couldNotInform(), notifications.overdue());
        } catch (NotificationServiceClient.UnavailableException e) {
            view = views.feedbackUnavailable();
        }
        ConsoleViews.Feedback shown = view;
        int status = !view.available() ? 503 : errors.isEmpty() ? 200 : 422;
        return page("Feedback to referrers and partners", errors, values, notice,
                t -> Templates.feedback(t, shown), status);
    }

    private Response problem(ProblemException e) {
        String heading = switch (e.type()) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Not allowed for your role";
            case PRECONDITION_FAILED -> "Someone else changed this first";
            case CONFLICT -> "This cannot be done now";
            default -> "There is a problem";
        };
        String message = e.type() == ProblemType.PRECONDITION_FAILED
                ? "The record changed after you opened the page, so nothing was saved. Go back and reload it." : e.getMessage();
        int status = e.type().status();
        return page(heading, List.of(), Map.of(), null, t -> Templates.problem(t, heading, message), status);
    }

    private Response page(String title, List<Problem.FieldError> errors, Map<String, String> values,
            String notice, java.util.function.Function<Page, TemplateInstance> template) {
        return page(title, errors, values, notice, template, 200);
    }

    private Response page(String title, List<Problem.FieldError> errors, Map<String, String> values,
            String notice, java.util.function.Function<Page, TemplateInstance> template, int status) {
        String name = identity.getPrincipal().getName();
        Page page = new Page(title, name, identity.hasRole(Roles.TEAM_MANAGER), csrf.token(), errors, values, notice);
        return Response.status(status).entity(template.apply(page)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /**
     * A form refused: a refusal about the page gets a page of its own; one about fields draws the form again with
     * each error beside its field (named with {@code prefix}, as the form names it).
     */
    private Response refused(ProblemException e, String prefix,
            java.util.function.Function<List<Problem.FieldError>, Response> redraw) {
        return aboutThePage(e) ? problem(e) : redraw.apply(prefixed(prefix, fieldErrors(e)));
    }

    /**
     * A refusal about the page rather than a field: the record changed since it was drawn (412), is gone (404),
     * can no longer be changed so (409), or is not the person's to change (403). Shown as a page of its own, not beside a field.
     */
    private static boolean aboutThePage(ProblemException e) {
        return e.type() == ProblemType.PRECONDITION_FAILED || e.type() == ProblemType.NOT_FOUND
                || e.type() == ProblemType.CONFLICT || e.type() == ProblemType.FORBIDDEN;
    }

    // --- form values ---

    private static Map<String, String> flat(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        return values;
    }

    private static List<Problem.FieldError> fieldErrors(ProblemException e) {
        return e.errors().isEmpty() ? List.of(new Problem.FieldError("form", e.getMessage())) : e.errors();
    }

    private static List<Problem.FieldError> prefixed(String prefix, List<Problem.FieldError> errors) {
        return errors.stream().map(f -> new Problem.FieldError(prefix + f.field(), f.message())).toList();
    }

    /** A date and time as typed in the UK (local time), for a UTC instant. */
    private static Instant ukTime(String value, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(WorkingCalendar.ENGLAND).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "Enter the date and time of the check, for example 23/11/2026"
                    + " 11:30"));
            return null;
        }
    }

    private static Long version(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer intOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
