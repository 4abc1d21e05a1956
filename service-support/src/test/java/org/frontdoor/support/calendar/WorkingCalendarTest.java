package org.frontdoor.support.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales(List.of());

    private static Instant london(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WorkingCalendar.ENGLAND).toInstant();
    }

    @Test
    void aWeekdayReferralIsDueAtTheSameTimeNextWorkingDay() {
        assertEquals(london("2026-11-24T10:15:00"), calendar.plusWorkingDays(london("2026-11-23T10:15:00"), 1));
    }

    @Test
    void aFridayReferralIsDueOnMonday() {
        assertEquals(london("2026-11-23T16:00:00"), calendar.plusWorkingDays(london("2026-11-20T16:00:00"), 1));
    }

    @Test
    void aWeekendReferralStartsItsClockOnMonday() {
        // Saturday afternoon: counted from Monday 00:00, due at the end of Monday
        assertEquals(london("2026-11-24T00:00:00"), calendar.plusWorkingDays(london("2026-11-21T15:00:00"), 1));
    }

    @Test
    void christmasAndTheBoxingDaySubstituteAreSkipped() {
        // 2026: Christmas Friday, Boxing Day Saturday with Monday 28th as its substitute
        assertTrue(calendar.isBankHoliday(LocalDate.of(2026, 12, 28)));
        assertEquals(london("2026-12-29T09:00:00"), calendar.plusWorkingDays(london("2026-12-24T09:00:00"), 1));
    }

    @Test
    void easterIsSkipped() {
        // Thursday before Good Friday 2027 (26 March) -> Easter Monday (29th) is off too -> Tuesday 30th
        assertEquals(london("2027-03-30T11:00:00"), calendar.plusWorkingDays(london("2027-03-25T11:00:00"), 1));
    }

    @Test
    void clocksChangingDoesNotMoveTheDueTime() {
        // British Summer Time ends on Sunday 25 October 2026
        assertEquals(london("2026-10-26T09:30:00"), calendar.plusWorkingDays(london("2026-10-23T09:30:00"), 1));
    }

    @Test
    void fortyFiveWorkingDaysAcrossChristmas() {
        // From Monday 1 December 2026: 45 working days, skipping 25 and 28 December and 1 January
        LocalDate due = calendar.plusWorkingDays(LocalDate.of(2026, 12, 1), 45);
        assertEquals(LocalDate.of(2027, 2, 5), due);
        assertEquals(45, calendar.workingDaysBetween(LocalDate.of(2026, 12, 1), due));
    }

    @Test
    void weekendsAreNotWorkingDaysAndTheListCoversSeveralYears() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 11, 22)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 11, 23)));
        assertTrue(calendar.coveredUntil().getYear() >= 2030);
    }

    @Test
    void extraHolidaysFromConfigCount() {
        WorkingCalendar withExtra = WorkingCalendar.englandAndWales(List.of(LocalDate.of(2027, 6, 7)));
        assertFalse(withExtra.isWorkingDay(LocalDate.of(2027, 6, 7)));
    }
}
