package org.frontdoor.support.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the rate limiter reads the time: the JVM's monotonic clock. A bean of its own so that a test can stand the
 * buckets still and move them on exactly, instead of racing the wall clock on a busy machine.
 */
@ApplicationScoped
public class RateLimitClock {

    public long nanos() {
        return System.nanoTime();
    }
}
