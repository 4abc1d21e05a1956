package org.frontdoor.support.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic and the bound on the callers a replica remembers, on a clock the test moves. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private static RateLimiter limiter(int partnerPerMinute, int partnerBurst, int maxCallers) {
        return new RateLimiter(true, new RatePolicy(RatePolicy.PARTNER, partnerPerMinute, 60, partnerBurst),
                new RatePolicy(RatePolicy.USER, 60, 60, 2), maxCallers);
    }

    @Test
    void aBurstIsTakenThenTheAllowanceRefillsAtTheRate() {
        RateLimiter limiter = limiter(120, 5, 100); // 2 a second, 5 at once
        for (int i = 0; i < 5; i++) {
            RateDecision d = limiter.takeForOrganisation("school", 0);
            assertTrue(d.allowed());
            assertEquals(4 - i, d.remaining());
        }
        RateDecision refused = limiter.takeForOrganisation("school", 0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds(), "one token in half a second, rounded up");
        assertEquals("\"partner\";r=0;t=3", refused.header(), "all five back in 2.5 s, rounded up");
        assertEquals("\"partner\";q=120;w=60", refused.policy().header());
        // half a second later one request passes, and only one
        assertTrue(limiter.takeForOrganisation("school", SECOND / 2).allowed());
        assertFalse(limiter.takeForOrganisation("school", SECOND / 2).allowed());
        // a long quiet spell refills to the burst, never beyond it
        assertEquals(4, limiter.takeForOrganisation("school", 3600 * SECOND).remaining());
    }

    @Test
    void anOrganisationAndAPersonOfTheSameNameAreCountedApart() {
        RateLimiter limiter = limiter(60, 1, 100);
        assertTrue(limiter.takeForOrganisation("x", 0).allowed());
        assertFalse(limiter.takeForOrganisation("x", 0).allowed());
        RateDecision person = limiter.takeForUser("x", 0);
        assertTrue(person.allowed());
        assertEquals("\"user\";q=60;w=60", person.policy().header());
    }

    @Test
    void theCallersAReplicaRemembersAreBoundedLeastRecentlySeenForgottenFirst() {
        RateLimiter limiter = limiter(60, 1, 2);
        assertTrue(limiter.takeForOrganisation("a", 0).allowed());
        assertTrue(limiter.takeForOrganisation("b", 0).allowed());
        assertFalse(limiter.takeForOrganisation("a", 0).allowed()); // a is now the most recently seen
        assertTrue(limiter.takeForOrganisation("c", 0).allowed()); // b is forgotten
        assertEquals(2, limiter.callers());
        assertFalse(limiter.takeForOrganisation("a", 0).allowed(), "a is still remembered, and still empty");
        assertTrue(limiter.takeForOrganisation("b", 0).allowed(), "b was forgotten: it starts full again");
        assertEquals(2, limiter.callers());
    }
}
