package org.frontdoor.support.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Applies the retention schedule: every {@code frontdoor.retention.interval}, each {@link RetentionRule}
 * of the service deletes what is past its period, in a transaction of its own, so one failing rule does
 * not hold the others back. Counts go to the log (kinds and numbers only) and to the metric
 * {@code frontdoor_retention_deleted_total{kind}}.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    Instance<RetentionRule> rules;

    @Inject
    RetentionConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private final WorkerThread worker = new WorkerThread("retention");

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            worker.start(this::loop);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
    }

    private void loop() {
        while (worker.isRunning()) {
            try {
                runOnce(Instant.now(clock));
                worker.awaitWork(config.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Retention: a pass failed (%s); next try in %s", e.getClass().getSimpleName(),
                        config.interval());
                try {
                    worker.awaitWork(config.interval());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One pass over every rule as of {@code now}; returns the records changed by kind. */
    public Map<String, Integer> runOnce(Instant now) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            Duration period = periodOf(rule);
            Instant cutoff = now.minus(period);
            try {
                int n = QuarkusTransaction.requiringNew().call(() -> rule.prune(cutoff));
                changed.put(rule.kind(), n);
                if (n > 0) {
                    meters.counter("frontdoor_retention_deleted_total", "kind", rule.kind()).increment(n);
                    LOG.infof("Retention: %d %s older than %s removed", n, rule.kind(), period);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Retention: %s could not be pruned: %s", rule.kind(), e.getClass().getSimpleName());
                changed.put(rule.kind(), -1);
            }
        }
        return changed;
    }

    public Duration periodOf(RetentionRule rule) {
        return config.keep().getOrDefault(rule.kind(), rule.defaultPeriod());
    }
}
