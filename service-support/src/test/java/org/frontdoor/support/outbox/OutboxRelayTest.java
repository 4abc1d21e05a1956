package org.frontdoor.support.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "outbox-test-events";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRepository repository;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventCommittedWithItsChangeReachesTheBrokerKeyedByReferral() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of("sourceCode", "6"));

        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event));

        await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt(event.eventId()) != null);
        List<ConsumerRecord<String, String>> copies = recordsOf(event.eventId());
        assertEquals(1, copies.size(), "published exactly once");
        ConsumerRecord<String, String> record = copies.get(0);
        assertEquals(referralId.toString(), record.key());
        assertEquals(event, EventJson.read(record.value()));
        assertEquals("referral.received",
                new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8));
    }

    @Test
    void eventsAppendedTogetherAreStoredInOneGoInOrderEachOnItsTypesTopicAndPublished() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope received = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of("n", 1));
        EventEnvelope queued = EventEnvelope.of(EventType.TRIAGE_QUEUED, referralId, Map.of("n", 2));
        EventEnvelope queuedToo = EventEnvelope.of(EventType.TRIAGE_QUEUED, referralId, Map.of("n", 3));

        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(List.of(received, queued, queuedToo)));

        await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt(queuedToo.eventId()) != null);
        List<String> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select event_id, topic, message_key from outbox_event where event_id = any(?) order by id")) {
            ps.setArray(1, c.createArrayOf("uuid", new Object[] { received.eventId(), queued.eventId(),
                    queuedToo.eventId() }));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        assertEquals(List.of(received.eventId() + " referral-events " + referralId,
                queued.eventId() + " triage-events " + referralId, queuedToo.eventId() + " triage-events " + referralId),
                stored, "in the order given (the relay publishes by id), each on its type's topic");
        List<UUID> onTriageTopic = KafkaProbe.readAll("triage-events").stream()
                .map(r -> EventJson.read(r.value()).eventId())
                .filter(id -> id.equals(queued.eventId()) || id.equals(queuedToo.eventId())).toList();
        assertEquals(List.of(queued.eventId(), queuedToo.eventId()), onTriageTopic, "published once each, in order");
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeitherStoredNorSent() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(TOPIC, event);
            throw new IllegalStateException("the business change failed");
        }));

        assertEquals(0, rowCount(event.eventId()));
        relay.relayOnce();
        assertTrue(recordsOf(event.eventId()).isEmpty());
    }

    @Test
    void outsideATransactionNothingCanBeAppended() {
        EventEnvelope event = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());
        assertThrows(jakarta.transaction.TransactionalException.class, () -> outbox.append(TOPIC, event));
        assertEquals(0, rowCount(event.eventId()));
    }

    /**
     * The relay dies after the broker acknowledged but before its mark committed, and is
     * restarted: the row is still pending, so the event is sent again. A duplicate, never a loss.
     */
    @Test
    void aRelayRestartBetweenSendAndMarkRepeatsTheEventAndLosesNothing() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.TRIAGE_DECIDED, UUID.randomUUID(), Map.of("level", 2));
        relay.stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event));
            List<OutboxRow> rows = QuarkusTransaction.requiringNew().call(() -> repository.pending(1000)).stream()
                    .filter(r -> r.eventId().equals(event.eventId()))
                    .toList();
            assertEquals(1, rows.size());
            OutboxRelay.Sent sent = relay.send(rows);
            assertEquals(1, sent.acknowledged().size());
            // the process dies here, before it records what the broker acknowledged

            assertEquals(1, recordsOf(event.eventId()).size(), "the broker has it");
            assertNull(publishedAt(event.eventId()), "but the outbox does not know");
        } finally {
            relay.start();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt(event.eventId()) != null);
        List<ConsumerRecord<String, String>> copies = recordsOf(event.eventId());
        assertEquals(2, copies.size(), "sent again after the restart");
        assertEquals(copies.get(0).value(), copies.get(1).value(), "the same event id and body both times");
    }

    /**
     * Another instance took the lease and died mid-publish: it holds this one up only until its lease runs out, not
     * until TCP keepalive notices (the advisory lock held across the broker's wait did).
     */
    @Test
    void aReplicaKilledMidPublishHoldsTheOthersUpOnlyUntilItsLeaseRunsOut() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.TRIAGE_DECIDED, UUID.randomUUID(), Map.of("level", 3));
        relay.stop();
        long start;
        try {
            assertTrue(QuarkusTransaction.requiringNew().call(
                    () -> repository.holdLease("killed-replica", Duration.ofSeconds(3))));
            start = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event));
        } finally {
            relay.start();
        }
        relay.wakeUp();
        Thread.sleep(1_500);
        assertNull(publishedAt(event.eventId()), "the lease holds this relay back while it lasts");
        assertEquals(0, recordsOf(event.eventId()).size());

        await().atMost(Duration.ofSeconds(15)).until(() -> publishedAt(event.eventId()) != null);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 8, "published " + seconds + " s after the replica died: within seconds of its lease's end");
        assertEquals(1, recordsOf(event.eventId()).size());
    }

    @Test
    void severalRelaysAtOnceKeepEachReferralsEventsInOrderAndSendEachOnce() throws Exception {
        List<UUID> referrals = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<EventEnvelope> written = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID referralId = referrals.get(i % referrals.size());
            EventEnvelope event = EventEnvelope.of(EventType.CASE_STEPPED, referralId, Map.of("sequence", i));
            written.add(event);
        }

        ExecutorService relays = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                running.add(relays.submit(() -> {
                    for (int pass = 0; pass < 40; pass++) {
                        relay.relayOnce();
                    }
                }));
            }
            for (EventEnvelope event : written) {
                QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            relays.shutdown();
        }

        Set<UUID> ids = written.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> publishedAt(id) != null));
        List<EventEnvelope> received = KafkaProbe.readAll(TOPIC).stream()
                .map(r -> EventJson.read(r.value()))
                .filter(e -> ids.contains(e.eventId()))
                .toList();
        assertEquals(60, received.size(), "every event exactly once");
        assertEquals(60, received.stream().map(EventEnvelope::eventId).distinct().count());
        for (UUID referralId : referrals) {
            List<Integer> sequence = received.stream()
                    .filter(e -> e.referralId().equals(referralId))
                    .map(e -> e.payload().get("sequence").asInt())
                    .toList();
            List<Integer> sorted = sequence.stream().sorted().toList();
            assertEquals(sorted, sequence, "events of referral " + referralId + " in the order written");
        }
    }

    @Test
    void anEventTheBrokerRefusesForGoodIsSetAsideForOpsNotRetriedForever() throws Exception {
        // Larger than the broker's default message.max.bytes (1 MiB): Kafka will never take it.
        EventEnvelope huge = EventEnvelope.of(EventType.CASE_CLOSED, UUID.randomUUID(),
                Map.of("summary", "x".repeat(1_200_000)));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, huge));

        await().atMost(Duration.ofSeconds(20)).until(() -> deadAt(huge.eventId()) != null);

        OutboxStatus status = repository.status();
        OutboxStatus.DeadEvent dead = status.deadEvents().stream()
                .filter(d -> d.eventId().equals(huge.eventId()))
                .findFirst()
                .orElseThrow();
        assertEquals("case.closed", dead.type());
        assertTrue(dead.lastError().contains("RecordTooLarge"), dead.lastError());
        assertTrue(recordsOf(huge.eventId()).isEmpty());

        // later events still flow
        EventEnvelope next = EventEnvelope.of(EventType.CASE_CLOSED, UUID.randomUUID(), Map.of());
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, next));
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt(next.eventId()) != null);
    }

    /**
     * A pass is one statement: it records the previous pass's outcomes, renews the lease and reads what is still
     * pending. A row it has just recorded published or dead is not read again (the statement's parts share one
     * snapshot); one to retry is. Another instance's lease stops the reading, never the recording.
     */
    @Test
    void aPassRecordsThePreviousOutcomesAndReadsOnlyWhatIsStillPending() throws Exception {
        EventEnvelope sent = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());
        EventEnvelope retry = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());
        EventEnvelope refused = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());
        EventEnvelope later = EventEnvelope.of(EventType.CASE_OPENED, UUID.randomUUID(), Map.of());
        relay.stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(List.of(sent, retry, refused)));
            Map<UUID, Long> ids = QuarkusTransaction.requiringNew().call(() -> repository.pending(1000)).stream()
                    .collect(Collectors.toMap(OutboxRow::eventId, OutboxRow::id));
            List<Long> previous = List.of(ids.get(sent.eventId()), ids.get(retry.eventId()),
                    ids.get(refused.eventId()));
            List<OutboxRepository.Outcome> outcomes = List.of(OutboxRepository.Outcome.PUBLISHED,
                    OutboxRepository.Outcome.RETRY, OutboxRepository.Outcome.DEAD);

            Set<UUID> read = QuarkusTransaction.requiringNew().call(() -> repository.pass(previous, outcomes,
                    "TimeoutException: no answer", "pass-test", Duration.ofSeconds(30), 1000)).stream()
                    .map(OutboxRow::eventId).collect(Collectors.toSet());

            assertTrue(read.contains(retry.eventId()), "the one to retry is read again");
            assertTrue(!read.contains(sent.eventId()) && !read.contains(refused.eventId()), read.toString());
            assertTrue(publishedAt(sent.eventId()) != null);
            assertTrue(deadAt(refused.eventId()) != null);
            assertNull(publishedAt(retry.eventId()));
            assertEquals("TimeoutException: no answer", lastError(retry.eventId()));
            assertNull(lastError(sent.eventId()));

            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, later));
            long laterId = QuarkusTransaction.requiringNew().call(() -> repository.pending(1000)).stream()
                    .filter(r -> r.eventId().equals(later.eventId())).findFirst().orElseThrow().id();
            List<OutboxRow> whileLeased = QuarkusTransaction.requiringNew().call(() -> repository.pass(
                    List.of(laterId), List.of(OutboxRepository.Outcome.PUBLISHED), null, "another-instance",
                    Duration.ofSeconds(30), 1000));
            assertTrue(whileLeased.isEmpty(), "the lease is another's: nothing to send");
            assertTrue(publishedAt(later.eventId()) != null, "but what it sent is recorded");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> repository.releaseLease("pass-test"));
            relay.start();
        }
    }

    private String lastError(UUID eventId) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select last_error from outbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row of " + eventId);
                return rs.getString(1);
            }
        }
    }

    private static List<ConsumerRecord<String, String>> recordsOf(UUID eventId) {
        return KafkaProbe.readAll(TOPIC).stream()
                .filter(r -> EventJson.read(r.value()).eventId().equals(eventId))
                .toList();
    }

    private java.sql.Timestamp publishedAt(UUID eventId) {
        return timestamp("published_at", eventId);
    }

    private java.sql.Timestamp deadAt(UUID eventId) {
        return timestamp("dead_at", eventId);
    }

    private java.sql.Timestamp timestamp(String column, UUID eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + column + " from outbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row of " + eventId);
                return rs.getTimestamp(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rowCount(UUID eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
