package org.frontdoor.support.ratelimit;

/**
 * Whether a request is within its caller's limit, with what the RateLimit header fields tell the caller:
 * {@code remaining} requests that may come at once now, {@code resetSeconds} until the whole burst is available
 * again, and for a refusal {@code retryAfterSeconds} until one more request is.
 */
public record RateDecision(RatePolicy policy, boolean allowed, int remaining, long resetSeconds,
        long retryAfterSeconds) {

    /** {@code RateLimit}: e.g. {@code "partner";r=998;t=1}. */
    public String header() {
        return "\"" + policy.name() + "\";r=" + remaining + ";t=" + resetSeconds;
    }
}
