package org.frontdoor.triage.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.triage.children.ChronologyEntryType;
import org.frontdoor.triage.indicators.Rag;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageStatus;

/**
 * The words every console page uses the same way: times in UK local time (the clocks change; the database keeps
 * UTC), deadlines as time left, codes as words and GOV.UK tag colours.
 */
public final class ConsoleWords {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(WorkingCalendar.ENGLAND);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    /** The UK day of an instant, e.g. "4 May 2026". */
    static final DateTimeFormatter ON_DAY = DAY.withZone(WorkingCalendar.ENGLAND);

    /** One choice of a radio group or a select: the value posted, its words, an optional hint. */
    public record Choice(String value, String label, String hint) {
    }

    private ConsoleWords() {
    }

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

    /** What kind of event a chronology entry is, in words. */
    static String entryType(ChronologyEntryType type) {
        return switch (type) {
            case CONTACT -> "Contact";
            case DECISION -> "Decision";
            case CHECK -> "Check with a partner agency";
            case CASE_STEP -> "Case";
            case ASSESSMENT -> "Assessment";
            case SECTION47_ENQUIRY -> "Section 47 enquiry";
            case MESSAGE_TO_REFERRER -> "Message to the referrer";
            case RECORDS_MERGED -> "Records merged";
            case RECORDS_SEPARATED -> "Records separated";
        };
    }

    static String pathway(Pathway p) {
        return p == null ? "" : p == Pathway.SOCIAL_CARE ? "Social care" : p == Pathway.EARLY_HELP ? "Early help"
                : "No service";
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

    /** "due in 3 hours 20 minutes" or "overdue by 40 minutes": a request's countdown, as of the page's making. */
    static String countdown(Instant now, Instant deadline) {
        Duration d = Duration.between(now, deadline);
        boolean late = d.isNegative();
        d = d.abs();
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(count(d.toDays(), "day"));
        }
        if (d.toHoursPart() > 0) {
            parts.add(count(d.toHoursPart(), "hour"));
        }
        if (d.toDays() == 0 && (d.toMinutesPart() > 0 || parts.isEmpty())) {
            parts.add(count(d.toMinutesPart(), "minute"));
        }
        return (late ? "overdue by " : "due in ") + String.join(" ", parts);
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A record's history, one line an entry: when, what was done, and the detail. */
    static List<String> history(List<HistoryEntry> entries) {
        return entries.stream().map(h -> WHEN.format(h.at) + ": " + h.action.replace('_', ' ').toLowerCase(Locale.UK)
                + (h.detail == null ? "" : " - " + h.detail)).toList();
    }

    static String name(ReferralReceived.Child c) {
        return String.join(" ", nonBlank(c.firstName(), c.lastName()));
    }

    static List<String> nonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
