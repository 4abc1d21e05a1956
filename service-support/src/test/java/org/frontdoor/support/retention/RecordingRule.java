package org.frontdoor.support.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** A rule of the test application: remembers the cut-off it was given, so the configured period can be checked. */
@ApplicationScoped
public class RecordingRule implements RetentionRule {

    private volatile Instant lastCutoff;

    /** Read through a method: a field read on the injected client proxy would see the proxy's own field. */
    Instant lastCutoff() {
        return lastCutoff;
    }

    @Override
    public String kind() {
        return "test-effects";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(1);
    }

    @Override
    public int prune(Instant cutoff) {
        lastCutoff = cutoff;
        return 0;
    }
}
