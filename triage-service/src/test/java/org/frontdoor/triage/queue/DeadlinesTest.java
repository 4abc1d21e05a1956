package org.frontdoor.triage.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/**
 * Screening deadlines on the England and Wales working calendar with office hours 09:00-17:00
 * (UK time; November and December are GMT, so UTC here). Red runs on the wall clock.
 */
class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(WorkingCalendar.englandAndWales(List.of()), LocalTime.of(9, 0),
            LocalTime.of(17, 0), 4, 1, 3);

    @Test
    void greenOnAFridayAfternoonIsDueThreeWorkingDaysLaterAcrossTheWeekend() {
        // Friday 20 November 2026, 14:00 -> Mon, Tue, Wed
        assertEquals(Instant.parse("2026-11-25T14:00:00Z"),
                deadlines.deadline(Instant.parse("2026-11-20T14:00:00Z"), Priority.GREEN));
    }

    @Test
    void aReferralOnASaturdayStartsItsClockWhenTheOfficeOpensOnMonday() {
        Instant saturday = Instant.parse("2026-11-21T14:00:00Z");
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), deadlines.clockStart(saturday));
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), deadlines.deadline(saturday, Priority.AMBER));
        assertEquals(Instant.parse("2026-11-26T09:00:00Z"), deadlines.deadline(saturday, Priority.GREEN));
    }

    @Test
    void afterClosingOnFridayAmberIsDueTuesdayMorning() {
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"),
                deadlines.deadline(Instant.parse("2026-11-20T18:30:00Z"), Priority.AMBER));
        // before opening on a working day: that morning's opening
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"),
                deadlines.deadline(Instant.parse("2026-11-23T07:10:00Z"), Priority.AMBER));
    }

    @Test
    void christmasBankHolidaysAreSkipped() {
        // Thu 24 Dec 2026 10:00: Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing Day substitute) are not working days
        assertEquals(Instant.parse("2026-12-29T10:00:00Z"),
                deadlines.deadline(Instant.parse("2026-12-24T10:00:00Z"), Priority.AMBER));
        // received on Christmas Day: the clock starts Tue 29 at 09:00; 3 working days -> Fri 1 Jan is a holiday too
        assertEquals(Instant.parse("2027-01-04T09:00:00Z"),
                deadlines.deadline(Instant.parse("2026-12-25T11:00:00Z"), Priority.GREEN));
    }

    @Test
    void redIsFourHoursOnTheWallClockEvenOnABankHoliday() {
        assertEquals(Instant.parse("2026-12-25T15:00:00Z"),
                deadlines.deadline(Instant.parse("2026-12-25T11:00:00Z"), Priority.RED));
        assertEquals(Instant.parse("2026-11-22T01:30:00Z"),
                deadlines.deadline(Instant.parse("2026-11-21T21:30:00Z"), Priority.RED));
    }

    @Test
    void redForImmediateRiskAmberForSocialCareScreeningGreenForEarlyHelpScreening() {
        assertEquals(Priority.RED, Priority.of(2, true, null));
        assertEquals(Priority.RED, Priority.of(1, true, Pathway.EARLY_HELP), "immediate risk stays red whatever the routing");
        assertEquals(Priority.AMBER, Priority.of(4, false, null));
        assertEquals(Priority.AMBER, Priority.of(2, false, Pathway.SOCIAL_CARE), "a child with an open social care case");
        assertEquals(Priority.GREEN, Priority.of(3, false, null));
        assertEquals(Priority.GREEN, Priority.of(3, false, Pathway.EARLY_HELP));
        assertEquals(Priority.GREEN, Priority.of(1, false, null));
    }
}
