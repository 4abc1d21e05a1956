package org.frontdoor.triage.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.domain.DomainException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A request's moves, without a database: asked, answered / no trace / declined, overdue; nothing else. */
class InformationRequestTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofHours(4));

    private static InformationRequest asked() {
        return InformationRequest.ask(UUID.randomUUID(), UUID.randomUUID(), "south-yorkshire-police",
                "Any incidents at the address?", Priority.RED, "tw-tara-jones", NOW, DEADLINE);
    }

    private static InformationRequest overdue() {
        InformationRequest r = asked();
        r.overdue(DEADLINE.plusSeconds(60));
        return r;
    }

    @Nested
    class Ask {
        @Test
        void aRequestIsAskedWithTheDeadlineItIsGiven() {
            InformationRequest r = asked();
            assertEquals(InformationRequestStatus.REQUESTED, r.status);
            assertEquals(DEADLINE, r.deadline);
            assertEquals(NOW, r.requestedAt);
            assertEquals("tw-tara-jones", r.requestedBy);
            assertTrue(r.isOpen());
            assertNull(r.answeredAt);
        }
    }

    @Nested
    class Answer {
        @Test
        void anOpenRequestIsAnsweredWithFindings() {
            InformationRequest r = asked();
            r.answer("Two incidents in 2026.", "police-system", NOW.plusSeconds(600));
            assertEquals(InformationRequestStatus.ANSWERED, r.status);
            assertEquals("Two incidents in 2026.", r.findings);
            assertEquals("police-system", r.answeredBy);
            assertFalse(r.isOpen());
            assertFalse(r.answeredLate());
        }

        @Test
        void anOverdueRequestMayStillBeAnsweredAndStaysLate() {
            InformationRequest r = overdue();
            r.answer("Nothing recent.", "police-system", DEADLINE.plusSeconds(3600));
            assertEquals(InformationRequestStatus.ANSWERED, r.status);
            assertTrue(r.answeredLate());
            assertEquals(DEADLINE.plusSeconds(60), r.chasedAt);
        }

        @Test
        void anAnsweredRequestIsNotAnsweredAgain() {
            InformationRequest r = asked();
            r.answer("x", "police-system", NOW);
            assertThrows(DomainException.Conflict.class, () -> r.answer("y", "police-system", NOW));
            assertEquals("x", r.findings);
        }
    }

    @Nested
    class NoTrace {
        @Test
        void anOpenRequestEndsWithNoTrace() {
            InformationRequest r = asked();
            r.noTrace("health-system", NOW);
            assertEquals(InformationRequestStatus.NO_TRACE, r.status);
            assertNull(r.findings);
        }

        @Test
        void aDeclinedRequestIsNotThenNoTrace() {
            InformationRequest r = asked();
            r.decline("Consent refused.", "health-system", NOW);
            assertThrows(DomainException.Conflict.class, () -> r.noTrace("health-system", NOW));
            assertEquals(InformationRequestStatus.DECLINED, r.status);
        }
    }

    @Nested
    class Decline {
        @Test
        void anOpenOrOverdueRequestIsDeclinedWithItsReason() {
            InformationRequest r = overdue();
            r.decline("Not our area.", "health-system", DEADLINE.plusSeconds(120));
            assertEquals(InformationRequestStatus.DECLINED, r.status);
            assertEquals("Not our area.", r.declinedReason);
        }

        @Test
        void aRequestWithNoTraceIsNotDeclinedAfter() {
            InformationRequest r = asked();
            r.noTrace("health-system", NOW);
            assertThrows(DomainException.Conflict.class, () -> r.decline("x", "health-system", NOW));
        }
    }

    @Nested
    class Overdue {
        @Test
        void aRequestPastItsDeadlineTurnsOverdueAndIsChased() {
            InformationRequest r = overdue();
            assertEquals(InformationRequestStatus.OVERDUE, r.status);
            assertTrue(r.isOpen());
        }

        @Test
        void notBeforeItsDeadline() {
            InformationRequest r = asked();
            assertThrows(DomainException.Conflict.class, () -> r.overdue(DEADLINE));
            assertEquals(InformationRequestStatus.REQUESTED, r.status);
        }

        @Test
        void neitherTwiceNorOnceAnswered() {
            InformationRequest twice = overdue();
            assertThrows(DomainException.Conflict.class, () -> twice.overdue(DEADLINE.plusSeconds(600)));
            InformationRequest answered = asked();
            answered.answer("x", "police-system", NOW);
            assertThrows(DomainException.Conflict.class, () -> answered.overdue(DEADLINE.plusSeconds(600)));
        }
    }
}
