package org.frontdoor.triage.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.decision.Decision;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.FourEyesViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A triage item's moves, without a database: each legal one changes what it should, each illegal one is refused. */
class TriageItemTransitionsTest {

    private static final Actor TARA = new Actor("tw-tara-jones", "sub-tara", null, false);
    private static final Actor SAM = new Actor("tw-sam-patel", "sub-sam", null, false);
    private static final Actor MAYA = new Actor("tm-maya-reid", "sub-maya", null, true);
    private static final Actor OWEN = new Actor("tm-owen-hart", "sub-owen", null, true);
    private static final Instant RECEIVED = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Nested
    class ClaimAndAssign {

        @Test
        void aWorkerClaimsANewItemAndClaimingItAgainChangesNothing() {
            TriageItem item = queued();
            assertTrue(item.claim(TARA, NOW));
            assertEquals(TriageStatus.IN_PROGRESS, item.status);
            assertEquals("tw-tara-jones", item.assignedTo);
            assertFalse(item.claim(TARA, NOW.plusSeconds(60)));
            assertEquals(NOW, item.assignedAt);
        }

        @Test
        void anItemWithSomeoneElseIsNotClaimedButAManagerAssignsIt() {
            TriageItem item = queued();
            item.claim(TARA, NOW);
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class, () -> item.claim(SAM, NOW));
            assertEquals("Triage item " + item.id + " is already with tw-tara-jones; a team manager can reassign it",
                    e.getMessage());
            assertEquals("tw-tara-jones", item.assign("tw-sam-patel", NOW));
            assertEquals("tw-sam-patel", item.assignedTo);
        }

        @Test
        void aDecidedItemIsNeitherClaimedNorAssignedAndStaysWhenReleased() {
            TriageItem item = decided();
            assertThrows(DomainException.Conflict.class, () -> item.claim(TARA, NOW));
            assertThrows(DomainException.Conflict.class, () -> item.assign("tw-sam-patel", NOW));
            item.release();
            assertEquals(TriageStatus.DECIDED, item.status);
        }

