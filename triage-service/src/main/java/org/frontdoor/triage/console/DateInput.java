package org.frontdoor.triage.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.ProblemException;

/**
 * The GOV.UK Date input, read: a date typed as day, month and year in three fields named {@code <field>-day},
 * {@code <field>-month} and {@code <field>-year} (as tags/dateInput.html draws them), and the time beside a date
 * ("14:30"). What cannot be read is refused beside {@code field} as the services refuse a field, in the words the
 * GOV.UK Design System recommends, before any service is asked. {@code what} names the date in the message, e.g.
 * "the panel's date": "Enter the panel's date, for example 27 3 2026", "The panel's date must include a month",
 * "The panel's date must be a real date".
 */
public final class DateInput {

    /** The parts of a date input, in the order they are drawn. */
    static final List<String> PARTS = List.of("day", "month", "year");

    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?");

    private DateInput() {
    }

    /** The date typed, or null when nothing was typed in any of the three fields (an optional date). */
    public static LocalDate read(String field, String what, String day, String month, String year) {
        if (blank(day) && blank(month) && blank(year)) {
            return null;
        }
        return required(field, what, day, month, year);
    }

    /** The date typed; refused when nothing was typed, a part is missing, or it is not a real date. */
    public static LocalDate required(String field, String what, String day, String month, String year) {
        if (blank(day) && blank(month) && blank(year)) {
            throw ProblemException.invalid(field, "Enter " + what + ", for example 27 3 2026");
        }
        List<String> missing = new ArrayList<>();
        if (blank(day)) {
            missing.add("a day");
        }
        if (blank(month)) {
            missing.add("a month");
        }
        if (blank(year)) {
            missing.add("a year");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(field, capital(what) + " must include " + String.join(" and ", missing));
        }
        if (!year.strip().matches("\\d{4}")) {
            throw ProblemException.invalid(field, "The year of " + what + " must have 4 numbers, for example 2026");
        }
        LocalDate date = date(day, month, year);
        if (date == null) {
            throw ProblemException.invalid(field, capital(what) + " must be a real date");
        }
        return date;
    }

    /**
     * The parts to draw as wrong when {@code field} was refused: the missing or unreadable ones, or all three when
     * each part reads but they make no date (31 2 2026) or the date itself was refused (e.g. in the future).
     */
    public static List<String> wrongParts(String day, String month, String year) {
        List<String> wrong = new ArrayList<>();
        if (blank(day) || number(day, 1, 31) == null) {
            wrong.add("day");
        }
        if (blank(month) || month(month) == null) {
            wrong.add("month");
        }
        if (blank(year) || !year.strip().matches("\\d{4}")) {
            wrong.add("year");
        }
        return wrong.isEmpty() || wrong.size() == 3 ? PARTS : List.copyOf(wrong);
    }

    /**
     * A time of day as typed beside a date: "14:30", "14.30", "2:30pm", "9am"; null when none was typed. Refused
     * beside {@code field} when it is not one.
     */
    public static LocalTime time(String field, String what, String typed) {
        if (blank(typed)) {
            return null;
        }
        Matcher m = TIME.matcher(typed.strip().toLowerCase(Locale.ROOT));
        Integer hour = m.matches() ? Integer.valueOf(m.group(1)) : null;
        int minute = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
        if (hour != null && m.group(3) != null) {
            hour = hour < 1 || hour > 12 ? null : hour % 12 + ("pm".equals(m.group(3)) ? 12 : 0);
        } else if (hour != null && m.group(2) == null) {
            hour = null; // "14" alone could be a typing slip: a time has minutes or am/pm
        }
        if (hour == null || hour > 23 || minute > 59) {
            throw ProblemException.invalid(field, capital(what) + " must be a real time, for example 14:30");
        }
        return LocalTime.of(hour, minute);
    }

    /** A time of day as typed beside a date; refused when none was typed. */
    public static LocalTime requiredTime(String field, String what, String typed) {
        LocalTime time = time(field, what, typed);
        if (time == null) {
            throw ProblemException.invalid(field, "Enter " + what + ", for example 14:30");
        }
        return time;
    }

    /**
     * What {@code read} reads, or null with its refusal added to {@code errors}: a form with a date and a time (or
     * two dates) shows every mistake at once.
     */
    public static <T> T collect(List<Problem.FieldError> errors, Supplier<T> read) {
        try {
            return read.get();
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A date and time of day in the UK (Europe/London, as typed), as an instant. */
    public static Instant ukInstant(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(WorkingCalendar.ENGLAND).toInstant();
    }

    private static LocalDate date(String day, String month, String year) {
        Integer d = number(day, 1, 31);
        Integer m = month(month);
        if (d == null || m == null) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A month as a number (3, 03) or, as GOV.UK asks services to accept, a name (Mar, March). */
    private static Integer month(String typed) {
        Integer number = number(typed, 1, 12);
        return number != null ? number : MONTHS.get(typed.strip().toLowerCase(Locale.ROOT));
    }

    private static Integer number(String typed, int min, int max) {
        String s = typed == null ? "" : typed.strip();
        if (!s.matches("\\d{1,2}")) {
            return null;
        }
        int n = Integer.parseInt(s);
        return n < min || n > max ? null : n;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new java.util.HashMap<>();
        for (java.time.Month m : java.time.Month.values()) {
            String name = m.name().toLowerCase(Locale.ROOT);
            months.put(name, m.getValue());
            months.put(name.substring(0, 3), m.getValue());
        }
        months.put("sept", 9);
        return Map.copyOf(months);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String capital(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
