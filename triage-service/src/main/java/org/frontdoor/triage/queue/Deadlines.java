package org.frontdoor.triage.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.calendar.WorkingCalendar;

/**
 * When a screening decision is due, from receipt:
 * <ul>
 * <li>RED: {@code redHours} on the wall clock, whatever the day or hour. An immediate-risk
 * referral never waits for the office to open: out of hours it goes to the emergency duty
 * team, so the clock runs through nights, weekends and bank holidays.</li>
 * <li>AMBER and GREEN: working days on the England and Wales calendar. The clock starts at
 * receipt when that is inside office hours on a working day; otherwise when the office next
 * opens (before opening: that morning; after closing, a weekend or a bank holiday: the next
 * working day's opening). Due at the same time of day n working days later.</li>
 * </ul>
 */
public final class Deadlines {

    private final WorkingCalendar calendar;
    private final LocalTime opens;
    private final LocalTime closes;
    private final int redHours;
    private final int amberWorkingDays;
    private final int greenWorkingDays;

    public Deadlines(WorkingCalendar calendar, LocalTime opens, LocalTime closes, int redHours, int amberWorkingDays,
            int greenWorkingDays) {
        if (!opens.isBefore(closes)) {
            throw new IllegalStateException("office hours must open before they close");
        }
        this.calendar = calendar;
        this.opens = opens;
        this.closes = closes;
        this.redHours = redHours;
        this.amberWorkingDays = amberWorkingDays;
        this.greenWorkingDays = greenWorkingDays;
    }

    public Instant deadline(Instant received, Priority priority) {
        return switch (priority) {
            case RED -> received.plus(Duration.ofHours(redHours));
            case AMBER -> calendar.plusWorkingDays(clockStart(received), amberWorkingDays);
            case GREEN -> calendar.plusWorkingDays(clockStart(received), greenWorkingDays);
        };
    }

    /** When a working-day clock starts for something received at {@code received}. */
    public Instant clockStart(Instant received) {
        ZonedDateTime at = received.atZone(WorkingCalendar.ENGLAND);
        LocalDate day = at.toLocalDate();
        if (calendar.isWorkingDay(day)) {
            if (at.toLocalTime().isBefore(opens)) {
                return ZonedDateTime.of(day, opens, WorkingCalendar.ENGLAND).toInstant();
            }
            if (at.toLocalTime().isBefore(closes)) {
                return received;
            }
        }
        return ZonedDateTime.of(calendar.nextWorkingDay(day), opens, WorkingCalendar.ENGLAND).toInstant();
    }
}
