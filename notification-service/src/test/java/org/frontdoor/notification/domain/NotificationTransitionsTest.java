package org.frontdoor.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.codes.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The moves a notification makes on its own, and those it refuses: no container, no database. */
class NotificationTransitionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static Notification in(NotificationStatus status) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.kind = Kind.OUTCOME;
        n.status = status;
        n.attempts = 3;
        n.retryWindowStart = NOW.minusSeconds(3600);
        n.nextAttemptAt = NOW;
        return n;
    }

    @Nested
    class Planning {

        @Test
        void anOutcomeIsComposedThenMadeReady() {
            Notification n = in(NotificationStatus.AWAITING_DECISION);
            UUID event = UUID.randomUUID();
            n.composed(new MessageComposer.Composed("s", "t", Map.of("level", 2)), event);
            n.ready(NOW);
            assertEquals(NotificationStatus.PENDING, n.status);
            assertEquals("s", n.subject);
            assertEquals(event, n.sourceEventId);
            assertEquals(NOW, n.readyAt);
            assertEquals(NOW, n.nextAttemptAt);
        }

        @Test
        void onlyAnOutcomeAwaitingItsDecisionIsComposedOrMadeReady() {
            Notification n = in(NotificationStatus.SENT);
            assertThrows(IllegalTransition.class,
                    () -> n.composed(new MessageComposer.Composed("s", "t", Map.of()), UUID.randomUUID()));
            assertThrows(IllegalTransition.class, () -> n.ready(NOW));
            assertEquals(NotificationStatus.SENT, n.status);
        }
    }

    @Nested
    class Consent {

        @Test
        void aFailedMessageWithheldIsNoLongerATask() {
            Notification n = in(NotificationStatus.FAILED);
            n.followUpReason = FollowUpReason.NO_CHANNEL;
            n.gaveUpAt = NOW;
            n.withheld("no consent");
            assertEquals(NotificationStatus.WITHHELD_NO_CONSENT, n.status);
            assertEquals("no consent", n.withheldReason);
            assertNull(n.nextAttemptAt);
            assertNull(n.followUpReason);
            assertNull(n.gaveUpAt);
        }

        @Test
        void whatWasSentOrToldOtherwiseIsNeverWithheld() {
            assertThrows(IllegalTransition.class, () -> in(NotificationStatus.SENT).withheld("r"));
            assertThrows(IllegalTransition.class, () -> in(NotificationStatus.INFORMED_OTHERWISE).withheld("r"));
        }

        @Test
        void releasedGoesAtOnceWithAFreshRetryWindow() {
            Notification n = in(NotificationStatus.WITHHELD_NO_CONSENT);
            n.withheldReason = "no consent";
            n.released(NOW);
            assertEquals(NotificationStatus.PENDING, n.status);
            assertNull(n.withheldReason);
            assertEquals(NOW, n.nextAttemptAt);
            assertEquals(NOW, n.retryWindowStart);
        }

        @Test
        void onlyAWithheldMessageIsReleased() {
            assertThrows(IllegalTransition.class, () -> in(NotificationStatus.PENDING).released(NOW));
        }
    }

    @Nested
    class Delivery {

        @Test
        void deliveredClearsTheNextAttemptAndTheLastError() {
            Notification n = in(NotificationStatus.PENDING);
            n.lastError = "HTTP 503";
            n.delivered(Channel.WEBHOOK, NOW);
            assertEquals(NotificationStatus.SENT, n.status);
            assertEquals(Channel.WEBHOOK, n.channel);
            assertEquals(NOW, n.deliveredAt);
            assertNull(n.nextAttemptAt);
            assertNull(n.lastError);
        }

        @Test
        void onlyAPendingMessageIsDeliveredOrRetriedLater() {
            for (NotificationStatus status : new NotificationStatus[] { NotificationStatus.FAILED,
                    NotificationStatus.SENT, NotificationStatus.WITHHELD_NO_CONSENT,
                    NotificationStatus.AWAITING_DECISION, NotificationStatus.INFORMED_OTHERWISE }) {
                Notification n = in(status);
                assertThrows(IllegalTransition.class, () -> n.delivered(Channel.EMAIL, NOW), status.name());
                assertThrows(IllegalTransition.class, () -> n.attemptFailed(Channel.EMAIL, "e", NOW), status.name());
                assertThrows(IllegalTransition.class,
                        () -> n.gaveUp(null, FollowUpReason.NO_CHANNEL, "e", NOW), status.name());
                assertThrows(IllegalTransition.class, () -> n.fellBackToEmail("e", NOW), status.name());
            }
        }

        @Test
        void aFailedAttemptKeepsItPendingUntilTheNextOne() {
            Notification n = in(NotificationStatus.PENDING);
            n.attemptFailed(Channel.EMAIL, "mail server down", NOW.plusSeconds(60));
            assertEquals(NotificationStatus.PENDING, n.status);
            assertEquals("mail server down", n.lastError);
            assertEquals(NOW.plusSeconds(60), n.nextAttemptAt);
        }

        @Test
        void fellBackToEmailIsDueNowWithAWindowOfItsOwnAndSaysWhy() {
            Notification n = in(NotificationStatus.PENDING);
            n.fellBackToEmail("HTTP 503", NOW);
            assertEquals(NotificationStatus.PENDING, n.status);
            assertEquals(Channel.WEBHOOK, n.channel);
            assertEquals("the webhook failed 3 time(s), last: HTTP 503; sent by email instead", n.fallbackReason);
            assertEquals(NOW, n.retryWindowStart);
            assertEquals(NOW, n.nextAttemptAt);
        }

        @Test
        void itFallsBackOnceAndTheReasonFitsItsColumn() {
            Notification n = in(NotificationStatus.PENDING);
            n.fellBackToEmail("x".repeat(2_000), NOW);
            assertEquals(Notification.FALLBACK_REASON_MAX, n.fallbackReason.length());
            assertThrows(IllegalTransition.class, () -> n.fellBackToEmail("again", NOW));
        }

        @Test
        void gaveUpIsATaskOnTheCouldNotInformList() {
            Notification n = in(NotificationStatus.PENDING);
            n.gaveUp(null, FollowUpReason.NO_CHANNEL, "no channel", NOW);
            assertEquals(NotificationStatus.FAILED, n.status);
            assertNull(n.channel);
            assertEquals(FollowUpReason.NO_CHANNEL, n.followUpReason);
            assertEquals(NOW, n.gaveUpAt);
            assertNull(n.nextAttemptAt);
            assertEquals("no channel", n.lastError);
        }
    }

    @Nested
    class FollowUp {

        @Test
        void retriedGoesBackInTheQueueByWebhookFirstAndLeavesTheList() {
            Notification n = in(NotificationStatus.FAILED);
            n.followUpReason = FollowUpReason.RETRIES_EXHAUSTED;
            n.gaveUpAt = NOW.minusSeconds(60);
            n.fallbackReason = "fell back";
            assertTrue(n.retried(NOW, Optional::empty));
            assertEquals(NotificationStatus.PENDING, n.status);
            assertEquals(NOW, n.retryWindowStart);
            assertEquals(NOW, n.nextAttemptAt);
            assertNull(n.followUpReason);
            assertNull(n.gaveUpAt);
            assertNull(n.fallbackReason);
            assertEquals(3, n.attempts, "attempts count on");
        }

        @Test
        void retriedIsWithheldWhenConsentWasRefusedSince() {
            Notification n = in(NotificationStatus.FAILED);
            n.fallbackReason = "fell back";
            assertFalse(n.retried(NOW, () -> Optional.of("refused")));
            assertEquals(NotificationStatus.WITHHELD_NO_CONSENT, n.status);
            assertEquals("refused", n.withheldReason);
            assertNull(n.nextAttemptAt);
            assertEquals("fell back", n.fallbackReason, "not a retry: left as it was");
        }

        @Test
        void onlyAFailedMessageIsRetriedAndTheConsentIsNotAskedOtherwise() {
            Notification n = in(NotificationStatus.SENT);
            IllegalTransition refused = assertThrows(IllegalTransition.class, () -> n.retried(NOW, () -> {
                throw new AssertionError("asked");
            }));
            assertEquals("Only a FAILED notification can be retried; this one is SENT", refused.getMessage());
        }

        @Test
        void informedOtherwiseClosesTheTask() {
            Notification n = in(NotificationStatus.FAILED);
            n.informedOtherwise(InformedHow.PHONE, "told the duty manager", "dev-front-door", NOW);
            assertEquals(NotificationStatus.INFORMED_OTHERWISE, n.status);
            assertEquals(InformedHow.PHONE, n.informedHow);
            assertEquals("dev-front-door", n.informedBy);
            assertEquals("told the duty manager", n.informedNote);
            assertEquals(NOW, n.informedAt);
            assertNull(n.nextAttemptAt);
        }

        @Test
        void onlyAMessageOnTheListIsMarkedInformed() {
            IllegalTransition refused = assertThrows(IllegalTransition.class,
                    () -> in(NotificationStatus.PENDING).informedOtherwise(InformedHow.PHONE, null, "me", NOW));
            assertEquals("Only a notification on the could-not-inform list (FAILED) can be marked as informed; this"
                    + " one is PENDING", refused.getMessage());
        }
    }
}