        @Test
        void aReleasedItemIsBackInTheQueueWithNobody() {
            TriageItem item = queued();
            item.claim(TARA, NOW);
            item.release();
            assertEquals(TriageStatus.NEW, item.status);
            assertNull(item.assignedTo);
        }
    }

    @Nested
    class Decide {

        @Test
        void aDecisionIsRecordedAndTheItemIsTheDecidersWhenItWasNobodys() {
            TriageItem item = queued();
            item.decide(decision(Outcome.EARLY_HELP_TARGETED), TARA, NOW);
            assertEquals(Outcome.EARLY_HELP_TARGETED, item.outcome);
            assertEquals("tw-tara-jones", item.decidedBy);
            assertEquals("sub-tara", item.decidedBySubject);
            assertEquals("tw-tara-jones", item.assignedTo);
            assertEquals(TriageStatus.NEW, item.status, "recorded, not yet in effect");
        }

        @Test
        void onlyItsWorkerOrATeamManagerDecidesAnItem() {
            TriageItem item = queued();
            item.claim(TARA, NOW);
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class,
                    () -> item.decide(decision(Outcome.EARLY_HELP_TARGETED), SAM, NOW));
            assertTrue(e.getMessage().endsWith("is with tw-tara-jones; a team manager can reassign it to you"));
            item.decide(decision(Outcome.EARLY_HELP_TARGETED), MAYA, NOW);
            assertEquals("tm-maya-reid", item.decidedBy);
        }

        @Test
        void aDecisionInEffectIsFinal() {
            TriageItem item = decided();
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class,
                    () -> item.decide(decision(Outcome.NO_FURTHER_ACTION), MAYA, NOW));
            assertTrue(e.getMessage().contains("was already decided by tw-tara-jones"));
        }

        @Test
        void nothingTakesEffectOrAwaitsApprovalWithoutADecision() {
            TriageItem item = queued();
            assertThrows(DomainException.Conflict.class, () -> item.awaitApproval(NOW));
            assertThrows(DomainException.Conflict.class, () -> item.takeEffect(null, NOW, null, null, false));
        }
    }

    @Nested
    class ApprovalAndEffect {

        @Test
        void aDecisionAwaitingApprovalIsApprovedByAnotherManagerAndTakesEffect() {
            TriageItem item = awaiting();
            assertThrows(DomainException.Conflict.class, () -> item.decide(decision(Outcome.NO_FURTHER_ACTION), MAYA,
                    NOW), "it awaits approval");
            assertThrows(FourEyesViolation.class, () -> item.takeEffect(TARA, NOW, null, null, false));
            item.takeEffect(OWEN, NOW.plusSeconds(60), null, null, false);
            assertEquals(TriageStatus.DECIDED, item.status);
            assertEquals("tm-owen-hart", item.approvedBy);
            assertEquals(NOW.plusSeconds(60), item.approvedAt);
        }

        @Test
        void aDecisionSentBackReturnsToItsDeciderWithoutItsDecision() {
            TriageItem item = awaiting();
            assertEquals("tw-tara-jones", item.sendBack(OWEN, "Speak to the police desk", NOW));
            assertEquals(TriageStatus.IN_PROGRESS, item.status);
            assertEquals("tw-tara-jones", item.assignedTo);
            assertEquals("tm-owen-hart", item.sentBackBy);
            assertNull(item.outcome);
            assertNull(item.decidedBy);
            assertNull(item.approvalRequestedAt);
            assertThrows(DomainException.Conflict.class, () -> item.sendBack(OWEN, "again", NOW));
        }

        @Test
        void aStatutoryOutcomeInEffectMakesTheContactAReferralDatedByTheContact() {
            TriageItem item = queued();
            item.decide(decision(Outcome.STRATEGY_DISCUSSION), TARA, NOW);
            UUID caseId = UUID.randomUUID();
            item.takeEffect(null, NOW, Pathway.EARLY_HELP, caseId, true);
            assertTrue(item.becameReferral);
            assertTrue(item.reReferral);
            assertEquals(LocalDate.parse("2026-12-07"), item.referralDate);
            assertEquals(caseId, item.caseId);
            assertTrue(item.metDeadline);
            assertNull(item.approvedBy);
        }

        @Test
        void aStatutoryOutcomeOnASocialCareCaseStaysAContactAndALateOneMissesItsDeadline() {
            TriageItem item = queued();
            item.decide(decision(Outcome.STRATEGY_DISCUSSION), TARA, NOW);
            item.takeEffect(null, item.deadline.plusSeconds(1), Pathway.SOCIAL_CARE, null, true);
            assertFalse(item.becameReferral);
            assertFalse(item.reReferral, "only a referral is a re-referral");
            assertFalse(item.metDeadline);
        }
    }

    private static TriageItem queued() {
        TriageItem item = new TriageItem();
        item.id = UUID.randomUUID();
        item.status = TriageStatus.NEW;
        item.receivedAt = RECEIVED;
        item.deadline = RECEIVED.plusSeconds(24 * 3600);
        item.suggestedLevel = 3;
        return item;
    }

    private static TriageItem awaiting() {
        TriageItem item = queued();
        item.claim(TARA, NOW);
        item.decide(decision(Outcome.EARLY_HELP_TARGETED), TARA, NOW);
        item.awaitApproval(NOW);
        assertEquals(TriageStatus.AWAITING_APPROVAL, item.status);
        return item;
    }

    private static TriageItem decided() {
        TriageItem item = queued();
        item.decide(decision(Outcome.EARLY_HELP_TARGETED), TARA, NOW);
        item.takeEffect(null, NOW, null, null, false);
        return item;
    }

    private static Decision decision(Outcome outcome) {
        return new Decision(3, outcome, outcome.pathway(), null, "Because.", "Thank you.", null, null,
                null, null);
    }
}
