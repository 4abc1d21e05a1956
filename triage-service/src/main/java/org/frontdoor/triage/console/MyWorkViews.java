package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.staff.StaffAlert;
import org.frontdoor.triage.staff.StaffAlerts;
import org.frontdoor.triage.statutory.StatutoryTimescales;

/**
 * What the timescales and alerts pages show: the statutory work due and overdue, a page at a time, each with the
 * way to the page that records it; and the signed-in worker's alerts, in words, newest first.
 */
@ApplicationScoped
public class MyWorkViews {

    /** Rows on one page of the timescales. */
    static final int PAGE_SIZE = 50;

    /** Alerts listed, newest first (as the API's default). */
    static final int ALERTS = 50;

    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /**
     * The ids in an alert's message (the API's words): the page links to the record instead, since a person needs a
     * name, not a UUID. An id in brackets goes; "case <id>" (after its pathway's code, if any) is "the case".
     */
    private static final Pattern BRACKETED = Pattern.compile("\\s*\\((case|triage item) " + UUID_TEXT + "\\)");
    private static final Pattern BARE = Pattern.compile("(?i)(?:(?-i:[A-Z_]{2,}) )?(case|triage item) " + UUID_TEXT);

    @Inject
    StatutoryTimescales timescales;

    @Inject
    StaffAlerts alerts;

    /** One thing due: what, for which child, led by whom, due when, and the way to the page that records it. */
    public record DueRow(String what, String child, String leadWorker, String from, String due, String left,
            boolean overdue, String href) {
    }

    /** A page of what is due; {@code overdueOnly} when only what is past its date is listed. */
    public record Timescales(List<DueRow> rows, int total, int page, int pages, boolean overdueOnly) {

        /** This list's address, up to its page's number. */
        public String pagesHref() {
            return overdueOnly ? "/console/timescales?overdue=true&page=" : "/console/timescales?page=";
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** One alert: when, what kind in words, what it says, the way to its case or contact, read or not. */
    public record AlertRow(long id, String when, String kind, String message, String href, String linkText,
            boolean read, String readAt) {
    }

    @Transactional
    public Timescales timescales(boolean overdueOnly, int page) {
        List<StatutoryTimescales.Due> due = timescales.due(overdueOnly);
        int pages = Math.max(1, (due.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), Math.min(pages, Paging.MAX_PAGE));
        List<DueRow> rows = due.subList(Math.min(due.size(), (shown - 1) * PAGE_SIZE),
                Math.min(due.size(), shown * PAGE_SIZE)).stream().map(MyWorkViews::row).toList();
        return new Timescales(rows, due.size(), shown, pages, overdueOnly);
    }

    @Transactional
    public List<AlertRow> alerts() {
        return alerts.mine(ALERTS).stream().map(MyWorkViews::row).toList();
    }

    private static DueRow row(StatutoryTimescales.Due d) {
        boolean assessment = d.kind() == StatutoryTimescales.Kind.ASSESSMENT;
        String what = assessment ? (d.id() == null ? "s17 assessment to start and authorise"
                : "s17 assessment to authorise") : "Initial child protection conference to hold";
        String left = d.overdue() ? "Overdue by " + days(-d.workingDaysLeft())
                : d.workingDaysLeft() == 0 ? "Due today" : days(d.workingDaysLeft()) + " left";
        return new DueRow(what, childOf(d.triageItemId()), d.leadWorker() == null ? "Not allocated" : d.leadWorker(),
                StatutoryViews.day(d.from()), StatutoryViews.day(d.dueOn()), left, d.overdue(),
                "/console/referrals/" + d.triageItemId() + (assessment ? "/assessment" : "/section47"));
    }

    private static String days(int n) {
        return n + (n == 1 ? " working day" : " working days");
    }

    private static AlertRow row(StaffAlert a) {
        String href = a.caseId != null ? "/console/cases/" + a.caseId
                : a.triageItemId != null ? "/console/items/" + a.triageItemId : null;
        String child = a.triageItemId != null ? childOf(a.triageItemId) : null;
        String linkText = a.caseId != null ? "Open the case" : "Open the contact";
        return new AlertRow(a.id, WHEN.format(a.at), kind(a.kind), (child == null ? "" : child + ": ")
                + words(a.message), href, linkText, a.readAt != null, a.readAt == null ? "" : WHEN.format(a.readAt));
    }

    /** An alert's message without ids or codes: "Case <id> was stepped down to EARLY_HELP" reads "The case ...". */
    static String words(String message) {
        String text = BRACKETED.matcher(message).replaceAll("");
        text = BARE.matcher(text).replaceAll(m -> m.group(1).equalsIgnoreCase("case") ? "the case" : "the contact");
        for (Pathway p : Pathway.values()) {
            text = text.replace(p.name(), ConsoleWords.pathway(p).toLowerCase(java.util.Locale.UK));
        }
        text = text.strip();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String kind(StaffAlert.Kind kind) {
        return switch (kind) {
            case CONTACT_ABOUT_OPEN_CASE -> "New contact about a child of your case";
            case CONTACT_PASSED -> "Contact passed to you";
            case CASE_ALLOCATED -> "Case allocated to you";
            case CASE_MOVED_AWAY -> "Case moved from you";
            case DECISION_SENT_BACK -> "Decision sent back";
            case CASE_CHANGE_DECLINED -> "Case change declined";
        };
    }

    /** The name of the child a triage item is about. */
    private static String childOf(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        TriageReferral r = item == null ? null : TriageReferral.findById(item.referralId);
        return r == null ? "A child" : r.content().children().stream().filter(c -> c.childId().equals(item.childId))
                .findFirst().map(ConsoleWords::name).orElse("A child");
    }
}
