package org.frontdoor.triage.indicators;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.frontdoor.triage.domain.MetricsService;
import org.frontdoor.triage.domain.Priority;
import org.jboss.logging.Logger;

/**
 * The queue against its deadlines, for ops' alerts: {@code frontdoor_triage_items_overdue{priority}} and
 * {@code frontdoor_triage_items_due_soon{priority}} (deadline within the hour), contacts still to decide. A RED
 * contact near its 4-hour deadline pages someone (k8s/base/alerts.yaml). Read at most every 15 seconds; every
 * instance reports the same figures (take the max).
 */
@ApplicationScoped
public class QueueGauges {

    private static final Logger LOG = Logger.getLogger(QueueGauges.class);
    private static final Duration SOON = Duration.ofHours(1);
    private static final Duration FRESH_FOR = Duration.ofSeconds(15);

    @Inject
    MeterRegistry meters;

    @Inject
    MetricsService metrics;

    @Inject
    Clock clock;

    private volatile MetricsService.Breaches latest;
    private volatile Instant readAt = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        for (Priority p : Priority.values()) {
            Gauge.builder("frontdoor.triage.items.overdue", this, g -> g.read(true, p))
                    .tag("priority", p.name()).description("Contacts still to decide, past their deadline")
                    .register(meters);
            Gauge.builder("frontdoor.triage.items.due.soon", this, g -> g.read(false, p))
                    .tag("priority", p.name()).description("Contacts still to decide, due within the hour")
                    .register(meters);
        }
    }

    private double read(boolean overdue, Priority priority) {
        Instant now = Instant.now(clock);
        if (now.isAfter(readAt.plus(FRESH_FOR)) || now.isBefore(readAt)) {
            try {
                latest = metrics.breaches(now, now.plus(SOON));
            } catch (RuntimeException e) {
                LOG.debugf("queue gauges not read (%s)", e.getClass().getSimpleName());
                latest = null;
            }
            readAt = now;
        }
        MetricsService.Breaches b = latest;
        return b == null ? Double.NaN : (overdue ? b.overdue() : b.dueSoon()).get(priority);
    }
}
