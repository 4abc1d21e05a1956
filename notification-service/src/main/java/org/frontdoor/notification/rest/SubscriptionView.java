package org.frontdoor.notification.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.notification.domain.Subscription;

@Schema(name = "Subscription", description = "Your organisation's webhook. The secret is never shown again.")
public record SubscriptionView(
        @Schema(example = "hillside-primary", maxLength = 100) String organisationId,
        @Schema(example = "https://cases.hillside.example/hooks/frontdoor", maxLength = 2000) String callbackUrl,
        @Schema(description = "True: a secret is set (it is write-only)", example = "true") boolean secretSet,
        @Schema(description = "While a rotation's overlap runs: until when the previous secret still signs, as a"
                + " second v1 signature after the new one's; null otherwise.",
                example = "2026-11-24T09:00:00Z", nullable = true, maxLength = 35) Instant previousSecretValidUntil,
        @Schema(description = "How deliveries are signed", example = "Standard Webhooks v1: HMAC-SHA256 over"
                + " webhook-id.webhook-timestamp.body", maxLength = 100) String signature,
        Instant createdAt,
        Instant updatedAt) {

    static final String SIGNATURE = "Standard Webhooks v1: HMAC-SHA256 over webhook-id.webhook-timestamp.body";

    static SubscriptionView of(Subscription s, Instant now) {
        return new SubscriptionView(s.organisationId, s.callbackUrl, true, s.overlapEnd(now), SIGNATURE,
                s.createdAt, s.updatedAt);
    }
}
