package org.frontdoor.support.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    private static final String TOPIC = "inbox-test-events";

    @Inject
    TestEventHandler handler;

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRedeliveredEventFromTheBrokerChangesNothing() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.REFERRAL_RECEIVED, UUID.randomUUID(), Map.of());
        String json = EventJson.write(event);
        int before = handler.deliveries();

        KafkaProbe.send(TOPIC, event.key(), json);
        KafkaProbe.send(TOPIC, event.key(), json);

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.deliveries() >= before + 2);
        assertEquals(1, effects(event.eventId()), "the effect happened once for two deliveries");
    }

    @Test
    void theMarkCommitsOrRollsBackWithTheEffect() {
        UUID eventId = UUID.randomUUID();

        // the handler fails after marking: the mark goes with it, so a redelivery is processed
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(inbox.firstDelivery("rollback-test", eventId, "case.opened"));
                throw new IllegalStateException("effect failed");
            });
        } catch (IllegalStateException expected) {
            // as intended
        }
        boolean redelivery = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDelivery("rollback-test", eventId, "case.opened"));
        boolean thirdTime = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDelivery("rollback-test", eventId, "case.opened"));
        boolean otherConsumer = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDelivery("another-consumer", eventId, "case.opened"));

        assertTrue(redelivery, "processed after the failed attempt");
        assertEquals(false, thirdTime, "then skipped");
        assertTrue(otherConsumer, "each consumer keeps its own record");
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterTopicWithItsReasonAndTheNextIsProcessed() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope next = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of());

        // same key, so same partition: the good event waits behind the bad one
        KafkaProbe.send(TOPIC, referralId.toString(), "{this is not an event");
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next.eventId()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(referralId).size() == 1);
        ConsumerRecord<String, String> dead = deadLetters(referralId).get(0);
        assertEquals("{this is not an event", dead.value());
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("not a JSON event envelope"), reason);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(UUID referralId) {
        return KafkaProbe.readAll(TOPIC + ".dlq").stream()
                .filter(r -> referralId.toString().equals(r.key()))
                .toList();
    }

    private int effects(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from test_effect where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
