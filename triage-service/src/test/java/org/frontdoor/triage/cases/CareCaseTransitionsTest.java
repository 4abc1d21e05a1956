package org.frontdoor.triage.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.staff.Actor;
import org.junit.jupiter.api.Test;

/** A case's moves, without a database: opened, allocated, stepped, closed; nothing moves a closed case. */
class CareCaseTransitionsTest {

    private static final Actor MAYA = new Actor("tm-maya-reid", "sub-maya", null, true);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aCaseOpensOnItsPathwayAndWaitsForAllocationUntilItHasALeadWorker() {
        CareCase c = CareCase.open(UUID.randomUUID(), UUID.randomUUID(), Pathway.EARLY_HELP, true, MAYA, NOW);
        assertEquals(CareCase.Status.OPEN, c.status);
        assertEquals(Pathway.EARLY_HELP, c.openedPathway);
        assertEquals("tm-maya-reid", c.openedBy);
        c.awaitAllocation(NOW.plusSeconds(3600));
        assertNull(c.leadWorker);
        assertEquals(NOW.plusSeconds(3600), c.allocationDueBy);
        c.allocateTo("eh-dana-price");
        assertEquals("eh-dana-price", c.leadWorker);
        assertNull(c.allocationDueBy);
    }

    @Test
    void aStepMovesThePathwayAndKeepsWhereFrom() {
        CareCase c = CareCase.open(UUID.randomUUID(), null, Pathway.SOCIAL_CARE, false, MAYA, NOW);
        CaseStep s = c.step(StepDirection.DOWN, Pathway.EARLY_HELP, "Risks reduced", "Early help leads now",
                LocalDate.parse("2026-12-01"), MAYA, NOW);
        assertEquals(Pathway.EARLY_HELP, c.pathway);
        assertEquals(Pathway.SOCIAL_CARE, c.openedPathway);
        assertEquals(StepDirection.DOWN, s.direction);
        assertEquals(Pathway.SOCIAL_CARE, s.fromPathway);
        assertEquals(Pathway.EARLY_HELP, s.toPathway);
        assertEquals(c.id, s.caseId);
        assertEquals("tm-maya-reid", s.steppedBy);
    }

    @Test
    void aStepToTheSamePathwayIsRefusedNamingThePathway() {
        CareCase c = CareCase.open(UUID.randomUUID(), null, Pathway.EARLY_HELP, false, MAYA, NOW);
        DomainException.Invalid e = assertThrows(DomainException.Invalid.class, () -> c.step(StepDirection.ACROSS,
                Pathway.EARLY_HELP, "r", null, null, MAYA, NOW));
        assertEquals("pathway", e.errors().get(0).field());
        assertEquals("the case is already EARLY_HELP; a step changes the pathway", e.errors().get(0).message());
    }

    @Test
    void aClosedCaseIsNeitherSteppedAllocatedNorClosedAgain() {
        CareCase c = CareCase.open(UUID.randomUUID(), null, Pathway.EARLY_HELP, false, MAYA, NOW);
        c.awaitAllocation(NOW);
        c.close(ClosureReason.fromCode("RC7").orElseThrow(), "Plan completed", MAYA, NOW);
        assertEquals(CareCase.Status.CLOSED, c.status);
        assertEquals("RC7", c.closureReasonCode);
        assertNull(c.allocationDueBy, "a closed case waits for nobody");
        DomainException.Conflict e = assertThrows(DomainException.Conflict.class,
                () -> c.close(ClosureReason.fromCode("RC7").orElseThrow(), "again", MAYA, NOW));
        assertEquals("Case " + c.id + " was closed at " + NOW, e.getMessage());
        assertThrows(DomainException.Conflict.class, () -> c.step(StepDirection.UP, Pathway.SOCIAL_CARE, "r",
                null, null, MAYA, NOW));
        assertThrows(DomainException.Conflict.class, () -> c.allocateTo("eh-dana-price"));
    }
}
