package org.frontdoor.support.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients this project makes itself: producers (outbox relay, dead letters), durable, idempotent, text;
 * and a reader for ops.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * A producer with the service's {@code kafka.*} settings (bootstrap servers, and TLS or SASL where the cluster
     * has them), acks from every in-sync replica and idempotence.
     */
    public static Producer<String, String> producer(Map<String, Object> kafkaConfig, String clientId,
            long deliveryTimeoutMillis) {
        Map<String, Object> props = clientSettings(kafkaConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(20_000, deliveryTimeoutMillis));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, instance() + "." + clientId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /**
     * A consumer outside any group, for reading a topic's records where they lie (ops looking at dead letters): it
     * commits nothing and never creates a topic by asking about it.
     */
    public static Consumer<String, String> reader(Map<String, Object> kafkaConfig, String clientId) {
        Map<String, Object> props = clientSettings(kafkaConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, instance() + "." + clientId);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /**
     * This instance's name, the first part of each client id, so the broker tells the replicas apart: the pod's name in
     * Kubernetes ({@code HOSTNAME}), the instance's under {@code ./pipeline up --replicas N}, else {@code local}. The
     * channels' consumers are named the same way ({@code client-id-prefix} in each service's application.properties).
     */
    public static String instance() {
        String name = System.getenv("HOSTNAME");
        return name == null || name.isBlank() ? "local" : name;
    }

    /** The service's {@code kafka.*} settings that a Kafka client understands (not Quarkus's own). */
    private static Map<String, Object> clientSettings(Map<String, Object> kafkaConfig) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (!k.startsWith("health") && !k.startsWith("devservices") && !k.startsWith("snappy")) {
                props.put(k, v);
            }
        });
        return props;
    }
}
