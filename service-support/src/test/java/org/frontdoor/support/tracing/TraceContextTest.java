package org.frontdoor.support.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.support.inbox.TestEventHandler;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TraceContextTest {

    /** The topic the test consumer reads: the event goes all the way round. */
    private static final String TOPIC = "inbox-test-events";

    @Inject
    Tracer tracer;

    @Inject
    Outbox outbox;

    @Inject
    TestEventHandler consumer;

    @Test
    void aRequestsTraceTravelsThroughTheOutboxAndKafkaToTheConsumersWork() {
        UUID referralId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of());
        Span request = tracer.spanBuilder("POST /api/v1/referrals").startSpan();
        String traceId = request.getSpanContext().getTraceId();
        try (Scope scope = request.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event));
        } finally {
            request.end();
        }

        // on the record, as W3C Trace Context writes it, naming the request's span as the parent
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaProbe.readAll(TOPIC).stream()
                        .filter(r -> event.eventId().toString().equals(header(r, "event-id"))).findFirst().orElse(null),
                r -> r != null);
        assertEquals("00-" + traceId + "-" + request.getSpanContext().getSpanId() + "-"
                + request.getSpanContext().getTraceFlags().asHex(), header(record, TraceContext.HEADER));

        // and the consumer's effect ran in the same trace, its log lines carrying the event's id
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.traceOf(event.eventId()) != null);
        assertEquals(traceId + " " + event.eventId(), consumer.traceOf(event.eventId()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
