package org.frontdoor.support.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England: Monday to Friday, less the bank holidays of England and Wales.
 * Statutory timescales ("within 1 working day", "45 working days") are counted on it.
 *
 * <p>Counting rule: a thing received at time T on a working day is due at T on the n-th
 * following working day. A thing received on a weekend or bank holiday starts its clock at
 * midnight at the start of the next working day.
 */
public final class WorkingCalendar {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final String HOLIDAYS = "/calendar/bank-holidays-england-and-wales.txt";

    private final TreeSet<LocalDate> holidays;

    public WorkingCalendar(Collection<LocalDate> holidays) {
        this.holidays = new TreeSet<>(holidays);
    }

    /** The published bank holidays of England and Wales, plus any extra days given. */
    public static WorkingCalendar englandAndWales(Collection<LocalDate> extraHolidays) {
        Set<LocalDate> days = new HashSet<>(extraHolidays);
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(HOLIDAYS)) {
            if (in == null) {
                throw new IllegalStateException(HOLIDAYS + " is missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(LocalDate::parse)
                    .forEach(days::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + HOLIDAYS, e);
        }
        return new WorkingCalendar(days);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    public boolean isBankHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** The last date the holiday list covers; past it only weekends are known. */
    public LocalDate coveredUntil() {
        return holidays.isEmpty() ? LocalDate.MIN : holidays.last();
    }

    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int i = 0; i < days; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /** When something received at {@code received} is due, {@code days} working days later. */
    public Instant plusWorkingDays(Instant received, int days) {
        ZonedDateTime start = received.atZone(ENGLAND);
        if (!isWorkingDay(start.toLocalDate())) {
            start = nextWorkingDay(start.toLocalDate()).atStartOfDay(ENGLAND);
        }
        LocalDate dueDate = plusWorkingDays(start.toLocalDate(), days);
        return ZonedDateTime.of(dueDate, start.toLocalTime(), ENGLAND).toInstant();
    }

    /** Working days strictly after {@code from}'s date up to and including {@code to}'s date. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
