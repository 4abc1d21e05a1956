package org.frontdoor.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.TriageDecided;
import org.junit.jupiter.api.Test;

/** How a triage.decided is read: the outcome once, into the shared code list; what cannot be told is malformed. */
class DecisionTest {

    @Test
    void everyOutcomeReadsAndHasWhatHappensNext() {
        for (Outcome outcome : Outcome.values()) {
            Decision d = Decision.of(decided(outcome.name(), "EARLY_HELP", outcome.statutory()));
            assertEquals(outcome, d.outcome());
            assertEquals(outcome.statutory(), d.referral());
            MessageComposer.nextStep(outcome);
        }
    }

    @Test
    void aContactPassedToAnOpenCaseTakesTheCasesPathway() {
        assertEquals(Pathway.SOCIAL_CARE,
                Decision.of(decided("PASSED_TO_ALLOCATED_WORKER", "SOCIAL_CARE", false)).pathway());
        assertEquals(Pathway.EARLY_HELP,
                Decision.of(decided("PASSED_TO_ALLOCATED_WORKER", "EARLY_HELP", false)).pathway());
        // left out: still told, in words that are true of any open case
        assertEquals(Pathway.NONE, Decision.of(decided("PASSED_TO_ALLOCATED_WORKER", null, false)).pathway());
        assertEquals("children's services", MessageComposer.words(Pathway.NONE));
        assertThrows(MalformedEventException.class,
                () -> Decision.of(decided("PASSED_TO_ALLOCATED_WORKER", "YOUTH_JUSTICE", false)));
    }

    @Test
    void anyOtherOutcomeHasItsOwnPathway() {
        Decision d = Decision.of(decided("EARLY_HELP_TARGETED", "SOCIAL_CARE", false));
        assertEquals(Pathway.EARLY_HELP, d.pathway());
        assertFalse(d.referral());
        assertEquals(Pathway.NONE, Decision.of(decided("NO_FURTHER_ACTION", null, false)).pathway());
    }

    @Test
    void whatCannotBeToldTruthfullyIsMalformed() {
        MalformedEventException unknown = assertThrows(MalformedEventException.class,
                () -> Decision.of(decided("FAMILY_GROUP_CONFERENCE", "EARLY_HELP", false)));
        assertTrue(unknown.getMessage().contains("unknown outcome 'FAMILY_GROUP_CONFERENCE'"), unknown.getMessage());
        assertThrows(MalformedEventException.class, () -> Decision.of(decided(null, "NONE", false)));
        assertThrows(MalformedEventException.class,
                () -> Decision.of(decided("early_help_targeted", "EARLY_HELP", false)));
        // a referral is only ever a statutory outcome
        assertThrows(MalformedEventException.class,
                () -> Decision.of(decided("EARLY_HELP_TARGETED", "EARLY_HELP", true)));
    }

    private static TriageDecided decided(String outcome, String pathway, boolean becameReferral) {
        return new TriageDecided(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3, outcome, pathway, "N1",
                "feedback", "worker-7", Instant.now(), true, becameReferral,
                becameReferral ? LocalDate.of(2026, 11, 23) : null, false, null, null);
    }
}
