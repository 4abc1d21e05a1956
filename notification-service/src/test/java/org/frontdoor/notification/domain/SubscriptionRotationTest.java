package org.frontdoor.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which secrets sign a delivery as time moves through a rotation's overlap. */
class SubscriptionRotationTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void bothSecretsSignDuringTheOverlapNewFirstThenOnlyTheNewOne() {
        Subscription s = subscription("old");
        s.changeSecret("new", T0, T0.plus(Duration.ofHours(24)));
        assertEquals(List.of("new", "old"), s.signingSecretsEncrypted(T0));
        assertEquals(List.of("new", "old"), s.signingSecretsEncrypted(T0.plus(Duration.ofHours(23))));
        assertEquals(T0.plus(Duration.ofHours(24)), s.overlapEnd(T0.plusSeconds(60)));
        // at the end of the overlap the previous secret stops signing
        assertEquals(List.of("new"), s.signingSecretsEncrypted(T0.plus(Duration.ofHours(24))));
        assertEquals(List.of("new"), s.signingSecretsEncrypted(T0.plus(Duration.ofDays(3))));
        assertNull(s.overlapEnd(T0.plus(Duration.ofHours(25))));
    }

    @Test
    void anOverlapEndingNowOrBeforeDropsThePreviousSecretAtOnce() {
        Subscription s = subscription("old");
        s.changeSecret("new", T0, T0);
        assertNull(s.previousSecretEncrypted);
        assertEquals(List.of("new"), s.signingSecretsEncrypted(T0));
    }

    @Test
    void aSecondChangeKeepsOnlyTheSecretItReplacesAndTheEndCanMove() {
        Subscription s = subscription("first");
        s.changeSecret("second", T0, T0.plus(Duration.ofHours(24)));
        s.changeSecret("third", T0.plusSeconds(3600), T0.plus(Duration.ofHours(2)));
        assertEquals(List.of("third", "second"), s.signingSecretsEncrypted(T0.plusSeconds(3700)));
        s.endOverlapAt(T0.plusSeconds(3800), T0.plusSeconds(3750));
        assertTrue(s.inOverlap(T0.plusSeconds(3799)));
        assertFalse(s.inOverlap(T0.plusSeconds(3800)));
        s.endOverlapAt(T0, T0.plusSeconds(3790)); // the partner ends it now
        assertNull(s.previousSecretEncrypted);
        assertNull(s.previousSecretValidUntil);
    }

    private static Subscription subscription(String secret) {
        Subscription s = new Subscription();
        s.organisationId = "hillside";
        s.secretEncrypted = secret;
        return s;
    }
}
