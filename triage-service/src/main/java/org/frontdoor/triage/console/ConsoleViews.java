package org.frontdoor.triage.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.indicators.PerformanceIndicator;
import org.frontdoor.triage.indicators.PerformanceIndicators;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.triage.indicators.Rag;
import org.frontdoor.triage.staff.StaffService;
import org.frontdoor.triage.screening.ThresholdRules;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageService;
import org.frontdoor.triage.queue.TriageStatus;

/**
 * What the console's pages show, worked out from the domain: times in UK local time (the clocks change; the
 * database keeps UTC), deadlines as time left, choices with words instead of codes.
 */
@ApplicationScoped
public class ConsoleViews {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(WorkingCalendar.ENGLAND);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Inject
    ThresholdRules rules;

    @Inject
    org.frontdoor.triage.config.TriageConfig config;

    @Inject
    Clock clock;

    // --- the queue ---

    public record QueueRow(UUID id, String childName, Priority priority, String tag, String status, String due,
            String timeLeft, boolean overdue, boolean openCase, String source, String assignedTo, String deadline) {
    }

    public record Queue(List<QueueRow> mine, List<QueueRow> team, long teamTotal, Priority priority,
            TriageStatus status, boolean overdue, boolean openCase) {

        public List<Priority> priorities() {
            return List.of(Priority.values());
        }

        /** The statuses of the open queue, as choices; the decided are not in it. */
        public List<Choice> statuses() {
            return List.of(TriageStatus.NEW, TriageStatus.IN_PROGRESS, TriageStatus.AWAITING_APPROVAL).stream()
                    .map(s -> new Choice(s.name(), ConsoleViews.status(s), "")).toList();
        }
    }

    public Queue queue(TriageService.Page mine, TriageService.Page team, Priority priority, TriageStatus status,
            boolean overdue, boolean openCase) {
        return new Queue(rows(mine.rows()), rows(team.rows()), team.total(), priority, status, overdue, openCase);
    }

    public List<QueueRow> rows(List<TriageService.Row> rows) {
        Instant now = Instant.now(clock);
        return rows.stream().map(r -> {
            TriageItem i = r.item();
            boolean late = i.status != TriageStatus.DECIDED && i.deadline.isBefore(now);
            return new QueueRow(i.id, r.childName(), i.priority, tag(i.priority), status(i.status),
                    WHEN.format(i.deadline), timeLeft(now, i.deadline), late, i.openCaseId != null, r.sourceCode(),
                    i.assignedTo, i.deadline.toString());
        }).toList();
    }

    // --- screening one contact ---

    public record Check(String agency, String organisation, String contactName, String when, String findings) {
    }

    public record Choice(String value, String label, String hint) {
    }

    /** An earlier contact about the same child: when, what was decided, whether it became a referral. */
    public record Earlier(UUID itemId, String when, String outcome, boolean referral, boolean sameDay) {
    }

    /** A child of the contact, with their own item, decided or still to decide. */
    public record Child(UUID itemId, String name, String born, String status, boolean decided, String outcome,
            long version, int suggestedLevel, List<String> reasons, List<Choice> outcomes, boolean openCase,
            String openCaseWorker, int referralsLast12Months, boolean reReferral, boolean current,
            List<Earlier> earlier) {

        /** The name (and id) of one of this child's decision fields, e.g. children[id].level. */
        public String field(String name) {
            return "children[" + itemId + "]." + name;
        }
    }

    public record Screening(UUID itemId, long version, String childName, String priority, String tag, String due,
            String deadline, String timeLeft, String status, String concern, List<String> indicators, boolean immediateRisk,
            String referrer, String referrerContact, String source, List<String> household, String consent,
            List<Child> children, List<Check> checks, List<Choice> organisations, List<Choice> levels,
            List<Choice> needs, boolean anyToDecide, List<String> history, List<String> rules) {
    }

