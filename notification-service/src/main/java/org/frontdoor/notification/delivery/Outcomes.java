package org.frontdoor.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Attempts.Attempt;
import org.frontdoor.notification.delivery.Dispatcher.Claim;
import org.frontdoor.notification.domain.FollowUpReason;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Records how a batch of attempts went, in one transaction of two statements whatever its size: SENT; or the next
 * attempt with exponential backoff; or, when a webhook has failed {@code webhook.fallback-to-email-after} times (or
 * its retry window is over) and the recipient has an email address, email for good; or, past the retry window or
 * with no channel at all, FAILED with a follow-up reason (the "could not inform" list).
 * {@code notification.sent} / {@code notification.failed} go to the outbox in that same transaction.
 *
 * <p>The rules stay the {@link Notification} entity's own moves (delivered, attemptFailed, fellBackToEmail, gaveUp,
 * each refusing an illegal move): they are applied to each row as it was claimed (a detached value, no entity
 * loaded), and the rows' resulting state is written in one {@code update ... from unnest(...)}, each row only while
 * it is still this attempt's, so a result that comes after its lease (another attempt took over) is not recorded.
 */
@ApplicationScoped
public class Outcomes {

    private static final Logger LOG = Logger.getLogger(Outcomes.class);

    @Inject
    DeliveryQueries queries;

    @Inject
    NotificationConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    /** A finished attempt of a claim. */
    public record Finished(Claim claim, Attempt attempt) {
    }

    public void record(Claim claim, Attempt attempt) {
        recordAll(List.of(new Finished(claim, attempt)));
    }

    public void recordAll(List<Finished> finished) {
        if (finished.isEmpty()) {
            return;
        }
        Instant now = Instants.now(clock);
        List<EventEnvelope> events = new ArrayList<>();
        Columns columns = new Columns();
        for (Finished f : finished) {
            Notification n = f.claim().notification();
            events.add(f.attempt().result().delivered() ? delivered(n, f.attempt().channel(), now)
                    : failed(n, f.claim(), f.attempt(), now));
            columns.add(n, f.claim().leaseUntil());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> written = new HashSet<>(queries.record(columns.recorded()));
            List<EventEnvelope> told = new ArrayList<>();
            for (int i = 0; i < finished.size(); i++) {
                Claim claim = finished.get(i).claim();
                if (!written.contains(claim.id())) {
                    // the lease ran out and another attempt took over (or it was held back meanwhile)
                    LOG.infof("Notification %s: attempt %d finished after its lease; its result is not recorded",
                            claim.id(), claim.attempt());
                } else {
                    count(finished.get(i));
                    if (events.get(i) != null) {
                        told.add(events.get(i));
                    }
                }
            }
            outbox.appendAll(told);
        });
    }

    private EventEnvelope delivered(Notification n, Channel channel, Instant now) {
        n.delivered(channel, now);
        LOG.debugf("Notification %s (%s, referral %s) delivered by %s on attempt %d", n.id, n.kind, n.referralId,
                channel, n.attempts);
        return EventEnvelope.of(EventType.NOTIFICATION_SENT, n.referralId, outcomeOf(n, now, null));
    }

    /** The next move after a failed attempt; the event it tells, if any. */
    private EventEnvelope failed(Notification n, Claim claim, Attempt attempt, Instant now) {
        Channel channel = attempt.channel();
        String error = attempt.result().error();
        Instant giveUpAt = n.retryWindowStart.plus(config.retry().giveUpAfter());
        boolean windowOver = !now.isBefore(giveUpAt);
        if (channel == Channel.WEBHOOK && !claim.emails().isEmpty() && n.fallbackReason == null
                && (windowOver || n.attempts >= config.webhook().fallbackToEmailAfter())) {
            n.fellBackToEmail(error, now);
            LOG.infof("Notification %s (%s, referral %s): webhook failed %d time(s) (%s); falling back to email",
                    n.id, n.kind, n.referralId, n.attempts, error);
            return null; // due now: the delivery's end wakes the loop
        }
        if (channel == null || windowOver) {
            // a task for the front door: the "could not inform" list, until they tell the recipient otherwise
            n.gaveUp(channel, claim.inactive() ? FollowUpReason.INACTIVE_RECIPIENT
                    : channel == null ? FollowUpReason.NO_CHANNEL : FollowUpReason.RETRIES_EXHAUSTED, error, now);
            LOG.warnf("Notification %s (%s, referral %s) FAILED after %d attempt(s), could not inform (%s): %s",
                    n.id, n.kind, n.referralId, n.attempts, n.followUpReason, error);
            return EventEnvelope.of(EventType.NOTIFICATION_FAILED, n.referralId, outcomeOf(n, now, error));
        }
        n.attemptFailed(channel, error, min(now.plus(backoff(n.retryWindowStart, now)), giveUpAt));
        LOG.infof("Notification %s attempt %d failed (%s); next attempt at %s", n.id, n.attempts, error,
                n.nextAttemptAt);
        return null;
    }

    /** What ops watch instead of a log line per message: sent, fallen back, failed, by kind; written rows only. */
    private void count(Finished f) {
        Notification n = f.claim().notification();
        switch (n.status) {
            case SENT -> meters.counter("frontdoor.notifications.sent", "kind", n.kind.name(), "channel",
                    n.channel.name()).increment();
            case FAILED -> meters.counter("frontdoor.notifications.failed", "kind", n.kind.name()).increment();
            default -> {
                // a webhook attempt that left a fallback reason has just fallen back (afterwards it goes by email)
                if (n.fallbackReason != null && f.attempt().channel() == Channel.WEBHOOK) {
                    meters.counter("frontdoor.notifications.fallback", "kind", n.kind.name(), "to",
                            Channel.EMAIL.name()).increment();
                }
            }
        }
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

    /** The rows' state after their attempts, column by column, for {@link DeliveryQueries#record}. */
    private static final class Columns {
        private final List<UUID> ids = new ArrayList<>();
        private final List<Integer> attempts = new ArrayList<>();
        private final List<Instant> leases = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();
        private final List<String> channels = new ArrayList<>();
        private final List<Instant> deliveredAt = new ArrayList<>();
        private final List<Instant> nextAttemptAt = new ArrayList<>();
        private final List<String> lastErrors = new ArrayList<>();
        private final List<Instant> windowStarts = new ArrayList<>();
        private final List<String> fallbackReasons = new ArrayList<>();
        private final List<String> followUpReasons = new ArrayList<>();
        private final List<Instant> gaveUpAt = new ArrayList<>();

        void add(Notification n, Instant lease) {
            ids.add(n.id);
            attempts.add(n.attempts);
            leases.add(lease);
            statuses.add(n.status.name());
            channels.add(n.channel == null ? null : n.channel.name());
            deliveredAt.add(n.deliveredAt);
            nextAttemptAt.add(n.nextAttemptAt);
            lastErrors.add(n.lastError);
            windowStarts.add(n.retryWindowStart);
            fallbackReasons.add(n.fallbackReason);
            followUpReasons.add(n.followUpReason == null ? null : n.followUpReason.name());
            gaveUpAt.add(n.gaveUpAt);
        }

        DeliveryQueries.Recorded recorded() {
            return new DeliveryQueries.Recorded(ids, attempts, leases, statuses, channels, deliveredAt, nextAttemptAt,
                    lastErrors, windowStarts, fallbackReasons, followUpReasons, gaveUpAt);
        }
    }
}
