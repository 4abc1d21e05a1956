package org.frontdoor.support.ratelimit;

/**
 * One caller's allowance: full at {@code burst} requests, refilled continuously at the policy's rate. Not shared
 * between replicas.
 */
final class TokenBucket {

    private final RatePolicy policy;
    private double tokens;
    private long updatedAt;

    TokenBucket(RatePolicy policy, long now) {
        this.policy = policy;
        this.tokens = policy.burst();
        this.updatedAt = now;
    }

    /** Takes one request's token if there is one; says either way where the caller stands. */
    synchronized RateDecision take(long now) {
        if (now > updatedAt) {
            tokens = Math.min(policy.burst(), tokens + (now - updatedAt) * policy.refillPerNano());
            updatedAt = now;
        }
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : seconds((1 - tokens) / policy.refillPerNano());
        long untilFull = seconds((policy.burst() - tokens) / policy.refillPerNano());
        return new RateDecision(policy, allowed, (int) Math.floor(tokens), untilFull, Math.max(1, retryAfter));
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1e9);
    }
}