    @Transactional
    public Screening screening(TriageService.Details d, PartnerDirectoryCopy partners) {
        TriageItem item = d.item();
        ReferralReceived content = d.content();
        Instant now = Instant.now(clock);
        List<Child> children = new ArrayList<>();
        for (ReferralReceived.Child c : content.children()) {
            TriageItem own = c.childId().equals(item.childId) ? item
                    : TriageItem.<TriageItem>find("childId", c.childId()).firstResult();
            if (own == null) {
                continue;
            }
            CareCase open = own.openCaseId == null ? null : CareCase.findById(own.openCaseId);
            boolean decided = own.status == TriageStatus.DECIDED || own.status == TriageStatus.AWAITING_APPROVAL;
            children.add(new Child(own.id, name(c), c.dateOfBirth() != null ? "born " + DAY.format(c.dateOfBirth())
                    : c.expectedDateOfBirth() != null ? "unborn, due " + DAY.format(c.expectedDateOfBirth()) : "",
                    status(own.status), decided, own.outcome == null ? null : own.outcome.label(), own.version,
                    own.suggestedLevel, own.suggestionReasons.stream().map(r -> r.explanation()).toList(),
                    outcomes(own), open != null && open.status == CareCase.Status.OPEN,
                    own.openCaseWorker, own.referralsLast12Months, own.reReferral, own.id.equals(item.id),
                    earlier(own)));
        }
        children.sort(Comparator.comparing(c -> !c.current()));
        ReferralReceived.Referrer r = content.referrer();
        String referrer = r == null ? "" : String.join(", ", nonBlank(r.name(), r.role(), r.organisationName()));
        List<Check> checks = d.checks().stream().map(c -> new Check(c.agency.name(),
                c.organisation == null ? "" : partners.find(c.organisation).map(p -> p.name()).orElse(c.organisation),
                c.contactName, WHEN.format(c.checkedAt), c.findings)).toList();
        List<Choice> organisations = partners.active().stream()
                .map(p -> new Choice(p.id(), p.name(), p.agencyType().name())).toList();
        return new Screening(item.id, item.version, name(content.children().stream()
                .filter(c -> c.childId().equals(item.childId)).findFirst().orElse(content.children().get(0))),
                item.priority.name(), tag(item.priority), WHEN.format(item.deadline), item.deadline.toString(),
                timeLeft(now, item.deadline),
                status(item.status), content.concerns().summary(),
                content.concerns().indicators() == null ? List.of() : content.concerns().indicators(),
                content.concerns().immediateRisk(), referrer,
                r == null ? "" : String.join(", ", nonBlank(r.email(), r.phone())),
                r == null ? "" : r.sourceCode(),
                content.householdMembers() == null ? List.of() : content.householdMembers().stream()
                        .map(h -> h.name() + (h.relationship() == null ? "" : " (" + h.relationship() + ")")).toList(),
                consent(content.consent()), children, checks, organisations, levels(), needs(),
                children.stream().anyMatch(c -> !c.decided()),
                d.history().stream().map(h -> WHEN.format(h.at) + ": " + h.action.replace('_', ' ').toLowerCase(Locale.UK)
                        + (h.detail == null ? "" : " - " + h.detail)).toList(),
                decisionRules());
    }

    /** The rules a decision is checked against, in words, from the partnership's threshold rules and settings. */
    private List<String> decisionRules() {
        List<String> said = new ArrayList<>();
        for (int level = 1; level <= 4; level++) {
            List<String> allowed = rules.outcomesFor(level).stream().sorted()
                    .filter(o -> o != Outcome.PASSED_TO_ALLOCATED_WORKER).map(o -> o.label().toLowerCase(Locale.UK))
                    .toList();
            said.add("At level " + level + ": " + String.join("; ", allowed) + ".");
        }
        said.add("A level other than the suggested one needs a reason.");
        said.add("A referral to children's social care needs the child's primary need.");
        said.add("Passing to the allocated worker is only for a child with an open case.");
        List<String> approval = new ArrayList<>();
        if (config.approval().onImmediateRisk()) {
            approval.add("a child at immediate risk");
        }
        approval.add("a suggested level of " + config.approval().fromSuggestedLevel() + " or more");
        said.add("An outcome below social care for " + String.join(" or ", approval)
                + " waits for a team manager's approval, by someone other than you.");
        return said;
    }

