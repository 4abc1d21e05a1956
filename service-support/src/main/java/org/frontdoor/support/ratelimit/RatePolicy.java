package org.frontdoor.support.ratelimit;

/**
 * One limit as the IETF RateLimit header fields name it (draft-ietf-httpapi-ratelimit-headers): {@code name} is
 * the policy's key, {@code quota} the requests allowed in {@code windowSeconds}, {@code burst} how many of them may
 * come at once.
 */
public record RatePolicy(String name, int quota, int windowSeconds, int burst) {

    public static final String PARTNER = "partner";
    public static final String USER = "user";

    /** {@code RateLimit-Policy}: e.g. {@code "partner";q=3000;w=60}. */
    public String header() {
        return "\"" + name + "\";q=" + quota + ";w=" + windowSeconds;
    }

    /** Tokens added per nanosecond. */
    double refillPerNano() {
        return quota / (windowSeconds * 1e9);
    }
}
