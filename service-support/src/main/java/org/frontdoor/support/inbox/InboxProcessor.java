package org.frontdoor.support.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.support.Failures;
import org.frontdoor.support.tracing.LogFields;
import org.frontdoor.support.tracing.TraceContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * How every consumer handles what one poll of the broker brought: read the envelopes, skip the event types the
 * consumer does not handle (before any SQL), then in one transaction record the rest in the inbox (one statement)
 * and apply their effects, in the order they came. A redelivered event finds its mark and is skipped.
 * <p>
 * A message that is not an event goes to the dead-letter topic alone ({@link DeadLetters}). If an effect fails for
 * good, the batch's transaction is rolled back and its events are applied one transaction each, so only the event
 * that fails is dead-lettered, with the reason. An unreachable database, a deadlock or a serialization failure is
 * retried with backoff instead: dead-lettering an event because of them would drop its effect.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Tracer tracer;

    /** The service's Hibernate session, where it has one. */
    @Inject
    Instance<EntityManager> entityManagers;

    /** An event and the record it came in (none for a replay). */
    private record Delivery(KafkaRecord<String, String> record, EventEnvelope event) {
    }

    /**
     * Handles a batch for {@code consumer}. Returns the batch's acknowledgement once all is done; if even a dead
     * letter cannot be written, the batch's refusal (the channel's failure strategy: the last resort).
     */
    public CompletionStage<Void> process(EventConsumer consumer, KafkaRecordBatch<String, String> batch) {
        try {
            handle(consumer.name(), batch, Effects.of(consumer));
            return batch.ack();
        } catch (RuntimeException e) {
            LOG.errorf("%s: a batch of %d message(s) could not be handled (%s)", consumer.name(),
                    batch.getRecords().size(), e.getClass().getName());
            return batch.nack(e);
        }
    }

    /** What came of sending a dead letter back through its consumer. */
    public enum ReplayOutcome {
        /** Applied now. */
        APPLIED,
        /** Its consumer had applied it already (the inbox has its mark): nothing done again. */
        ALREADY_APPLIED,
        /** Its consumer does not handle its type (any more): nothing to do. */
        NOT_HANDLED
    }

    /**
     * Applies one event that was dead-lettered, through its consumer and the inbox, as a redelivery would: once,
     * however often it is replayed. Throws what the effect throws if it still fails, and
     * {@link org.frontdoor.events.MalformedEventException} for a message that is not an event (it never will be).
     */
    public ReplayOutcome replay(EventConsumer consumer, String payload) {
        EventEnvelope event = EventJson.read(payload);
        Effects effects = Effects.of(consumer);
        if (!effects.handles(event.type())) {
            return ReplayOutcome.NOT_HANDLED;
        }
        int[] applied = new int[1];
        retrying(consumer.name(), "replay of " + event.type() + " " + event.eventId(),
                () -> applied[0] = apply(consumer.name(), List.of(new Delivery(null, event)), effects));
        return applied[0] == 1 ? ReplayOutcome.APPLIED : ReplayOutcome.ALREADY_APPLIED;
    }

    /** A consumer's effects, read once per batch: one event at a time, or a run of one type at once. */
    private record Effects(Map<String, Consumer<EventEnvelope>> single,
            Map<String, Consumer<List<EventEnvelope>>> runs) {

        static Effects of(EventConsumer consumer) {
            return new Effects(consumer.effects(), consumer.batchEffects());
        }

        boolean handles(String type) {
            return single.containsKey(type) || runs.containsKey(type);
        }
    }

    private void handle(String consumer, KafkaRecordBatch<String, String> batch, Effects effects) {
        List<Delivery> wanted = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            EventEnvelope event;
            try {
                event = EventJson.read(record.getPayload());
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
                continue;
            }
            if (effects.handles(event.type())) {
                wanted.add(new Delivery(record, event));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        try {
            retrying(consumer, wanted.size() + " event(s)", () -> apply(consumer, wanted, effects));
        } catch (RuntimeException e) {
            // one of them fails for good: each on its own, so that only it is dead-lettered
            LOG.warnf("%s: a batch of %d event(s) failed (%s); applying them one by one", consumer, wanted.size(),
                    e.getClass().getSimpleName());
            for (Delivery d : wanted) {
                try {
                    retrying(consumer, d.event().type() + " " + d.event().eventId(),
                            () -> apply(consumer, List.of(d), effects));
                } catch (RuntimeException single) {
                    deadLetters.send(d.record(), single);
                }
            }
        }
    }

    /**
     * Applies the events not applied before, in one transaction and in the order they came; a run of consecutive
     * events of a type with a set-based effect goes to it at once. Returns how many were applied.
     */
    private int apply(String consumer, List<Delivery> deliveries, Effects effects) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<java.util.UUID> fresh = inbox.firstDeliveries(consumer,
                    deliveries.stream().map(Delivery::event).toList());
            List<Delivery> run = new ArrayList<>();
            int applied = 0;
            for (Delivery d : deliveries) {
                // remove: an event twice in one batch is applied once
                if (!fresh.remove(d.event().eventId())) {
                    continue;
                }
                applied++;
                if (!run.isEmpty() && !run.get(0).event().type().equals(d.event().type())) {
                    applyRun(consumer, run, effects);
                    run.clear();
                }
                run.add(d);
            }
            if (!run.isEmpty()) {
                applyRun(consumer, run, effects);
            }
            return applied;
        });
    }

    /** A run of one type: at once if its effect is set-based, else event by event. */
    private void applyRun(String consumer, List<Delivery> run, Effects effects) {
        Consumer<List<EventEnvelope>> together = effects.runs().get(run.get(0).event().type());
        if (together != null) {
            applyTraced(consumer, run, events -> together.accept(events));
            detachApplied();
            return;
        }
        Consumer<EventEnvelope> effect = effects.single().get(run.get(0).event().type());
        for (Delivery d : run) {
            applyTraced(consumer, List.of(d), events -> effect.accept(events.get(0)));
            detachApplied();
        }
    }

    /**
     * The applied changes go to the database now and leave the persistence context: kept, it grew with the batch
     * and Hibernate checked all of it before every query (a batch of 500 ran past the transaction timeout).
     */
    private void detachApplied() {
        if (entityManagers.isResolvable()) {
            EntityManager em = entityManagers.get();
            em.flush();
            em.clear();
        }
    }

    /**
     * Applies events in a span of its own that continues the trace of whatever wrote the first (the
     * {@code traceparent} the outbox relay put on the record) and links the others', with the event's ids in the log
     * context when there is one event: every log line and every event this effect writes in turn belongs to the
     * same trace.
     */
    private void applyTraced(String consumer, List<Delivery> deliveries, Consumer<List<EventEnvelope>> effect) {
        Delivery first = deliveries.get(0);
        Context parent = first.record() == null ? Context.current()
                : TraceContext.fromTraceparent(TraceContext.traceparentOf(first.record().getHeaders()));
        SpanBuilder builder = tracer.spanBuilder(consumer + " " + first.event().type())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.message.id", first.event().eventId().toString());
        if (deliveries.size() > 1) {
            builder.setAttribute("messaging.batch.message_count", deliveries.size());
            for (Delivery other : deliveries.subList(1, deliveries.size())) {
                if (other.record() != null) {
                    builder.addLink(Span.fromContext(TraceContext.fromTraceparent(
                            TraceContext.traceparentOf(other.record().getHeaders()))).getSpanContext());
                }
            }
        }
        Span span = builder.startSpan();
        try (Scope scope = span.makeCurrent()) {
            MDC.put(LogFields.EVENT_TYPE, first.event().type());
            if (deliveries.size() == 1) {
                MDC.put(LogFields.EVENT_ID, first.event().eventId().toString());
                if (first.event().referralId() != null) {
                    MDC.put(LogFields.REFERRAL_ID, first.event().referralId().toString());
                }
            }
            effect.accept(deliveries.stream().map(Delivery::event).toList());
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getName());
            throw e;
        } finally {
            MDC.remove(LogFields.EVENT_ID);
            MDC.remove(LogFields.EVENT_TYPE);
            MDC.remove(LogFields.REFERRAL_ID);
            span.end();
        }
    }

    /** Runs {@code work}, again and again with backoff while it fails for a passing reason; throws otherwise. */
    private static void retrying(String consumer, String what, Runnable work) {
        long backoff = 200;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!Failures.isRetryable(e)) {
                    throw e;
                }
                LOG.warnf("%s: %s failed for a passing reason (%s); retrying in %d ms", consumer, what,
                        Failures.rootCause(e).getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }
}