    /** The child's earlier contacts (the last ten), newest first; a contact of the same day is marked. */
    private static List<Earlier> earlier(TriageItem item) {
        LocalDate day = LocalDate.ofInstant(item.receivedAt, WorkingCalendar.ENGLAND);
        return TriageItem.<TriageItem>find("childKey = ?1 and receivedAt < ?2 order by receivedAt desc",
                item.childKey, item.receivedAt).page(0, 10).list().stream()
                .map(e -> new Earlier(e.id, WHEN.format(e.receivedAt), e.outcome == null ? status(e.status)
                        : e.outcome.label(), e.becameReferral,
                        LocalDate.ofInstant(e.receivedAt, WorkingCalendar.ENGLAND).equals(day)))
                .toList();
    }

    /** The outcomes the threshold rules allow, worded, with the level each needs as a hint. */
    private List<Choice> outcomes(TriageItem item) {
        List<Choice> choices = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (o == Outcome.PASSED_TO_ALLOCATED_WORKER && item.openCaseId == null) {
                continue; // only for a child with an open case
            }
            List<Integer> levels = new ArrayList<>();
            for (int level = 1; level <= 4; level++) {
                if (rules.outcomesFor(level).contains(o)) {
                    levels.add(level);
                }
            }
            String hint = o == Outcome.PASSED_TO_ALLOCATED_WORKER ? "Any level: the open case's worker takes it on"
                    : "Level " + String.join(" or ", levels.stream().map(String::valueOf).toList())
                            + (o.statutory() ? ". Makes the contact a referral" : "");
            choices.add(new Choice(o.name(), o.label(), hint));
        }
        return choices;
    }

    private static List<Choice> levels() {
        return List.of(new Choice("1", "Level 1: universal", "Needs met by universal services"),
                new Choice("2", "Level 2: early help, one agency", "Additional needs one agency can meet"),
                new Choice("3", "Level 3: targeted early help", "Multiple needs: a coordinated plan"),
                new Choice("4", "Level 4: children's social care", "Acute needs or risk of significant harm"));
    }

    private static List<Choice> needs() {
        return Arrays.stream(PrimaryNeed.values()).map(n -> new Choice(n.code(), n.code() + ": " + n.label(), ""))
                .toList();
    }

    // --- allocation ---

    /** A worker who could take a case, with a bar of their caseload against their limit. */
    public record Worker(String id, String name, long openCases, String band, int limit, int bar, int limitMark) {
    }

    public record Allocation(UUID id, String pathway, String opened, String due, boolean overdue, long version,
            List<Worker> workers) {

        public String field(String name) {
            return "cases[" + id + "]." + name;
        }
    }

    public List<Allocation> allocation(List<CareCase> waiting, List<StaffService.Member> members) {
        Instant now = Instant.now(clock);
        return waiting.stream().map(c -> new Allocation(c.id, c.pathway == Pathway.SOCIAL_CARE ? "Social care"
                : "Early help", WHEN.format(c.openedAt), c.allocationDueBy == null ? "" : WHEN.format(c.allocationDueBy),
                c.allocationDueBy != null && c.allocationDueBy.isBefore(now), c.version,
                members.stream().filter(m -> m.staff().active && m.staff().pathway == c.pathway)
                        .map(m -> new Worker(m.staff().id, m.staff().name, m.openCases().size(), m.caseloadBand().name(),
                                m.caseloadLimit(), (int) Math.min(150, m.openCases().size() * 150L
                                        / Math.max(1, m.caseloadLimit() + 4)),
                                (int) (m.caseloadLimit() * 150L / Math.max(1, m.caseloadLimit() + 4))))
                        .toList())).toList();
    }

    // --- cases ---

    public record CaseRow(UUID id, String pathway, String children, String opened) {
    }

    public record Step(String when, String direction, String to, String summary, String by) {
    }

    /** {@code pending}: a close or step waiting for a second manager, described; null when none. */
    public record CaseScreen(UUID id, long version, String title, String pathway, String status, boolean open,
            String leadWorker, String opened, String children, List<Step> steps, List<String> partners,
            List<Choice> closureReasons, List<String> history, String pending) {

        public boolean hasPending() {
            return pending != null;
        }
    }

    /** A case's close or step waiting for a second manager, in the approvals page. */
    public record CaseChangeRow(UUID caseId, String children, String what, String askedBy, String at) {
    }

    @Transactional
    public List<CaseChangeRow> caseChanges(List<org.frontdoor.triage.cases.CaseChangeRequest> requests) {
        return requests.stream().map(r -> new CaseChangeRow(r.caseId, childrenOf(r.caseId), describe(r),
                r.requestedBy, WHEN.format(r.requestedAt))).toList();
    }

    private static String describe(org.frontdoor.triage.cases.CaseChangeRequest r) {
        return r.kind == org.frontdoor.triage.cases.CaseChangeRequest.Kind.CLOSE
                ? "Close (" + r.reasonCode + "): " + r.summary
                : "Step " + r.direction.toLowerCase(Locale.UK) + " to " + pathway(r.toPathway) + ": " + r.rationale;
    }

    public List<CaseRow> caseRows(List<CareCase> cases) {
        return cases.stream().map(c -> new CaseRow(c.id, pathway(c.pathway), childrenOf(c.id),
                WHEN.format(c.openedAt))).toList();
    }

    @Transactional
    public CaseScreen caseScreen(org.frontdoor.triage.cases.CaseService.Details d) {
        CareCase c = d.careCase();
        return new CaseScreen(c.id, c.version, pathway(c.pathway) + " case: " + childrenOf(c.id), pathway(c.pathway),
                c.status == CareCase.Status.OPEN ? "Open" : "Closed " + WHEN.format(c.closedAt) + " ("
                        + c.closureReasonCode + ")", c.status == CareCase.Status.OPEN,
                c.leadWorker == null ? "awaiting allocation" : c.leadWorker, WHEN.format(c.openedAt), childrenOf(c.id),
                d.steps().stream().map(s -> new Step(WHEN.format(s.steppedAt), s.direction.name().toLowerCase(Locale.UK),
                        pathway(s.toPathway), s.partnerSummary == null ? "" : s.partnerSummary, s.steppedBy)).toList(),
                d.partnerAgencies(),
                Arrays.stream(org.frontdoor.events.codes.ClosureReason.values())
                        .map(r -> new Choice(r.code(), r.code() + ": " + r.label(), "")).toList(),
                d.history().stream().map(h -> WHEN.format(h.at) + ": " + h.action.replace('_', ' ')
                        .toLowerCase(Locale.UK) + (h.detail == null ? "" : " - " + h.detail)).toList(),
                d.pendingChange() == null ? null : describe(d.pendingChange()) + ". Asked by "
                        + d.pendingChange().requestedBy + " on " + WHEN.format(d.pendingChange().requestedAt)
                        + "; it waits for another team manager's approval (the case was opened from an"
                        + " immediate-risk contact within the last 10 working days).");
    }

    /** The names of a case's children, from the contacts that brought them. */
    private static String childrenOf(UUID caseId) {
        List<String> names = new ArrayList<>();
        for (org.frontdoor.triage.cases.CaseChild cc : org.frontdoor.triage.cases.CaseChild.ofCase(caseId)) {
            org.frontdoor.triage.queue.TriageReferral r = cc.referralId == null ? null
                    : org.frontdoor.triage.queue.TriageReferral.findById(cc.referralId);
            if (r != null) {
                r.content().children().stream().filter(ch -> ch.childId().equals(cc.key.childId())).findFirst()
                        .ifPresent(ch -> names.add(name(ch)));
            }
        }
        return names.isEmpty() ? "" : String.join(", ", names);
    }

    private static String pathway(Pathway p) {
        return p == null ? "" : p == Pathway.SOCIAL_CARE ? "Social care" : p == Pathway.EARLY_HELP ? "Early help"
                : "No service";
    }

    // --- indicators ---

    public record Indicator(String code, String title, String month, String yearToDate, String target, String rag,
            String ragTag, int bar, int targetMark) {
    }

    public record Indicators(String month, String from, String to, List<Indicator> rows) {
    }

    public Indicators indicators(PerformanceIndicators.Report report) {
        List<Indicator> rows = new ArrayList<>();
        for (PerformanceIndicators.Figure f : report.figures()) {
            PerformanceIndicator i = f.indicator();
            boolean percent = i.unit() == PerformanceIndicator.Unit.PERCENT;
            Double value = f.month().value();
            double scale = percent ? 100 : Math.max(1, Math.max(value == null ? 0 : value, f.target() == null ? 0
                    : f.target()) * 1.25);
            rows.add(new Indicator(i.code(), i.title(), format(value, f.month(), percent),
                    format(f.yearToDate().value(), f.yearToDate(), percent),
                    f.target() == null ? "none" : (percent ? trim(f.target()) + "%" : trim(f.target())),
                    f.month().rag() == null ? "no target" : f.month().rag().name().toLowerCase(Locale.UK),
                    ragTag(f.month().rag()), value == null ? 0 : (int) Math.round(Math.min(1, value / scale) * 200),
                    f.target() == null ? -1 : (int) Math.round(Math.min(1, f.target() / scale) * 200)));
        }
        return new Indicators(report.month().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)),
                DAY.format(report.monthFrom()), DAY.format(report.monthTo()), rows);
    }

    private static String format(Double value, PerformanceIndicators.Value v, boolean percent) {
        if (value == null) {
            return "none yet";
        }
        return percent ? trim(value) + "% (" + v.count() + " of " + v.of() + ")" : trim(value);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // --- feedback to referrers and partners (the notification service's lists) ---

    /** A could-not-inform task: who to tell, how to reach them, why the service could not. */
    public record Task(UUID id, String kind, String recipient, String contactName, String email,
            List<String> contactEmails, String reference, String reason, String due, String deadline,
            String deadlineTag) {

        public String field(String name) {
            return "tasks[" + id + "]." + name;
        }
    }

    /** An undelivered message past its due time or at risk of it. */
    public record Late(String kind, String recipient, String status, String due, String deadline, String deadlineTag,
            int attempts, String lastError) {
    }

    /** The page: {@code available} false when the notification service did not answer. */
    /** {@code tasksTotal} and {@code lateTotal}: how many there are, of which the first page is shown. */
    public record Feedback(boolean available, List<Task> tasks, long tasksTotal, List<Late> late, long lateTotal,
            long overdue, long atRisk, List<Choice> hows) {

        public boolean moreTasks() {
            return tasksTotal > tasks.size();
        }

        public boolean moreLate() {
            return lateTotal > late.size();
        }
    }

    public Feedback feedback(com.fasterxml.jackson.databind.JsonNode tasks,
            com.fasterxml.jackson.databind.JsonNode overdue) {
        List<Task> open = new ArrayList<>();
        for (var t : tasks.path("items")) {
            var r = t.path("recipient");
            List<String> emails = new ArrayList<>();
            r.path("contactEmails").forEach(e -> emails.add(e.asText()));
            open.add(new Task(UUID.fromString(t.path("notificationId").asText()), kind(t.path("kind").asText()),
                    text(r, "organisationName") != null ? text(r, "organisationName") : text(r, "organisationId"),
                    text(r, "contactName"), text(r, "email"), emails, text(r, "externalReference"),
                    text(t, "reasonText"), when(text(t, "dueBy")), deadline(text(t, "deadline")),
                    deadlineTag(text(t, "deadline"))));
        }
        List<Late> late = new ArrayList<>();
        for (var n : overdue.path("items")) {
            late.add(new Late(kind(n.path("kind").asText()), text(n, "recipientOrganisation"),
                    text(n, "status"), when(text(n, "dueBy")), deadline(text(n, "deadline")),
                    deadlineTag(text(n, "deadline")), n.path("attempts").asInt(), text(n, "lastError")));
        }
        return new Feedback(true, open, tasks.path("total").asLong(open.size()), late,
                overdue.path("total").asLong(late.size()), overdue.path("overdue").asLong(),
                overdue.path("atRisk").asLong(), informedHows());
    }

    public Feedback feedbackUnavailable() {
        return new Feedback(false, List.of(), 0, List.of(), 0, 0, 0, informedHows());
    }

    private static List<Choice> informedHows() {
        return List.of(new Choice("PHONE", "By phone", null), new Choice("SECURE_EMAIL", "By secure email", null),
                new Choice("LETTER", "By letter", null), new Choice("IN_PERSON", "In person", null));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        var v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String when(String instant) {
        return instant == null ? "" : WHEN.format(Instant.parse(instant));
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "ACKNOWLEDGEMENT" -> "Acknowledgement of the referral";
            case "OUTCOME" -> "Outcome for a child";
            case "CASE_STEPPED" -> "Case stepped up or down";
            case "CASE_CLOSED" -> "Case closed";
            default -> kind;
        };
    }

    private static String deadline(String state) {
        return state == null ? "" : switch (state) {
            case "OVERDUE" -> "Overdue";
            case "AT_RISK" -> "At risk";
            case "ON_TRACK" -> "On track";
            case "MISSED" -> "Missed";
            case "MET" -> "Met";
            case "WITHHELD" -> "Withheld";
            default -> state;
        };
    }

    private static String deadlineTag(String state) {
        return state == null ? "govuk-tag--grey" : switch (state) {
            case "OVERDUE", "MISSED" -> "govuk-tag--red";
            case "AT_RISK" -> "govuk-tag--orange";
            case "ON_TRACK", "MET" -> "govuk-tag--green";
            default -> "govuk-tag--grey";
        };
    }

    // --- words ---

    static String tag(Priority p) {
        return switch (p) {
            case RED -> "govuk-tag--red";
            case AMBER -> "govuk-tag--orange";
            case GREEN -> "govuk-tag--green";
        };
    }

    static String ragTag(Rag rag) {
        return rag == null ? "govuk-tag--grey" : switch (rag) {
            case RED -> "govuk-tag--red";
            case AMBER -> "govuk-tag--orange";
            case GREEN -> "govuk-tag--green";
        };
    }

    static String status(TriageStatus s) {
        return switch (s) {
            case NEW -> "New";
            case IN_PROGRESS -> "In progress";
            case AWAITING_APPROVAL -> "Awaiting approval";
            case DECIDED -> "Decided";
        };
    }

    /** "3 hours 5 minutes left" or "overdue by 2 hours": the RAG countdown, as of the page's making. */
    static String timeLeft(Instant now, Instant deadline) {
        Duration d = Duration.between(now, deadline);
        boolean late = d.isNegative();
        d = d.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        String span = days > 0 ? days + (days == 1 ? " day " : " days ") + hours + (hours == 1 ? " hour" : " hours")
                : hours > 0 ? hours + (hours == 1 ? " hour " : " hours ") + minutes + " min" : minutes + " min";
        return late ? "overdue by " + span : span + " left";
    }

    private static String name(ReferralReceived.Child c) {
        return String.join(" ", nonBlank(c.firstName(), c.lastName()));
    }

    private static String consent(ReferralReceived.Consent c) {
        if (c == null) {
            return "";
        }
        return (Boolean.TRUE.equals(c.familyAware()) ? "Family aware" : "Family not aware") + "; "
                + (Boolean.TRUE.equals(c.consentGiven()) ? "consent given" : "no consent: " + c.reasonWithoutConsent());
    }

    private static List<String> nonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
