package org.frontdoor.support.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One clock for every "now" in a service, so a test can stand at the date a rule depends on. An end-to-end test or a
 * drill moves every service's clock together with {@code frontdoor.clock.offset} (an ISO-8601 duration, e.g.
 * {@code PT4H1M}; default zero); the deploy validation refuses it in the Kubernetes manifests.
 */
@ApplicationScoped
public class ClockProducer {

    @ConfigProperty(name = "frontdoor.clock.offset", defaultValue = "PT0S")
    Duration offset;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
