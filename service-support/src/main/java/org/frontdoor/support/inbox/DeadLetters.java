package org.frontdoor.support.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.frontdoor.events.Topics;
import org.frontdoor.support.Failures;
import org.frontdoor.support.kafka.KafkaClients;
import org.jboss.logging.Logger;

/**
 * Puts one message that can never be processed on its topic's dead-letter topic ({@code <topic>.dlq}), unchanged,
 * with the headers SmallRye's own dead-letter queue writes ({@code dead-letter-reason} and where it came from). The
 * consumers take messages in batches, and SmallRye dead-letters a failed batch whole; this sends the one poison
 * message alone, before the batch is acknowledged, so it is never lost and never takes good events with it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry meters;

    static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    private Producer<String, String> producer;

    public void send(KafkaRecord<String, String> record, Throwable reason) {
        long offset = record instanceof IncomingKafkaRecord<?, ?> incoming ? incoming.getOffset() : -1;
        String topic = Topics.deadLetterTopic(record.getTopic());
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.getKey(), record.getPayload());
        record.getHeaders().forEach(h -> dead.headers().add(h));
        Throwable root = Failures.rootCause(reason);
        header(dead, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(dead, "dead-letter-cause", root == reason ? null : String.valueOf(root.getMessage()));
        header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        header(dead, "dead-letter-topic", record.getTopic());
        header(dead, "dead-letter-partition", String.valueOf(record.getPartition()));
        header(dead, "dead-letter-offset", String.valueOf(offset));
        try {
            // waited for: the batch is acknowledged only once its dead letter is safe
            producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter the message at " + record.getTopic() + "/"
                    + record.getPartition() + "@" + offset, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
        // ops alert on it (PrometheusRule FrontDoorDeadLetters) and replay from the topic once the cause is fixed
        meters.counter("frontdoor.dead.letters", "topic", record.getTopic()).increment();
        // where, and the kind of failure: never the message or its text, which may quote a child's details
        LOG.errorf("Dead-lettered %s/%d@%d to %s: %s", record.getTopic(), record.getPartition(), offset,
                topic, reason.getClass().getName());
    }

    /**
     * Sends a dead letter back to the topic it came from, as it first came (without the dead-letter headers), and
     * waits for the broker: ops replay it once the cause is fixed. The consumer's inbox applies it once, however
     * many times it arrives.
     */
    public void sendBack(ConsumerRecord<String, String> dead, String topic) {
        ProducerRecord<String, String> again = new ProducerRecord<>(topic, dead.key(), dead.value());
        for (Header h : dead.headers()) {
            if (!h.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                again.headers().add(h);
            }
        }
        try {
            producer().send(again).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send the dead letter back to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter back", e);
        }
        meters.counter("frontdoor.dead.letters.replayed", "topic", topic).increment();
    }

    /** A header this class wrote, or null. */
    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().remove(name);
            record.headers().add(new RecordHeader(name, value.getBytes(UTF_8)));
        }
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = KafkaClients.producer(kafkaConfig, "dead-letters", 30_000);
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
