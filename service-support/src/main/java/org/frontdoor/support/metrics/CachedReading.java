package org.frontdoor.support.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * A reading from the database behind a set of gauges, taken at most once every {@code freshFor}: Prometheus scrapes
 * often and several gauges share one reading, so the scrapes in between see the last one. While it cannot be read,
 * the gauges show NaN (no data), never a stale or invented figure.
 */
public final class CachedReading<T> {

    private static final Logger LOG = Logger.getLogger(CachedReading.class);

    private final String what;
    private final Duration freshFor;
    private final Clock clock;
    private final Function<Instant, T> read;

    private volatile T latest;
    private volatile Instant readAt = Instant.EPOCH;

    /** {@code read} is given the time of the reading; {@code what} names it in the debug log when it fails. */
    public CachedReading(String what, Duration freshFor, Clock clock, Function<Instant, T> read) {
        this.what = what;
        this.freshFor = freshFor;
        this.clock = clock;
        this.read = read;
    }

    /** A figure of the latest reading, read again once it is older than {@code freshFor} or the clock went back. */
    public double value(ToDoubleFunction<T> figure) {
        Instant now = Instant.now(clock);
        if (now.isAfter(readAt.plus(freshFor)) || now.isBefore(readAt)) {
            try {
                latest = read.apply(now);
            } catch (RuntimeException e) {
                LOG.debugf("%s not read (%s)", what, e.getClass().getSimpleName());
                latest = null;
            }
            readAt = now;
        }
        T reading = latest;
        return reading == null ? Double.NaN : figure.applyAsDouble(reading);
    }
}
