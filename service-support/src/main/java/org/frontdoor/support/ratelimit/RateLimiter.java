package org.frontdoor.support.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callers' allowances on this replica, by key ({@code partner:<org>} or {@code user:<subject>}). At most
 * {@code max-callers} are kept: the least recently seen is forgotten first, so a flood of new identities costs
 * memory no more than that (a forgotten caller starts again with a full allowance).
 */
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final RatePolicy partner;
    private final RatePolicy user;
    private final Map<String, TokenBucket> buckets;

    @Inject
    RateLimiter(RateLimitConfig config) {
        this(config.enabled(), new RatePolicy(RatePolicy.PARTNER, config.partner().requestsPerMinute(), 60,
                config.partner().burst()), new RatePolicy(RatePolicy.USER, config.user().requestsPerMinute(), 60,
                        config.user().burst()), config.maxCallers());
    }

    RateLimiter(boolean enabled, RatePolicy partner, RatePolicy user, int maxCallers) {
        this.enabled = enabled;
        this.partner = partner;
        this.user = user;
        this.buckets = new LinkedHashMap<>(Math.min(maxCallers, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxCallers;
            }
        };
    }

    public boolean enabled() {
        return enabled;
    }

    /** A partner organisation's request: counted against the organisation, whichever of its systems sent it. */
    public RateDecision takeForOrganisation(String organisation, long now) {
        return take("partner:" + organisation, partner, now);
    }

    /** A signed-in person's (or an organisation-less system's) request, by the token's subject. */
    public RateDecision takeForUser(String subject, long now) {
        return take("user:" + subject, user, now);
    }

    /** How many callers this replica remembers now. */
    public synchronized int callers() {
        return buckets.size();
    }

    private RateDecision take(String key, RatePolicy policy, long now) {
        TokenBucket bucket;
        synchronized (this) {
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(policy, now));
        }
        return bucket.take(now);
    }
}
