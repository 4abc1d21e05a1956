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
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.frontdoor.support.Failures;
import org.frontdoor.support.kafka.KafkaClients;
import org.jboss.logging.Logger;

/**
 * Puts one message that can never be processed on its consumer's dead-letter topic ({@code <topic>.<consumer
 * group>.dlq}, {@link ConsumedTopics}), unchanged,
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

    @Inject
    ConsumedTopics consumed;

    private Producer<String, String> producer;

    public void send(KafkaRecord<String, String> record, Throwable reason) {
        long offset = record instanceof IncomingKafkaRecord<?, ?> incoming ? incoming.getOffset() : -1;
        String topic = consumed.deadLetterTopic(record.getTopic());
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.getKey(), record.getPayload());
        record.getHeaders().forEach(h -> dead.headers().add(h));
        Throwable root = Failures.rootCause(reason);
        header(dead, "dead-letter-reason", reason(reason));
        header(dead, "dead-letter-cause", root == reason ? null : reason(root));
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
        // ops alert on it (PrometheusRule FrontDoorDeadLetters) and replay it once the cause is fixed (DeadLetterService)
        meters.counter("frontdoor.dead.letters", "topic", record.getTopic()).increment();
        // where, and the kind of failure: never the message or its text, which may quote a child's details
        LOG.errorf("Dead-lettered %s/%d@%d to %s: %s", record.getTopic(), record.getPartition(), offset,
                topic, reason.getClass().getName());
    }

    /**
     * Why a message failed, as its dead letter says it and ops read it. A database error is named by its SQLState
     * only: PostgreSQL's message quotes the values it refused (a key, a row), which may be a child's details.
     */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "the database refused it: SQLState " + sql.getSQLState() + " (" + t.getClass().getSimpleName()
                        + ")";
            }
        }
        return String.valueOf(failure.getMessage());
    }

    /** A header this class wrote, or null. */
    static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header h = record.headers().lastHeader(name);
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
