package org.frontdoor.triage.indicators;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicReference;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.worker.WorkerThread;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.indicators.PerformanceIndicator;
import org.frontdoor.triage.indicators.PerformanceIndicators;
import org.jboss.logging.Logger;

/**
 * The partnership's indicators as Prometheus gauges, for ops dashboards and alerts:
 * {@code frontdoor_indicator_value{indicator, period}} (period {@code month} or {@code year_to_date}; a share in
 * percent), {@code frontdoor_indicator_rag{indicator, period}} (0 green, 1 amber, 2 red; NaN without a target) and
 * {@code frontdoor_indicator_target{indicator}}. Worked out every {@code frontdoor.triage.indicators-refresh}
 * on a thread of its own rather than at each scrape; every instance reports the same figures (take one).
 */
@ApplicationScoped
public class IndicatorGauges {

    private static final Logger LOG = Logger.getLogger(IndicatorGauges.class);

    @Inject
    MeterRegistry meters;

    @Inject
    PerformanceIndicators indicators;

    @Inject
    TriageConfig config;

    @Inject
    Clock clock;

    private final AtomicReference<PerformanceIndicators.Report> latest = new AtomicReference<>();
    private final WorkerThread worker = new WorkerThread("indicator-gauges");

    void onStart(@Observes StartupEvent event) {
        for (PerformanceIndicator indicator : PerformanceIndicator.values()) {
            for (String period : new String[] { "month", "year_to_date" }) {
                Gauge.builder("frontdoor.indicator.value", this, g -> g.value(indicator, period, false))
                        .description("The partnership's indicators: a share in percent, a count or a number")
                        .tags("indicator", indicator.code(), "period", period).register(meters);
                Gauge.builder("frontdoor.indicator.rag", this, g -> g.value(indicator, period, true))
                        .description("Against the indicator's target: 0 green, 1 amber, 2 red")
                        .tags("indicator", indicator.code(), "period", period).register(meters);
            }
            Gauge.builder("frontdoor.indicator.target", this, g -> g.target(indicator))
                    .description("The indicator's configured target").tags("indicator", indicator.code())
                    .register(meters);
        }
        worker.start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
    }

    private void loop() {
        while (worker.isRunning()) {
            try {
                latest.set(indicators.report(YearMonth.now(clock.withZone(WorkingCalendar.ENGLAND))));
            } catch (RuntimeException e) {
                LOG.warnf("Indicators not worked out (%s); next try in %s", e.getClass().getSimpleName(),
                        config.indicatorsRefresh());
            }
            try {
                worker.awaitWork(config.indicatorsRefresh());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private double value(PerformanceIndicator indicator, String period, boolean rag) {
        PerformanceIndicators.Report report = latest.get();
        if (report == null) {
            return Double.NaN;
        }
        return report.figures().stream().filter(f -> f.indicator() == indicator).findFirst().map(f -> {
            PerformanceIndicators.Value v = "month".equals(period) ? f.month() : f.yearToDate();
            if (rag) {
                return v.rag() == null ? Double.NaN : (double) v.rag().ordinal(); // GREEN 0, AMBER 1, RED 2
            }
            return v.value() == null ? Double.NaN : v.value();
        }).orElse(Double.NaN);
    }

    private double target(PerformanceIndicator indicator) {
        TriageConfig.Target t = config.indicators().get(indicator.code());
        return t == null ? Double.NaN : t.target().orElse(Double.NaN);
    }
}
