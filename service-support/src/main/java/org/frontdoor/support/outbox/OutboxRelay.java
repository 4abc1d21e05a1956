package org.frontdoor.support.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.frontdoor.support.Failures;
import org.frontdoor.support.kafka.KafkaClients;
import org.frontdoor.support.tracing.TraceContext;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Moves outbox rows to Kafka. A row is marked published only after the broker has acknowledged it (acks=all): a
 * crash between send and mark leaves the row unpublished, so the event is sent again (consumers de-duplicate on the
 * event id) and never lost. One relay publishes at a time across all instances, keeping each referral's events in
 * order: the holder of a lease with an expiry, renewed on every pass. No lock or transaction is held while the
 * broker is waited for, so an instance that dies mid-publish holds the others up only until its lease runs out.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry meters;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final WorkerThread worker = new WorkerThread("outbox-relay");
    /**
     * Who holds the lease: this process on this host. In Kubernetes a restarted container is the same pod and pid 1,
     * so it takes its predecessor's lease over at once; another pod waits for the lease to run out.
     */
    private final String holder = KafkaClients.instance() + "/" + ProcessHandle.current().pid();
    /** One pass at a time in this instance too (the lease is per instance). */
    private final ReentrantLock passing = new ReentrantLock();
    /** What the last pass sent, to be recorded by the next (guarded by {@link #passing}). */
    private Sent unrecorded;
    /**
     * Guards {@link #producer}. Not this object's monitor: {@link #stop} holds that while it waits for the pass in
     * progress, and a pass that needed the monitor for its producer would then wait for {@code stop} for ever.
     */
    private final Object producerLock = new Object();
    private Producer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Instant nextPrune = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        if (config.lease().compareTo(config.sendTimeout()) <= 0) {
            throw new IllegalStateException("frontdoor.outbox.lease (" + config.lease() + ") must be longer than"
                    + " frontdoor.outbox.send-timeout (" + config.sendTimeout() + "): a pass waiting on a slow broker"
                    + " would outlive its lease and another instance could publish at the same time");
        }
        published = meters.counter("frontdoor.outbox.published");
        failures = meters.counter("frontdoor.outbox.failures");
        if (config.relayEnabled()) {
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
        worker.stop(Duration.ofSeconds(10));
        try {
            // what the last pass sent is recorded, and another instance takes over at once rather than when the
            // lease runs out
            passing.lock();
            try {
                Sent last = unrecorded;
                QuarkusTransaction.requiringNew().run(() -> {
                    if (last != null) {
                        record(last);
                    }
                    repository.releaseLease(holder);
                });
                unrecorded = null;
            } finally {
                passing.unlock();
            }
        } catch (RuntimeException e) {
            LOG.debugf("outbox relay lease not released (%s); it runs out by itself", e.getClass().getSimpleName());
        }
        synchronized (producerLock) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wakeUp() {
        worker.wakeUp();
    }

    /** Wakes the relay once the current transaction has committed the events it should publish. */
    public void wakeUpAfterCommit() {
        worker.wakeUpAfterCommit(transactions);
    }

    private void loop() {
        int consecutiveFailures = 0;
        while (worker.isRunning()) {
            try {
                Batch batch = relayOnce();
                if (batch.failed() > 0) {
                    consecutiveFailures++;
                    pause(backoff(consecutiveFailures));
                    continue;
                }
                consecutiveFailures = 0;
                pruneNowAndThen();
                if (batch.published() < config.batchSize()) {
                    worker.awaitWork(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database unreachable or similar: the rows stay where they are; try again later.
                consecutiveFailures++;
                Duration pause = backoff(consecutiveFailures);
                LOG.warnf("Outbox relay failed (%s); next try in %s", rootMessage(e), pause);
                try {
                    pause(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Publishes the oldest pending rows once. One short transaction of one statement records what the broker made of
     * the previous pass, takes or renews the lease and reads the rows; then they are sent and the broker waited for
     * in no transaction. Their outcome is recorded by the next pass's transaction (at most a poll interval later; a
     * crash in between sends them again, as a crash between send and record always could), so a busy relay spends one
     * transaction a pass. Returns how many were published and how many failed. Sends nothing when another instance
     * holds the lease.
     */
    public Batch relayOnce() {
        if (!passing.tryLock()) {
            return new Batch(0, 0); // this instance is in a pass already
        }
        try {
            Sent previous = unrecorded;
            // the previous pass's outcomes, the lease and the next rows in one statement (issue 29: three before)
            Sent last = previous == null ? new Sent(List.of(), List.of(), List.of(), null) : previous;
            List<OutboxRow> rows = QuarkusTransaction.requiringNew().call(() -> repository.pass(last.ids(),
                    last.outcomes(), last.lastError(), holder, config.lease(), config.batchSize()));
            unrecorded = null;
            warnOfRetries(last);
            if (rows.isEmpty()) {
                return new Batch(0, 0);
            }
            Sent sent = send(rows);
            unrecorded = sent;
            published.increment(sent.acknowledged().size());
            failures.increment(sent.retry().size() + sent.dead().size());
            return new Batch(sent.acknowledged().size(), sent.retry().size() + sent.dead().size());
        } finally {
            passing.unlock();
        }
    }

    /** What the broker made of a batch: acknowledged, to retry, refused for good. */
    public record Sent(List<Long> acknowledged, List<Long> retry, List<Long> dead, String lastError) {

        List<Long> ids() {
            List<Long> ids = new ArrayList<>(acknowledged);
            ids.addAll(retry);
            ids.addAll(dead);
            return ids;
        }

        /** Each of {@link #ids()}'s outcome, in the same order. */
        List<OutboxRepository.Outcome> outcomes() {
            List<OutboxRepository.Outcome> outcomes = new ArrayList<>();
            acknowledged.forEach(id -> outcomes.add(OutboxRepository.Outcome.PUBLISHED));
            retry.forEach(id -> outcomes.add(OutboxRepository.Outcome.RETRY));
            dead.forEach(id -> outcomes.add(OutboxRepository.Outcome.DEAD));
            return outcomes;
        }
    }

    /**
     * Sends rows to the broker and waits for every acknowledgement, in no transaction. Exposed so tests can stop
     * between send and record.
     */
    public Sent send(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> acks = dispatch(rows);
        return acknowledgements(rows.subList(0, acks.size()), acks);
    }

    /** Hands the rows to the producer in order; stops early when the broker is plainly out of reach. */
    private List<Future<RecordMetadata>> dispatch(List<OutboxRow> rows) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Future<RecordMetadata> ack = kafka.send(producerRecord(row));
            acks.add(ack);
            if (ack.isDone() && failedAlready(ack)) {
                // The broker is out of reach (send waited max.block.ms): don't wait that long for every row.
                break;
            }
        }
        return acks;
    }

    private static ProducerRecord<String, String> producerRecord(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(new RecordHeader("event-type", row.type().getBytes(UTF_8)));
        record.headers().add(new RecordHeader("event-id", row.eventId().toString().getBytes(UTF_8)));
        if (row.traceParent() != null) {
            record.headers().add(new RecordHeader(TraceContext.HEADER, row.traceParent().getBytes(UTF_8)));
        }
        return record;
    }

    /** Waits for each row's acknowledgement, all within the send timeout, and sorts the rows by the answer. */
    private Sent acknowledgements(List<OutboxRow> rows, List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> sent = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        List<Long> dead = new ArrayList<>();
        String lastError = null;
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(row.id());
            } catch (ExecutionException e) {
                lastError = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                if (isPermanent(e.getCause())) {
                    LOG.errorf("Outbox event %s (%s) refused by the broker for good: %s", row.eventId(), row.type(),
                            lastError);
                    dead.add(row.id());
                } else {
                    retry.add(row.id());
                }
            } catch (TimeoutException e) {
                lastError = "no acknowledgement within " + config.sendTimeout();
                retry.add(row.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastError = "interrupted";
                retry.add(row.id());
            }
        }
        return new Sent(sent, retry, dead, lastError);
    }

    /** Records what the broker made of a batch, in the current transaction (on a stop: a pass records its own). */
    public void record(Sent sent) {
        repository.markPublished(sent.acknowledged());
        if (!sent.retry().isEmpty()) {
            repository.recordFailure(sent.retry(), sent.lastError());
        }
        if (!sent.dead().isEmpty()) {
            repository.markDead(sent.dead(), sent.lastError());
        }
        warnOfRetries(sent);
    }

    private static void warnOfRetries(Sent sent) {
        if (!sent.retry().isEmpty()) {
            LOG.warnf("Outbox relay: %d events not acknowledged (%s); will retry", sent.retry().size(),
                    sent.lastError());
        }
    }

    private Producer<String, String> producer() {
        synchronized (producerLock) {
            if (producer == null) {
                producer = KafkaClients.producer(kafkaConfig, "outbox-relay", config.sendTimeout().toMillis());
            }
            return producer;
        }
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static boolean isPermanent(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof InvalidTopicException
                || error instanceof org.apache.kafka.common.errors.SerializationException;
    }

    private void pruneNowAndThen() {
        Instant now = Instant.now();
        if (now.isAfter(nextPrune)) {
            nextPrune = now.plus(Duration.ofHours(1));
            int deleted = QuarkusTransaction.requiringNew()
                    .call(() -> repository.deletePublishedBefore(now.minus(config.retention())));
            if (deleted > 0) {
                LOG.infof("Outbox relay: pruned %d published events older than %s", deleted, config.retention());
            }
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private Duration backoff(int consecutiveFailures) {
        long millis = config.initialBackoff().toMillis() << Math.min(consecutiveFailures - 1, 16);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = Failures.rootCause(e);
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The outcome of one relay pass. */
    public record Batch(int published, int failed) {
    }
}
