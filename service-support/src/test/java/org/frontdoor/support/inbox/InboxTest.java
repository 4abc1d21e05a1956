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
        EventEnvelope event = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());
        // twice in one batch counts once
        List<EventEnvelope> batch = List.of(event, event);

        // the handler fails after marking: the mark goes with it, so a redelivery is processed
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(inbox.firstDeliveries("rollback-test", batch).contains(event.eventId()));
                throw new IllegalStateException("effect failed");
            });
        } catch (IllegalStateException expected) {
            // as intended
        }
        boolean redelivery = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDeliveries("rollback-test", batch).contains(event.eventId()));
        boolean thirdTime = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDeliveries("rollback-test", batch).contains(event.eventId()));
        boolean otherConsumer = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDeliveries("another-consumer", batch).contains(event.eventId()));

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

    @Test
    void anEventThatCanNeverBeAppliedIsDeadLetteredAloneAndTheOthersOfItsBatchAreApplied() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope before = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of());
        EventEnvelope poison = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of("test", "fail"));
        EventEnvelope after = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of());
        // one partition, sent back to back: the consumer's poll takes them together
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(before));
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(poison));
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after.eventId()) == 1);
        assertEquals(1, effects(before.eventId()), "the event before it is applied");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(referralId).size() == 1);
        ConsumerRecord<String, String> dead = deadLetters(referralId).get(0);
        assertEquals(EventJson.write(poison), dead.value(), "the poison event alone, as it came");
        assertEquals(0, effects(poison.eventId()));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertEquals("this event can never be applied", reason);
        // and it is not marked as seen: replayed from the dead-letter topic after a fix, it would be applied
        assertEquals(0, inboxMarks(poison.eventId()));
    }

    @Test
    void aDeadLetterRefusedByTheDatabaseSaysWhyWithoutTheValuesTheDatabaseQuoted() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope refused = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId,
                Map.of("test", "refused-by-the-database"));
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(refused));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(referralId).size() == 1);
        ConsumerRecord<String, String> dead = deadLetters(referralId).get(0);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        String cause = new String(dead.headers().lastHeader("dead-letter-cause").value(), StandardCharsets.UTF_8);
        // PostgreSQL's own message was: invalid input syntax for type date: "Amy Smith 2016-04-02"
        assertEquals("the database refused it: SQLState 22007 (PSQLException)", reason);
        assertEquals(reason, cause);
        assertEquals(0, effects(refused.eventId()));
    }

    @Test
    void aDeadlockIsRetriedNotDeadLettered() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of("test", "deadlock-once"));
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(event));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.eventId()) == 1);
        Thread.sleep(1_000); // a dead letter, were one written, would be on its way by now
        assertEquals(0, deadLetters(referralId).size(), "a deadlock passes: not a dead letter");
    }

    @Test
    void aSetBasedEffectTakesRunsOfItsTypeInTheOrderTheyCameOncePerEvent() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope first = EventEnvelope.of(EventType.CASE_OPENED, referralId, Map.of());
        EventEnvelope second = EventEnvelope.of(EventType.CASE_OPENED, referralId, Map.of());
        EventEnvelope between = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of());
        EventEnvelope last = EventEnvelope.of(EventType.CASE_OPENED, referralId, Map.of());
        for (EventEnvelope e : List.of(first, second, second, between, last)) { // second redelivered at once
            KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(e));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(last.eventId()) == 1);
        assertEquals(1, effects(first.eventId()));
        assertEquals(1, effects(second.eventId()), "a redelivery in the same poll is applied once");
        assertEquals(1, effects(between.eventId()), "the one-at-a-time type between them too");
        List<List<UUID>> mine = handler.runs().stream().filter(run -> run.stream().anyMatch(
                id -> List.of(first.eventId(), second.eventId(), last.eventId()).contains(id))).toList();
        assertEquals(List.of(first.eventId(), second.eventId(), last.eventId()),
                mine.stream().flatMap(List::stream).toList(), "in the order they came");
        assertTrue(mine.stream().noneMatch(run -> run.contains(second.eventId()) && run.contains(last.eventId())),
                "a run never reaches over an event of another type: " + mine);
    }

    @Test
    void aPoisonEventInASetBasedRunIsDeadLetteredAloneAndTheRestOfTheRunApplied() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope before = EventEnvelope.of(EventType.CASE_OPENED, referralId, Map.of());
        EventEnvelope poison = EventEnvelope.of(EventType.CASE_OPENED, referralId, Map.of("test", "fail"));
        EventEnvelope after = EventEnvelope.of(EventType.CASE_OPENED, referralId, Map.of());
        for (EventEnvelope e : List.of(before, poison, after)) {
            KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(e));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after.eventId()) == 1);
        assertEquals(1, effects(before.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(referralId).size() == 1);
        assertEquals(EventJson.write(poison), deadLetters(referralId).get(0).value());
        assertEquals(0, effects(poison.eventId()));
        assertEquals(0, inboxMarks(poison.eventId()), "not marked: replayed after a fix, it would be applied");
    }

    private static List<ConsumerRecord<String, String>> deadLetters(UUID referralId) {
        return KafkaProbe.readAll(TOPIC + ".inbox-test.dlq").stream()
                .filter(r -> referralId.toString().equals(r.key()))
                .toList();
    }

    private int effects(UUID eventId) throws Exception {
        return rowsAbout("test_effect", eventId);
    }

    private int inboxMarks(UUID eventId) throws Exception {
        return rowsAbout("inbox_event", eventId);
    }

    private int rowsAbout(String table, UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
