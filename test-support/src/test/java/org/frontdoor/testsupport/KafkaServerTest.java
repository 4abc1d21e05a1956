package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaServerTest {

    @Test
    void producesWithAcksAllAndConsumesTheSameRecord() throws Exception {
        KafkaServer kafka = KafkaServer.shared();
        kafka.createTopics(3, "round-trip");
        kafka.createTopics(3, "round-trip"); // idempotent
        String key = "referral-" + UUID.randomUUID();
        send(kafka.bootstrapServers(), "round-trip", key, "{\"hello\":1}");
        List<ConsumerRecord<String, String>> records = readAll(kafka.bootstrapServers(), "round-trip", 1);
        assertEquals(1, records.size());
        assertEquals(key, records.get(0).key());
        assertEquals("{\"hello\":1}", records.get(0).value());
    }

    @Test
    void keptLogsSurviveARestart() throws Exception {
        Path dir = Path.of("target", "keep-test", "kafka-" + ProcessHandle.current().pid());
        Support.deleteRecursively(dir);
        int port = Support.freePort();
        try {
            try (KafkaServer first = KafkaServer.start(dir, port, true)) {
                first.createTopics(3, "kept");
                send(first.bootstrapServers(), "kept", "k1", "v1");
            }
            try (KafkaServer second = KafkaServer.start(dir, port, true)) {
                second.createTopics(3, "kept");
                List<ConsumerRecord<String, String>> records = readAll(second.bootstrapServers(), "kept", 1);
                assertEquals(1, records.size());
                assertEquals("k1", records.get(0).key());
                assertEquals("v1", records.get(0).value());
            }
        } finally {
            Support.deleteRecursively(dir);
        }
    }

    @Test
    void aTakenPortIsReportedClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> KafkaServer.start(Path.of("target", "unused-kafka"), port, true));
            assertTrue(e.getMessage().startsWith("port " + port + " is already in use ("), e.getMessage());
        }
    }

    static void send(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, value)).get();
            assertTrue(metadata.hasOffset());
        }
    }

    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
