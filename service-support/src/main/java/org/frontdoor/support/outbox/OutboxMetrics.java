package org.frontdoor.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The outbox as Prometheus sees it: events waiting, how long the oldest has waited, events given up on. A broker
 * outage shows here (and in the alerts on it) instead of taking the pods out of service: readiness does not
 * depend on Kafka, since intake goes on answering through an outage. Read from the database at most every few
 * seconds, so every instance reports the same numbers (take the max, not the sum).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    @Inject
    MeterRegistry meters;

    @Inject
    OutboxRepository repository;

    private volatile OutboxRepository.Backlog backlog;
    private volatile Instant readAt = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("frontdoor.outbox.pending", this, m -> m.value(b -> (double) b.pending()))
                .description("Events written but not yet acknowledged by the broker").register(meters);
        Gauge.builder("frontdoor.outbox.oldest.pending", this, m -> m.value(b -> b.oldestPendingAt() == null ? 0.0
                : Duration.between(b.oldestPendingAt(), Instant.now()).toMillis() / 1000.0))
                .baseUnit("seconds").description("How long the oldest unpublished event has waited (0 when none)")
                .register(meters);
        Gauge.builder("frontdoor.outbox.dead", this, m -> m.value(b -> (double) b.dead()))
                .description("Events the broker refused for good, waiting for ops").register(meters);
    }

    /** A figure of the backlog as last read; NaN while the database cannot be read. */
    private double value(java.util.function.Function<OutboxRepository.Backlog, Double> figure) {
        Instant now = Instant.now();
        if (now.isAfter(readAt.plus(FRESH_FOR))) {
            try {
                backlog = QuarkusTransaction.requiringNew().call(repository::backlog);
            } catch (RuntimeException e) {
                LOG.debugf("outbox gauges not read (%s)", e.getClass().getSimpleName());
                backlog = null;
            }
            readAt = now;
        }
        OutboxRepository.Backlog read = backlog;
        return read == null ? Double.NaN : figure.apply(read);
    }
}
