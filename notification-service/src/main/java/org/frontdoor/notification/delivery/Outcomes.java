package org.frontdoor.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Attempts.Attempt;
import org.frontdoor.notification.delivery.Dispatcher.Claim;
import org.frontdoor.notification.domain.FollowUpReason;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.NotificationStatus;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Records how an attempt went, in a transaction of its own: SENT; or the next attempt with exponential backoff;
 * or, when a webhook has failed {@code webhook.fallback-to-email-after} times (or its retry window is over) and the
 * recipient has an email address, email for good; or, past the retry window or with no channel at all, FAILED
 * with a follow-up reason (the "could not inform" list). {@code notification.sent} / {@code notification.failed}
 * go to the outbox in that same transaction.
 */
@ApplicationScoped
public class Outcomes {

    private static final Logger LOG = Logger.getLogger(Outcomes.class);

    @Inject
    EntityManager em;

    @Inject
    NotificationConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    public void record(Claim claim, Attempt attempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = em.find(Notification.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
            if (n == null || n.status != NotificationStatus.PENDING || n.attempts != claim.attempt()) {
                // the lease ran out and another attempt took over; that attempt records its own result
                LOG.infof("Notification %s: attempt %d finished after its lease; its result is not recorded",
                        claim.id(), claim.attempt());
                return;
            }
            Instant now = Instants.now(clock);
            if (attempt.result().delivered()) {
                delivered(n, attempt.channel(), now);
            } else {
                failed(n, claim, attempt, now);
            }
        });
    }

    private void delivered(Notification n, Channel channel, Instant now) {
        n.delivered(channel, now);
        outbox.append(EventEnvelope.of(EventType.NOTIFICATION_SENT, n.referralId, outcomeOf(n, now, null)));
        meters.counter("frontdoor.notifications.sent", "kind", n.kind.name(), "channel", channel.name()).increment();
        LOG.infof("Notification %s (%s, referral %s) delivered by %s on attempt %d", n.id, n.kind, n.referralId,
                channel, n.attempts);
    }

    private void failed(Notification n, Claim claim, Attempt attempt, Instant now) {
        Channel channel = attempt.channel();
        String error = attempt.result().error();
        Instant giveUpAt = n.retryWindowStart.plus(config.retry().giveUpAfter());
        boolean windowOver = !now.isBefore(giveUpAt);
        if (channel == Channel.WEBHOOK && !claim.emails().isEmpty() && n.fallbackReason == null
                && (windowOver || n.attempts >= config.webhook().fallbackToEmailAfter())) {
            n.fellBackToEmail(error, now);
            meters.counter("frontdoor.notifications.fallback", "kind", n.kind.name(), "to", Channel.EMAIL.name())
                    .increment();
            LOG.infof("Notification %s (%s, referral %s): webhook failed %d time(s) (%s); falling back to email",
                    n.id, n.kind, n.referralId, n.attempts, error);
            return; // due now: the delivery's end wakes the loop
        }
        if (channel == null || windowOver) {
            // a task for the front door: the "could not inform" list, until they tell the recipient otherwise
            n.gaveUp(channel, claim.inactive() ? FollowUpReason.INACTIVE_RECIPIENT
                    : channel == null ? FollowUpReason.NO_CHANNEL : FollowUpReason.RETRIES_EXHAUSTED, error, now);
            outbox.append(EventEnvelope.of(EventType.NOTIFICATION_FAILED, n.referralId, outcomeOf(n, now, error)));
            meters.counter("frontdoor.notifications.failed", "kind", n.kind.name()).increment();
            LOG.warnf("Notification %s (%s, referral %s) FAILED after %d attempt(s), could not inform (%s): %s",
                    n.id, n.kind, n.referralId, n.attempts, n.followUpReason, error);
            return;
        }
        n.attemptFailed(channel, error, min(now.plus(backoff(n.retryWindowStart, now)), giveUpAt));
        LOG.infof("Notification %s attempt %d failed (%s); next attempt at %s", n.id, n.attempts, error,
                n.nextAttemptAt);
    }

    /**
     * Exponential backoff without a counter: wait as long as the retry window has lasted so far, between the
     * initial and the maximum delay, so the gaps double (initial, 2x, 4x, ...) until they reach the maximum.
     */
    Duration backoff(Instant windowStart, Instant now) {
        Duration elapsed = Duration.between(windowStart, now);
        Duration initial = config.retry().initialDelay();
        Duration max = config.retry().maxDelay();
        if (elapsed.compareTo(initial) < 0) {
            return initial;
        }
        return elapsed.compareTo(max) > 0 ? max : elapsed;
    }

    private static NotificationOutcome outcomeOf(Notification n, Instant at, String failureReason) {
        return new NotificationOutcome(n.id, n.referralId, n.childId, n.kind.name(),
                n.channel == null ? null : n.channel.name(), n.recipientOrg, n.dueBy, at, n.attempts, failureReason);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
