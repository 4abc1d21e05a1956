package org.frontdoor.triage.indicators;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.metrics.CachedReading;
import org.frontdoor.triage.indicators.MetricsService;

/**
 * The queue against its deadlines, for ops' alerts: {@code frontdoor_triage_items_overdue{priority}} and
 * {@code frontdoor_triage_items_due_soon{priority}} (deadline within the hour), contacts still to decide. A RED
 * contact near its 4-hour deadline pages someone (k8s/base/alerts.yaml). Read at most every 15 seconds; every
 * instance reports the same figures (take the max).
 */
@ApplicationScoped
public class QueueGauges {

    private static final Duration SOON = Duration.ofHours(1);

    @Inject
    MeterRegistry meters;

    @Inject
    MetricsService metrics;

    @Inject
    Clock clock;

    private CachedReading<MetricsService.Breaches> breaches;

    void onStart(@Observes StartupEvent event) {
        breaches = new CachedReading<>("queue gauges", Duration.ofSeconds(15), clock,
                now -> metrics.breaches(now, now.plus(SOON)));
        for (Priority p : Priority.values()) {
            Gauge.builder("frontdoor.triage.items.overdue", breaches, r -> r.value(b -> b.overdue().get(p)))
                    .tag("priority", p.name()).description("Contacts still to decide, past their deadline")
                    .register(meters);
            Gauge.builder("frontdoor.triage.items.due.soon", breaches, r -> r.value(b -> b.dueSoon().get(p)))
                    .tag("priority", p.name()).description("Contacts still to decide, due within the hour")
                    .register(meters);
        }
    }
}
