package org.frontdoor.support.inbox;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer built the way the services build theirs: inbox mark and effect in one transaction. */
@ApplicationScoped
public class TestEventHandler implements EventConsumer {

    static final String CONSUMER = "inbox-test";

    private final AtomicInteger deliveries = new AtomicInteger();
    private final java.util.Set<java.util.UUID> deadlocked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Inject
    InboxProcessor processor;

    @Inject
    AgroalDataSource dataSource;

    /** Events that fail until the test says their fault is fixed, as ops would after a deployment. */
    private final java.util.Set<java.util.UUID> fixed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void fix(java.util.UUID eventId) {
        fixed.add(eventId);
    }

    /** The trace id each event's effect ran in, and the event id its log lines carried. */
    private final Map<java.util.UUID, String> traces = new java.util.concurrent.ConcurrentHashMap<>();

    public String traceOf(java.util.UUID eventId) {
        return traces.get(eventId);
    }

    /** Each run the set-based effect was given, in the order given. */
    private final java.util.List<java.util.List<java.util.UUID>> runs =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public java.util.List<java.util.List<java.util.UUID>> runs() {
        synchronized (runs) {
            return java.util.List.copyOf(runs);
        }
    }

    /** A method, not the field: the test holds a client proxy, whose own fields are not the bean's. */
    public int deliveries() {
        return deliveries.get();
    }

    @Incoming("inbox-test")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        deliveries.addAndGet(batch.getRecords().size());
        return processor.process(this, batch);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return "inbox-test-events";
    }

    @Override
    public Map<String, java.util.function.Consumer<org.frontdoor.events.EventEnvelope>> effects() {
        return Map.of("referral.received", event -> {
            traces.put(event.eventId(), io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId() + " "
                    + org.jboss.logging.MDC.get("eventId"));
            String behaviour = event.payload().path("test").asText("");
            if ("fail".equals(behaviour)) {
                throw new IllegalArgumentException("this event can never be applied");
            }
            if ("broken-until-fixed".equals(behaviour) && !fixed.contains(event.eventId())) {
                throw new IllegalArgumentException("the fault is not fixed yet");
            }
            if ("deadlock-once".equals(behaviour) && deadlocked.add(event.eventId())) {
                // what PostgreSQL answers the transaction it chose to break a deadlock
                throw new IllegalStateException(new java.sql.SQLException("deadlock detected", "40P01"));
            }
            if ("refused-by-the-database".equals(behaviour)) {
                // PostgreSQL's answer quotes the value it refused, as a constraint's answer quotes the row
                try (Connection c = dataSource.getConnection();
                        PreparedStatement ps = c.prepareStatement("select cast(? as date)")) {
                    ps.setString(1, "Amy Smith 2016-04-02");
                    ps.executeQuery();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("insert into test_effect (event_id) values (?)")) {
                ps.setObject(1, event.eventId());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** {@code case.opened} set-based, as the services' hot paths are: a run's effects in one statement. */
    @Override
    public Map<String, java.util.function.Consumer<java.util.List<org.frontdoor.events.EventEnvelope>>> batchEffects() {
        return Map.of("case.opened", events -> {
            if (events.stream().anyMatch(e -> "fail".equals(e.payload().path("test").asText("")))) {
                throw new IllegalArgumentException("this event can never be applied");
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into test_effect (event_id) select unnest(?::uuid[])")) {
                ps.setArray(1, c.createArrayOf("uuid", events.stream().map(e -> e.eventId()).toArray()));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            runs.add(events.stream().map(e -> e.eventId()).toList());
        });
    }
}
