package org.frontdoor.support.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one way the services take the time. */
public final class Instants {

    private Instants() {
    }

    /**
     * Now by the given clock, to the microsecond: PostgreSQL keeps microseconds, so an instant read back equals the
     * one written and compared.
     */
    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
