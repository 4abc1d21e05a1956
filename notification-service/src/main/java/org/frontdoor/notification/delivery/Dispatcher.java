package org.frontdoor.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.domain.Channel;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.NotificationStatus;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Delivers due notifications in the background, on any number of instances.
 *
 * <p>Claim: one short transaction picks due rows with {@code FOR UPDATE SKIP LOCKED} and moves their next
 * attempt a lease ahead, so no other instance (or this one's next poll) takes them while they are sent.
 * Send: outside any transaction, webhook (when the recipient organisation has a subscription) or email.
 * Record: a second transaction marks the row SENT, or schedules the next attempt with exponential backoff,
 * or, past the retry limit, FAILED; {@code notification.sent} / {@code notification.failed} go to the outbox
 * in that same transaction.
 *
 * <p>Delivery is at least once at the HTTP boundary: if an instance dies after the partner received a
 * webhook and before the row was marked, the lease expires and the message is sent again with the same
 * {@code webhook-id}, which the partner de-duplicates on (as the Standard Webhooks spec expects).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String NO_CHANNEL = "no webhook subscription or email address for this recipient";

    @Inject
    EntityManager em;

    @Inject
    NotificationConfig config;

    @Inject
    WebhookSender webhooks;

    @Inject
    EmailSender email;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    private final WorkerThread worker = new WorkerThread("notification-dispatcher");

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().lease().compareTo(worstAttempt().multipliedBy(2)) < 0) {
            throw new IllegalStateException("frontdoor.notification.dispatcher.lease must be at least twice the"
                    + " longest attempt (" + worstAttempt() + "), or nothing would be sent");
        }
        if (config.dispatcher().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        worker.start(this::loop);
    }

    public synchronized void stop() {
        worker.stop(Duration.ofSeconds(15));
    }

    /** Look for due work now rather than at the next poll. */
    public void wakeUp() {
        worker.wakeUp();
    }

    /** Wakes the dispatcher once the current transaction has committed the rows it should send. */
    public void wakeUpAfterCommit() {
        worker.wakeUpAfterCommit(transactions);
    }

    private void loop() {
        long failures = 0;
        while (worker.isRunning()) {
            try {
                int done = dispatchOnce();
                failures = 0;
                if (done < config.dispatcher().batchSize()) {
                    worker.awaitWork(config.dispatcher().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // database unreachable or similar: nothing was lost, the rows wait
                failures++;
                long pause = Math.min(30_000, 500L << Math.min(failures, 6));
                LOG.warnf("Notification dispatcher failed (%s); next try in %d ms", e.getClass().getSimpleName(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and delivers one batch of due notifications; returns how many it handled. */
    public int dispatchOnce() {
        List<Claim> claims = claimDue(now(), config.dispatcher().batchSize());
        for (Claim claim : claims) {
            deliver(claim);
        }
        return claims.size();
    }

    /** What one attempt needs, read while the row was claimed. */
    public record Claim(UUID id, int attempt, Instant leaseUntil, String webhookId, String recipientOrg,
            String recipientEmail, String callbackUrl, String secret, String subject, String text, String body) {

        @Override
        public String toString() {
            return "Claim[" + id + ", attempt " + attempt + "]";
        }
    }

    /**
     * Claims up to {@code limit} due rows for this instance: rows locked by another instance's claim are
     * skipped, and a claimed row's next attempt moves a lease ahead, so it is claimed once.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claimDue(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> ids = em.createNativeQuery("update notification set attempts = attempts + 1,"
                    + " next_attempt_at = ?1, retry_window_start = coalesce(retry_window_start, ?2)"
                    + " where id in (select id from notification where status = 'PENDING' and next_attempt_at <= ?2"
                    + " order by next_attempt_at limit ?3 for update skip locked) returning id")
                    .setParameter(1, now.plus(config.dispatcher().lease()))
                    .setParameter(2, now)
                    .setParameter(3, limit)
                    .getResultList();
            Instant leaseUntil = now.plus(config.dispatcher().lease());
            return ids.stream().map(id -> claimOf((UUID) id, leaseUntil)).toList();
        });
    }

    private Claim claimOf(UUID id, Instant leaseUntil) {
        Notification n = em.find(Notification.class, id);
        em.refresh(n);
        Subscription subscription = n.recipientOrg == null ? null : Subscription.findById(n.recipientOrg);
        return new Claim(n.id, n.attempts, leaseUntil, n.webhookId(), n.recipientOrg, n.recipientEmail,
                subscription == null ? null : subscription.callbackUrl,
                subscription == null ? null : subscription.secret, n.subject, n.textBody, webhookBody(n));
    }

    /** The Standard Webhooks body shape: type, timestamp, data. The same bytes on every attempt. */
    static String webhookBody(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", n.webhookType);
        body.put("timestamp", n.readyAt == null ? null : n.readyAt.toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", n.id.toString());
        data.put("kind", n.kind.name());
        if (n.data != null) {
            data.putAll(n.data);
        }
        data.put("subject", n.subject);
        data.put("text", n.textBody);
        body.put("data", data);
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body of " + n.id, e);
        }
    }

    private void deliver(Claim claim) {
        // A claim whose lease could run out during the attempt is left alone: once the lease has run out,
        // another instance may claim it, and the two would send it at the same time.
        if (now().plus(worstAttempt()).isAfter(claim.leaseUntil())) {
            LOG.debugf("Notification %s: too little of its lease is left; it is tried again later", claim.id());
            return;
        }
        Channel channel;
        WebhookSender.Result result;
        if (claim.callbackUrl() != null) {
            channel = Channel.WEBHOOK;
            result = webhooks.post(claim.callbackUrl(), claim.secret(), claim.webhookId(),
                    now().getEpochSecond(), claim.body());
        } else if (claim.recipientEmail() != null) {
            channel = Channel.EMAIL;
            result = email.send(claim.recipientEmail(), claim.subject(), claim.text());
        } else {
            channel = null;
            result = new WebhookSender.Result(false, NO_CHANNEL);
        }
        record(claim, channel, result);
    }

    private void record(Claim claim, Channel channel, WebhookSender.Result result) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = em.find(Notification.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
            if (n == null || n.status != NotificationStatus.PENDING || n.attempts != claim.attempt()) {
                // the lease ran out and another attempt took over; that attempt records its own result
                LOG.infof("Notification %s: attempt %d finished after its lease; its result is not recorded",
                        claim.id(), claim.attempt());
                return;
            }
            Instant now = now();
            n.channel = channel;
            if (result.delivered()) {
                n.status = NotificationStatus.SENT;
                n.deliveredAt = now;
                n.nextAttemptAt = null;
                n.lastError = null;
                outbox.append(EventEnvelope.of(EventType.NOTIFICATION_SENT, n.referralId, outcomeOf(n, now, null)));
                meters.counter("frontdoor.notifications.sent", "kind", n.kind.name(), "channel", channel.name())
                        .increment();
                LOG.infof("Notification %s (%s, referral %s) delivered by %s on attempt %d", n.id, n.kind,
                        n.referralId, channel, n.attempts);
                return;
            }
            n.lastError = result.error();
            Instant giveUpAt = n.retryWindowStart.plus(config.retry().giveUpAfter());
            if (channel == null || !now.isBefore(giveUpAt)) {
                n.status = NotificationStatus.FAILED;
                n.nextAttemptAt = null;
                outbox.append(EventEnvelope.of(EventType.NOTIFICATION_FAILED, n.referralId,
                        outcomeOf(n, now, result.error())));
                meters.counter("frontdoor.notifications.failed", "kind", n.kind.name()).increment();
                LOG.warnf("Notification %s (%s, referral %s) FAILED after %d attempt(s): %s", n.id, n.kind,
                        n.referralId, n.attempts, result.error());
                return;
            }
            n.nextAttemptAt = min(now.plus(backoff(n.retryWindowStart, now)), giveUpAt);
            LOG.infof("Notification %s attempt %d failed (%s); next attempt at %s", n.id, n.attempts,
                    result.error(), n.nextAttemptAt);
        });
    }

    /** The longest one attempt can take: the webhook timeouts, or the mail server's. */
    private Duration worstAttempt() {
        Duration webhook = config.webhook().connectTimeout().plus(config.webhook().requestTimeout());
        Duration mail = Duration.ofSeconds(30);
        return webhook.compareTo(mail) > 0 ? webhook : mail;
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

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
