package org.frontdoor.triage.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.codes.StepDirection;
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
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
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

    /**
     * A record's history, one line an entry: when, what was done, and the detail, its codes and times in words,
     * after {@code named} has put its ids in words ({@link HistoryWords}).
     */
    static List<String> history(List<HistoryEntry> entries, UnaryOperator<String> named) {
        return entries.stream().map(h -> WHEN.format(h.at) + ": " + h.action.replace('_', ' ').toLowerCase(Locale.UK)
                + (h.detail == null ? "" : " - " + inWords(named.apply(h.detail)))).toList();
    }

    private static final Pattern INSTANT = Pattern
            .compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z");
    private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Map<String, String> CODES = codes();

    /**
     * A service's note (a history entry's detail) as a person reads it: instants in UK time ("Tue 8 Dec 2026,
     * 09:00"), dates in words ("20 November 2026"), and codes as words ("STRATEGY_DISCUSSION": "strategy discussion
     * (s47)", "RED": "red"); a code of one word that is not known here (RC8, N1, ICPC) stays as written.
     */
    static String inWords(String note) {
        if (note == null) {
            return "";
        }
        String s = INSTANT.matcher(note).replaceAll(m -> {
            try {
                return Matcher.quoteReplacement(WHEN.format(Instant.parse(m.group())));
            } catch (DateTimeParseException e) {
                return Matcher.quoteReplacement(m.group());
            }
        });
        s = DATE.matcher(s).replaceAll(m -> {
            try {
                return Matcher.quoteReplacement(DAY.format(LocalDate.parse(m.group())));
            } catch (DateTimeParseException e) {
                return Matcher.quoteReplacement(m.group());
            }
        });
        return CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(code(m.group())));
    }

    /** A code as words: a known one's, any other of several words with spaces, one word as it is. */
    static String code(String code) {
        String known = CODES.get(code);
        return known != null ? known : code.contains("_") ? code.replace('_', ' ').toLowerCase(Locale.UK) : code;
    }

    /** A code as words at the start of a sentence or in a tag: "RED": "Red". */
    static String capitalised(String code) {
        String words = code(code);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (Outcome o : Outcome.values()) {
            String label = o.label();
            codes.put(o.name(), label.startsWith("Children's") ? label.replace("Children's", "children's")
                    : Character.toLowerCase(label.charAt(0)) + label.substring(1));
        }
        for (Enum<?> e : List.<Enum<?>[]>of(Priority.values(), StepDirection.values(), AgencyType.values(),
                TriageStatus.values()).stream().flatMap(Arrays::stream).toList()) {
            codes.putIfAbsent(e.name(), e.name().replace('_', ' ').toLowerCase(Locale.UK));
        }
        codes.put(Pathway.SOCIAL_CARE.name(), "social care");
        codes.put(Pathway.EARLY_HELP.name(), "early help");
        codes.put(AgencyType.PROBATION_OR_COURTS.name(), "probation or courts");
        return Map.copyOf(codes);
    }

    /**
     * "child 2 (A.S., born March 2016)": a child of a contact by position, initials and month of birth, where a
     * message names one child among several without the full name (error summaries, which may reach a log).
     */
    static String childReference(ReferralReceived.Child c) {
        List<String> about = new ArrayList<>();
        String initials = nonBlank(c.firstName(), c.lastName()).stream()
                .map(n -> n.strip().substring(0, 1).toUpperCase(Locale.UK) + ".").reduce("", String::concat);
        if (!initials.isEmpty()) {
            about.add(initials);
        }
        if (c.dateOfBirth() != null) {
            about.add("born " + MONTH.format(c.dateOfBirth()));
        } else if (c.expectedDateOfBirth() != null) {
            about.add("unborn, due " + MONTH.format(c.expectedDateOfBirth()));
        }
        return "child " + (c.position() + 1) + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
    }

    static String name(ReferralReceived.Child c) {
        return String.join(" ", nonBlank(c.firstName(), c.lastName()));
    }

    static List<String> nonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
