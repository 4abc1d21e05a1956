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
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.notification.domain.FollowUpReason;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.NotificationStatus;
import org.frontdoor.notification.domain.PartnerOrganisation;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.notification.secrets.SecretCipher;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Delivers due notifications in the background, on any number of instances.
 *
 * <p>Claim: one short transaction picks due rows with {@code FOR UPDATE SKIP LOCKED} and moves their next
 * attempt a lease ahead, so no other instance (or this one's next poll) takes them while they are sent. It
 * claims only what can start at once: as many as the delivery pool has room for, and per recipient no more
 * than {@code dispatcher.per-recipient} in flight, so a recipient whose endpoint hangs holds only its own
 * slots and every other recipient's messages go on being sent.
 * Send: on the delivery pool, outside any transaction, webhook (when the recipient organisation has a
 * subscription) or email (the address on the row, else the organisation's contact emails in the partner directory);
 * nothing to an organisation that is inactive in the directory.
 * Record: a second transaction marks the row SENT, or schedules the next attempt with exponential backoff,
 * or, when a webhook has failed {@code webhook.fallback-to-email-after} times (or its retry window is over) and the
 * recipient has an email address, switches it to email for good; or, past the retry limit or with no channel at
 * all, FAILED with a follow-up reason (the "could not inform" list); {@code notification.sent} / {@code notification.failed} go to the outbox
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
    static final String INACTIVE = "not sent: the organisation is inactive in the partner directory";
    static final String UNREADABLE_SECRET = "the webhook secret does not decrypt with this instance's key ring"
            + " (frontdoor.notification.secret-key and previous-secret-keys); not sent";

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

    @Inject
    SecretCipher cipher;

    private final WorkerThread worker = new WorkerThread("notification-dispatcher");
    private final InFlight inFlight = new InFlight();
    private volatile ExecutorService pool;

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().lease().compareTo(worstAttempt().multipliedBy(2)) < 0) {
            throw new IllegalStateException("frontdoor.notification.dispatcher.lease must be at least twice the"
                    + " longest attempt (" + worstAttempt() + "), or nothing would be sent");
        }
        if (config.dispatcher().concurrency() < 1 || config.dispatcher().perRecipient() < 1) {
            throw new IllegalStateException("frontdoor.notification.dispatcher.concurrency and per-recipient must be"
                    + " at least 1");
        }
        if (config.webhook().fallbackToEmailAfter() < 1) {
            throw new IllegalStateException("frontdoor.notification.webhook.fallback-to-email-after must be at least 1");
        }
        if (config.dispatcher().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(config.dispatcher().concurrency(), r -> {
                Thread t = new Thread(r, "notification-delivery-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        worker.start(this::loop);
    }

    public synchronized void stop() {
        worker.stop(Duration.ofSeconds(15));
        if (pool != null) {
            // attempts still running end with their timeouts; one cut short is sent again after its lease
            pool.shutdown();
            try {
                pool.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.shutdownNow();
            pool = null;
        }
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
                int room = Math.min(config.dispatcher().batchSize(),
                        config.dispatcher().concurrency() - inFlight.total());
                int started = room > 0 ? dispatchAvailable(room) : 0;
                failures = 0;
                if (started < room || room <= 0) {
                    // woken by a commit with new work, or by a delivery that freed a slot
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

    /** Claims up to {@code limit} notifications that can start now and hands each to the delivery pool. */
    private int dispatchAvailable(int limit) {
        ExecutorService executor = pool;
        if (executor == null) {
            return 0; // stopping
        }
        List<Claim> claims = claimDue(Instants.now(clock), limit);
        for (Claim claim : claims) {
            inFlight.add(claim.recipientKey());
            try {
                executor.execute(() -> {
                    try {
                        deliver(claim);
                    } catch (RuntimeException e) {
                        // e.g. the database went away while recording: the row is tried again after its lease
                        LOG.warnf("Notification %s: attempt %d not recorded (%s)", claim.id(), claim.attempt(),
                                e.getClass().getSimpleName());
                    } finally {
                        inFlight.remove(claim.recipientKey());
                        worker.wakeUp();
                    }
                });
            } catch (RejectedExecutionException e) {
                // shutting down: the claimed row is tried again after its lease
                inFlight.remove(claim.recipientKey());
            }
        }
        return claims.size();
    }

    /**
     * What one attempt needs, read while the row was claimed. {@code secrets}: current first; never logged.
     * {@code emails}: where it goes by email (the row's address, else the partner directory's); {@code inactive}:
     * the recipient organisation is inactive in the directory, so nothing is sent.
     */
    public record Claim(UUID id, int attempt, Instant leaseUntil, String webhookId, String recipientKey,
            String recipientOrg, List<String> emails, boolean inactive, String callbackUrl, List<String> secrets,
            String subject, String text, String body) {

        @Override
        public String toString() {
            return "Claim[" + id + ", attempt " + attempt + "]";
        }
    }

    /**
     * Claims up to {@code limit} due rows for this instance: rows locked by another instance's claim are
     * skipped, and a claimed row's next attempt moves a lease ahead, so it is claimed once. Per recipient it
     * claims no more than {@code dispatcher.per-recipient} less what this instance has in flight for it.
     */
    @SuppressWarnings("unchecked")
    /** How many of the oldest due rows a claim looks at (see claimDue). */
    static final int SCAN_DEPTH = 1_000;

    public List<Claim> claimDue(Instant now, int limit) {
        int perRecipient = config.dispatcher().perRecipient();
        Map<String, Integer> busy = inFlight.snapshot();
        List<String> full = busy.entrySet().stream().filter(e -> e.getValue() >= perRecipient)
                .map(Map.Entry::getKey).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            // the oldest due rows, at most perRecipient of each recipient (the window cannot take FOR UPDATE,
            // so the rows are locked, and checked again, one level up). The window runs over the oldest due rows
            // only (an index scan, SCAN_DEPTH of them), not over every due row: with a backlog of thousands it
            // was read whole on every claim, and was most of the database's work under load. Recipients at their
            // limit are left out before the scan, so they cannot fill it.
            Query candidates = em.createNativeQuery("select n.id, n.recipient_key from notification n"
                    + " where n.id in (select c.id from (select d.id, d.next_attempt_at, row_number() over"
                    + " (partition by d.recipient_key order by d.next_attempt_at, d.id) as nth from (select id,"
                    + " next_attempt_at, recipient_key from notification"
                    + " where status = 'PENDING' and next_attempt_at <= :now"
                    + (full.isEmpty() ? "" : " and recipient_key not in (:full)")
                    + " order by next_attempt_at, id limit :scan) d) c where c.nth <= :perRecipient"
                    + " order by c.next_attempt_at limit :candidates)"
                    + " and n.status = 'PENDING' and n.next_attempt_at <= :now"
                    + " order by n.next_attempt_at for update skip locked")
                    .setParameter("now", now)
                    .setParameter("perRecipient", perRecipient)
                    .setParameter("scan", Math.max(SCAN_DEPTH, limit * perRecipient))
                    // room for the rows of recipients with some in flight, which may not all be taken
                    .setParameter("candidates", limit + perRecipient * busy.size());
            if (!full.isEmpty()) {
                candidates.setParameter("full", full);
            }
            Map<String, Integer> taken = new HashMap<>(busy);
            List<UUID> ids = new ArrayList<>();
            for (Object[] row : (List<Object[]>) candidates.getResultList()) {
                if (ids.size() == limit) {
                    break;
                }
                if (taken.merge((String) row[1], 1, Integer::sum) <= perRecipient) {
                    ids.add((UUID) row[0]);
                }
            }
            if (ids.isEmpty()) {
                return List.<Claim>of();
            }
            Instant leaseUntil = now.plus(config.dispatcher().lease());
            em.createNativeQuery("update notification set attempts = attempts + 1, next_attempt_at = :lease,"
                    + " retry_window_start = coalesce(retry_window_start, :now) where id in (:ids)")
                    .setParameter("lease", leaseUntil)
                    .setParameter("now", now)
                    .setParameter("ids", ids)
                    .executeUpdate();
            return ids.stream().map(id -> claimOf(id, now, leaseUntil)).toList();
        });
    }

    private Claim claimOf(UUID id, Instant now, Instant leaseUntil) {
        Notification n = em.find(Notification.class, id);
        em.refresh(n);
        // the directory as it is now, so a change (an address added, an organisation deactivated) applies to
        // messages still waiting; an organisation not in it is reached as before: its webhook, else the row's address
        PartnerOrganisation partner = n.recipientOrg == null ? null : PartnerOrganisation.findById(n.recipientOrg);
        boolean inactive = partner != null && !partner.active;
        // fallen back to email: never the webhook again, so the message cannot arrive by both
        Subscription subscription = n.recipientOrg == null || n.fallbackReason != null || inactive ? null
                : Subscription.findById(n.recipientOrg);
        List<String> secrets = List.of();
        if (subscription != null) {
            try {
                String context = Subscription.cipherContext(subscription.organisationId);
                secrets = subscription.signingSecretsEncrypted(now).stream()
                        .map(encrypted -> cipher.decrypt(encrypted, context)).toList();
            } catch (IllegalStateException e) {
                // this row only fails (below), not the whole batch
                LOG.errorf("Webhook secret of %s: %s", subscription.organisationId, e.getMessage());
            }
        }
        return new Claim(n.id, n.attempts, leaseUntil, n.webhookId(), n.recipientKey, n.recipientOrg,
                emailsOf(n, partner), inactive, subscription == null ? null : subscription.callbackUrl, secrets,
                n.subject, n.textBody, webhookBody(n));
    }

    /**
     * The row's own address first: for a referrer it is the person who referred, given by their own system. Else,
     * for an organisation, every contact email of the directory, in one message: the organisation chose who must
     * read its secure email, and one message keeps it one delivery with one outcome.
     */
    static List<String> emailsOf(Notification n, PartnerOrganisation partner) {
        if (n.recipientEmail != null) {
            return List.of(n.recipientEmail);
        }
        return partner == null ? List.of() : partner.emails();
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
        if (Instants.now(clock).plus(worstAttempt()).isAfter(claim.leaseUntil())) {
            LOG.debugf("Notification %s: too little of its lease is left; it is tried again later", claim.id());
            return;
        }
        Channel channel;
        WebhookSender.Result result;
        if (claim.inactive()) {
            channel = null;
            result = new WebhookSender.Result(false, INACTIVE);
        } else if (claim.callbackUrl() != null && claim.secrets().isEmpty()) {
            channel = Channel.WEBHOOK;
            result = new WebhookSender.Result(false, UNREADABLE_SECRET);
        } else if (claim.callbackUrl() != null) {
            channel = Channel.WEBHOOK;
            result = webhooks.post(claim.callbackUrl(), claim.secrets(), claim.webhookId(),
                    Instants.now(clock).getEpochSecond(), claim.body());
        } else if (!claim.emails().isEmpty()) {
            channel = Channel.EMAIL;
            result = email.send(claim.emails(), claim.subject(), claim.text());
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
            Instant now = Instants.now(clock);
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
            boolean windowOver = !now.isBefore(giveUpAt);
            if (channel == Channel.WEBHOOK && !claim.emails().isEmpty() && n.fallbackReason == null
                    && (windowOver || n.attempts >= config.webhook().fallbackToEmailAfter())) {
                // the same text by email, at once, with a retry window of its own
                n.fallbackReason = truncate("the webhook failed " + n.attempts + " time(s), last: " + result.error()
                        + "; sent by email instead", 600);
                n.retryWindowStart = now;
                n.nextAttemptAt = now;
                meters.counter("frontdoor.notifications.fallback", "kind", n.kind.name(), "to", Channel.EMAIL.name())
                        .increment();
                LOG.infof("Notification %s (%s, referral %s): webhook failed %d time(s) (%s); falling back to email",
                        n.id, n.kind, n.referralId, n.attempts, result.error());
                return; // due now: the delivery's end wakes the loop
            }
            if (channel == null || windowOver) {
                n.status = NotificationStatus.FAILED;
                n.nextAttemptAt = null;
                // a task for the front door: the "could not inform" list, until they tell the recipient otherwise
                n.followUpReason = claim.inactive() ? FollowUpReason.INACTIVE_RECIPIENT
                        : channel == null ? FollowUpReason.NO_CHANNEL : FollowUpReason.RETRIES_EXHAUSTED;
                n.gaveUpAt = now;
                outbox.append(EventEnvelope.of(EventType.NOTIFICATION_FAILED, n.referralId,
                        outcomeOf(n, now, result.error())));
                meters.counter("frontdoor.notifications.failed", "kind", n.kind.name()).increment();
                LOG.warnf("Notification %s (%s, referral %s) FAILED after %d attempt(s), could not inform (%s): %s",
                        n.id, n.kind, n.referralId, n.attempts, n.followUpReason, result.error());
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

    /** Deliveries running on this instance, per recipient key. */
    private static final class InFlight {
        private final Map<String, Integer> byRecipient = new HashMap<>();
        private int total;

        synchronized void add(String recipientKey) {
            byRecipient.merge(recipientKey, 1, Integer::sum);
            total++;
        }

        synchronized void remove(String recipientKey) {
            byRecipient.computeIfPresent(recipientKey, (k, n) -> n == 1 ? null : n - 1);
            total--;
        }

        synchronized int total() {
            return total;
        }

        synchronized Map<String, Integer> snapshot() {
            return Map.copyOf(byRecipient);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

}
