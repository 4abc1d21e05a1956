package org.frontdoor.notification.indicators;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.frontdoor.notification.domain.NotificationQueries;
import org.jboss.logging.Logger;

/**
 * {@code frontdoor_notifications_could_not_inform}: the open tasks on the "could not inform" list, counted in the
 * database at each scrape, so every instance reports the same number (take one, or the max, not the sum).
 */
@ApplicationScoped
public class CouldNotInformGauge {

    private static final Logger LOG = Logger.getLogger(CouldNotInformGauge.class);

    @Inject
    MeterRegistry meters;

    @Inject
    NotificationQueries queries;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("frontdoor.notifications.could.not.inform", this, CouldNotInformGauge::count)
                .description("Messages the service could not deliver and the front door has not yet told otherwise")
                .register(meters);
    }

    double count() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> (double) queries.couldNotInformCount(null));
        } catch (RuntimeException e) {
            // database unreachable: no number rather than a wrong one
            LOG.debugf("could-not-inform gauge not read (%s)", e.getClass().getSimpleName());
            return Double.NaN;
        }
    }
}
