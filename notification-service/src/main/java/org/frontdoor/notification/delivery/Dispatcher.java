package org.frontdoor.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Delivers due notifications in the background, on any number of instances.
 *
 * <p>Claim ({@link Claims}): one short transaction of one statement picks due rows with {@code FOR UPDATE SKIP
 * LOCKED}, moves their next attempt a lease ahead, so no other instance (or this one's next poll) takes them while
 * they are sent, and returns with each what its send needs (the recipient's directory entry and subscription). It
 * claims only what can start at once: as many as the delivery pool has room for, and per recipient no more
 * than {@code dispatcher.per-recipient} in flight, so a recipient whose endpoint hangs holds only its own
 * slots and every other recipient's messages go on being sent.
 * Send ({@link Attempts}): on the delivery pool, concurrently, outside any transaction, webhook (when the recipient
 * organisation has a subscription) or email (the address on the row, else the organisation's contact emails in the
 * partner directory); nothing to an organisation that is inactive in the directory.
 * Record ({@link Outcomes}): the loop records every attempt finished since its last pass in one transaction of two
 * statements (the rows' outcomes, then their events): SENT, or the next attempt with exponential backoff, or, when
 * a webhook has failed {@code webhook.fallback-to-email-after} times (or its retry window is over) and the
 * recipient has an email address, email for good; or, past the retry limit or with no channel at all, FAILED with
 * a follow-up reason (the "could not inform" list); {@code notification.sent} / {@code notification.failed} go to
 * the outbox in that same transaction.
 *
 * <p>Delivery is at least once at the HTTP boundary: if an instance dies after the partner received a
 * webhook and before the row was marked, the lease expires and the message is sent again with the same
 * {@code webhook-id}, which the partner de-duplicates on (as the Standard Webhooks spec expects).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    NotificationConfig config;

    @Inject
    Claims claims;

    @Inject
    Attempts attempts;

    @Inject
    Outcomes outcomes;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final WorkerThread worker = new WorkerThread("notification-dispatcher");
    private final InFlight inFlight = new InFlight();
    /** Attempts sent and not yet recorded: the loop records them together, in one transaction. */
    private final Queue<Outcomes.Finished> finished = new ConcurrentLinkedQueue<>();
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
            try {
                recordFinished(); // what finished while stopping, or it would be sent again after its lease
            } catch (RuntimeException e) {
                LOG.warnf("Notification dispatcher: outcomes not recorded while stopping (%s); sent again after their"
                        + " leases", e.getClass().getSimpleName());
            }
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
                recordFinished();
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
        List<Claim> claimed = claimDue(Instants.now(clock), limit);
        for (Claim claim : claimed) {
            inFlight.add(claim.recipientKey());
            try {
                executor.execute(() -> {
                    try {
                        Attempts.Attempt attempt = deliver(claim);
                        if (attempt != null) {
                            finished.add(new Outcomes.Finished(claim, attempt));
                        }
                    } catch (RuntimeException e) {
                        // the row is tried again after its lease
                        LOG.warnf("Notification %s: attempt %d failed to run (%s)", claim.id(), claim.attempt(),
                                e.getClass().getSimpleName());
                    } finally {
                        // its slot is free once sent: the lease keeps the row from a second claim until recorded
                        inFlight.remove(claim.recipientKey());
                        worker.wakeUp();
                    }
                });
            } catch (RejectedExecutionException e) {
                // shutting down: the claimed row is tried again after its lease
                inFlight.remove(claim.recipientKey());
            }
        }
        return claimed.size();
    }

    /**
     * What one attempt needs, read while the row was claimed. {@code secrets}: current first; never logged.
     * {@code emails}: where it goes by email (the row's address, else the partner directory's); {@code inactive}:
     * the recipient organisation is inactive in the directory, so nothing is sent. {@code notification}: the row as
     * claimed, detached, to which {@link Outcomes} applies the attempt's result.
     */
    public record Claim(UUID id, int attempt, Instant leaseUntil, String webhookId, String recipientKey,
            String recipientOrg, List<String> emails, boolean inactive, String callbackUrl, List<String> secrets,
            String subject, String text, String body, Notification notification) {

        @Override
        public String toString() {
            return "Claim[" + id + ", attempt " + attempt + "]";
        }
    }

    /**
     * Claims up to {@code limit} due rows for this instance ({@link Claims}): per recipient no more than
     * {@code dispatcher.per-recipient} less what this instance has in flight for it.
     */
    public List<Claim> claimDue(Instant now, int limit) {
        return claims.claimDue(now, limit, inFlight.snapshot());
    }

    private Attempts.Attempt deliver(Claim claim) {
        // A claim whose lease could run out during the attempt is left alone: once the lease has run out,
        // another instance may claim it, and the two would send it at the same time.
        if (Instants.now(clock).plus(worstAttempt()).isAfter(claim.leaseUntil())) {
            LOG.debugf("Notification %s: too little of its lease is left; it is tried again later", claim.id());
            return null;
        }
        return attempts.send(claim);
    }

    /**
     * Records the attempts finished since the last pass, all in one transaction ({@link Outcomes#recordAll}). Should
     * it fail (the database went away), their rows are tried again after their leases.
     */
    private void recordFinished() {
        List<Outcomes.Finished> done = new ArrayList<>();
        for (Outcomes.Finished f = finished.poll(); f != null; f = finished.poll()) {
            done.add(f);
        }
        outcomes.recordAll(done);
    }

    /** The longest one attempt can take: the webhook timeouts, or the mail server's. */
    private Duration worstAttempt() {
        Duration webhook = config.webhook().connectTimeout().plus(config.webhook().requestTimeout());
        Duration mail = Duration.ofSeconds(30);
        return webhook.compareTo(mail) > 0 ? webhook : mail;
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
}
