package org.frontdoor.support.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Request rates per caller, counted in memory by each replica (docs/architecture.md): a partner organisation (the
 * token's {@code org} claim) shares one allowance across all its systems, and every other signed-in person (the
 * token's subject, console sessions too) has one of their own. The defaults are far above what a school's or a police
 * force's system sends in normal use; they stop a runaway loop or a scraper, not a busy Monday.
 */
@ConfigMapping(prefix = "frontdoor.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    Partner partner();

    User user();

    /**
     * Callers whose allowance a replica remembers; past this the least recently seen is forgotten (it starts again with
     * a full allowance), so the memory a replica spends on limits is bounded whoever calls.
     */
    @WithDefault("10000")
    @Min(1)
    int maxCallers();

    /** A partner organisation's systems together. */
    interface Partner {
        /** The sustained rate: the allowance refills at this many requests a minute. */
        @WithDefault("3000")
        @Min(1)
        int requestsPerMinute();

        /** The most requests taken at once, after a quiet spell (the bucket's size). */
        @WithDefault("1000")
        @Min(1)
        int burst();
    }

    /** One signed-in person (or system without an organisation), by the token's subject. */
    interface User {
        @WithDefault("1200")
        @Min(1)
        int requestsPerMinute();

        @WithDefault("300")
        @Min(1)
        int burst();
    }
}
