package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.junit.jupiter.api.Test;

/** Issue 28: codes as words and times as UK time in what the console shows; a child named without their name. */
class ConsoleWordsTest {

    @Test
    void aServicesNoteReadsAsWordsInUkTime() {
        assertEquals("level 4, strategy discussion (s47), on time, now a referral",
                ConsoleWords.inWords("level 4, STRATEGY_DISCUSSION, on time, now a referral"));
        assertEquals("Queued red, suggested level 3, due Tue 8 Dec 2026, 09:00",
                ConsoleWords.inWords("Queued RED, suggested level 3, due 2026-12-08T09:00:00Z"));
        assertEquals("strategy discussion of 8 December 2026: s47 enquiry",
                ConsoleWords.inWords("strategy discussion of 2026-12-08: s47 enquiry"));
        assertEquals("down: social care to early help, panel 20 November 2026",
                ConsoleWords.inWords("DOWN: SOCIAL_CARE to EARLY_HELP, panel 2026-11-20"));
        assertEquals("police (south-yorkshire-police), due Mon 1 Jun 2026, 15:30",
                ConsoleWords.inWords("POLICE (south-yorkshire-police), due 2026-06-01T14:30:00.123Z"),
                "British Summer Time");
        assertEquals("RC8 (case closed), ICPC on 3 March 2026, N1", ConsoleWords.inWords(
                "RC8 (case closed), ICPC on 2026-03-03, N1"), "codes of one word that are names stay");
        assertEquals("children's social care assessment (s17), local authority",
                ConsoleWords.inWords("SOCIAL_CARE_ASSESSMENT, LOCAL_AUTHORITY"));
        assertEquals("", ConsoleWords.inWords(null));
    }

    @Test
    void aCodeInATagIsCapitalised() {
        assertEquals("Red", ConsoleWordsExtensions.asWords("RED"));
        assertEquals("Awaiting approval", ConsoleWordsExtensions.asWords("AWAITING_APPROVAL"));
    }

    @Test
    void aChildIsNamedByPositionInitialsAndMonthOfBirth() {
        assertEquals("child 2 (A.S., born March 2016)", ConsoleWords.childReference(child(1, "Amy", "Smith",
                LocalDate.of(2016, 3, 27), null)));
        assertEquals("child 1 (unborn, due May 2027)", ConsoleWords.childReference(child(0, null, null, null,
                LocalDate.of(2027, 5, 1))));
        assertEquals("child 3 (B., born January 2020)", ConsoleWords.childReference(child(2, "Ben", " ",
                LocalDate.of(2020, 1, 2), null)));
    }

    private static ReferralReceived.Child child(int position, String first, String last, LocalDate born,
            LocalDate due) {
        return new ReferralReceived.Child(UUID.randomUUID(), position, null, first, last, born, due, "F", null, null,
                null, null, false, false, SharingConsent.NOT_RECORDED);
    }
}
