package org.frontdoor.support.inbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.kafka.KafkaClients;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;

/**
 * Lets ops list this service's dead letters and replay one through its consumer once the cause is fixed. The dead
 * letters stay where the consumers put them, on this service's own dead-letter topics ({@code <topic>.<consumer
 * group>.dlq}, {@link ConsumedTopics}), and only those are read: never another service's, which its login could
 * have written. Only the replays are recorded here, one per dead letter, with their audit entry. A replay writes
 * nothing to Kafka, so a service's login never needs to write the topics it reads.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ConsumedTopics consumed;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InboxProcessor processor;

    /** The service's consumers, one per topic it reads. */
    @Inject
    @Any
    Instance<EventConsumer> consumers;

    @Inject
    MeterRegistry meters;

    @Inject
    AuditLog audit;

    /** Every dead letter of this service, the latest first, with its replay if it had one. */
    public List<DeadLetter> list() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Consumer<String, String> reader = KafkaClients.reader(kafkaConfig, "dead-letter-reader")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : consumed.topics()) {
                List<PartitionInfo> infos = reader.partitionsFor(consumed.deadLetterTopic(topic), READ_TIMEOUT);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!readToEnd(reader, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                            "The dead-letter topics could not be read to their end in time");
                }
                reader.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        Map<String, Replay> replays = replays();
        return records.stream()
                .map(r -> view(r, replays.get(id(r.topic(), r.partition(), r.offset()))))
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed())
                .toList();
    }

    public DeadLetter get(String topic, int partition, long offset) {
        return view(read(topic, partition, offset), replayOf(topic, partition, offset));
    }

    /**
     * Applies the dead letter through the consumer of the topic it came from, as a redelivery would, and records the
     * replay: the consumer's inbox applies an event once however often it is replayed, and a second replay of the
     * same dead letter is refused (409). One that still fails is refused with its reason, and nothing is recorded.
     */
    public DeadLetter replay(String topic, int partition, long offset) {
        ConsumerRecord<String, String> record = read(topic, partition, offset);
        DeadLetter letter = view(record, null);
        EventConsumer consumer = consumers.stream()
                .filter(c -> c.topic().equals(letter.originalTopic()))
                .findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "This dead letter came from "
                        + letter.originalTopic() + ", which no consumer of this service reads"));
        Replay earlier = replayOf(topic, partition, offset);
        if (earlier != null) {
            throw alreadyReplayed(earlier);
        }
        InboxProcessor.ReplayOutcome outcome;
        try {
            outcome = processor.replay(consumer, record.value());
        } catch (MalformedEventException e) {
            throw new ProblemException(ProblemType.CONFLICT, "This message is not an event; it can never be applied");
        } catch (RuntimeException e) {
            // the kind of failure, as the dead letter's own reason shows it: never the event's data
            throw new ProblemException(ProblemType.CONFLICT, "It still fails (" + e.getClass().getName() + "): "
                    + DeadLetters.reason(e));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!recordReplay(topic, partition, offset, letter.eventId(), outcome)) {
                throw alreadyReplayed(replayOf(topic, partition, offset));
            }
            audit.record("dead-letter.replayed", letter.referralId(),
                    topic + "/" + partition + "@" + offset + " through " + consumer.name() + ": " + outcome);
        });
        meters.counter("frontdoor.dead.letters.replayed", "topic", letter.originalTopic(), "outcome", outcome.name())
                .increment();
        // the record read above, with the replay just recorded: no second read of the topic
        return view(record, replayOf(topic, partition, offset));
    }

    private static ProblemException alreadyReplayed(Replay earlier) {
        return new ProblemException(ProblemType.CONFLICT, "This dead letter was already replayed"
                + (earlier == null ? "" : ", at " + earlier.at() + " by " + earlier.by() + ": " + earlier.outcome()));
    }

    private ConsumerRecord<String, String> read(String topic, int partition, long offset) {
        boolean ours = consumed.originalTopic(topic).isPresent();
        if (!ours || partition < 0 || offset < 0) {
            throw ProblemException.notFound("Dead letter " + topic + "/" + partition + "@" + offset);
        }
        try (Consumer<String, String> reader = KafkaClients.reader(kafkaConfig, "dead-letter-reader")) {
            TopicPartition tp = new TopicPartition(topic, partition);
            List<PartitionInfo> infos = reader.partitionsFor(topic, READ_TIMEOUT);
            if (infos == null || infos.stream().noneMatch(p -> p.partition() == partition)) {
                throw ProblemException.notFound("Dead letter " + topic + "/" + partition + "@" + offset);
            }
            reader.assign(List.of(tp));
            long end = reader.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            if (offset >= end) {
                throw ProblemException.notFound("Dead letter " + topic + "/" + partition + "@" + offset);
            }
            reader.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(500))) {
                    if (r.offset() == offset) {
                        return r;
                    }
                    if (r.offset() > offset) {
                        // removed by the topic's retention
                        throw ProblemException.notFound("Dead letter " + topic + "/" + partition + "@" + offset);
                    }
                }
            }
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The dead-letter topic could not be read in time");
        }
    }

    private static boolean readToEnd(Consumer<String, String> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    private DeadLetter view(ConsumerRecord<String, String> record, Replay replay) {
        UUID eventId = null;
        String type = null;
        UUID referralId = null;
        try {
            EventEnvelope event = EventJson.read(record.value());
            eventId = event.eventId();
            type = event.type();
            referralId = event.referralId();
        } catch (RuntimeException notAnEvent) {
            // shown without an event id: the reason says what was wrong with it
        }
        // by the dead-letter topic, which only this service writes: never by a header the message carries
        String from = consumed.originalTopic(record.topic()).orElseThrow();
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), from, record.key(), eventId, type, referralId,
                DeadLetters.header(record, "dead-letter-reason"),
                DeadLetters.header(record, "dead-letter-exception-class-name"),
                replay == null ? null : replay.at(), replay == null ? null : replay.by(),
                replay == null ? null : replay.outcome());
    }

    private record Replay(Instant at, String by, InboxProcessor.ReplayOutcome outcome) {
    }

    private static String id(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    private static final String REPLAYS = "select topic, partition, \"offset\", replayed_at, replayed_by, outcome"
            + " from dead_letter_replay";

    /** Every replay, by dead letter (for the list). */
    private Map<String, Replay> replays() {
        Map<String, Replay> replays = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(REPLAYS);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                replays.put(id(rs.getString(1), rs.getInt(2), rs.getLong(3)), replay(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dead-letter replays", e);
        }
        return replays;
    }

    /** The replay of one dead letter, or null. */
    private Replay replayOf(String topic, int partition, long offset) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(REPLAYS
                        + " where topic = ? and partition = ? and \"offset\" = ?")) {
            ps.setString(1, topic);
            ps.setInt(2, partition);
            ps.setLong(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? replay(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dead letter's replay", e);
        }
    }

    private static Replay replay(ResultSet rs) throws SQLException {
        return new Replay(rs.getTimestamp(4).toInstant(), rs.getString(5),
                InboxProcessor.ReplayOutcome.valueOf(rs.getString(6)));
    }

    /** True if this is the dead letter's first replay. */
    private boolean recordReplay(String topic, int partition, long offset, UUID eventId,
            InboxProcessor.ReplayOutcome outcome) {
        String sql = "insert into dead_letter_replay (topic, partition, \"offset\", event_id, replayed_by, outcome)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, topic);
            ps.setInt(2, partition);
            ps.setLong(3, offset);
            ps.setObject(4, eventId);
            ps.setString(5, audit.actor());
            ps.setString(6, outcome.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the replay", e);
        }
    }
}
