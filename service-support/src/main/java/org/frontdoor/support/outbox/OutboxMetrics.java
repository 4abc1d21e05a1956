package org.frontdoor.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.frontdoor.support.metrics.CachedReading;

/**
 * The outbox as Prometheus sees it: events waiting, how long the oldest has waited, events given up on. A broker
 * outage shows here (and in the alerts on it) instead of taking the pods out of service: readiness does not
 * depend on Kafka, since intake goes on answering through an outage. Read from the database at most every few
 * seconds, so every instance reports the same numbers (take the max, not the sum).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MeterRegistry meters;

    @Inject
    OutboxRepository repository;

    /** Wall time, not the service's clock: how often the database is asked. */
    private final CachedReading<OutboxRepository.Backlog> backlog = new CachedReading<>("outbox gauges",
            Duration.ofSeconds(5), Clock.systemUTC(),
            now -> QuarkusTransaction.requiringNew().call(() -> repository.backlog()));

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("frontdoor.outbox.pending", backlog, r -> r.value(b -> b.pending()))
                .description("Events written but not yet acknowledged by the broker").register(meters);
        Gauge.builder("frontdoor.outbox.oldest.pending", backlog, r -> r.value(b -> b.oldestPendingAt() == null ? 0.0
                : Duration.between(b.oldestPendingAt(), Instant.now()).toMillis() / 1000.0))
                .baseUnit("seconds").description("How long the oldest unpublished event has waited (0 when none)")
                .register(meters);
        Gauge.builder("frontdoor.outbox.dead", backlog, r -> r.value(b -> b.dead()))
                .description("Events the broker refused for good, waiting for ops").register(meters);
    }
}
