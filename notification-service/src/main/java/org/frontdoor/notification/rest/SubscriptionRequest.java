package org.frontdoor.notification.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubscriptionRequest", description = "Where to POST your organisation's messages, and the key to sign them with")
public record SubscriptionRequest(
        @Schema(description = "Your endpoint: https, on a host that resolves only to public addresses (never"
                + " loopback, private, link-local, shared, benchmarking, multicast or unspecified ones). Redirects"
                + " are not followed.", required = true,
                example = "https://cases.hillside.example/hooks/frontdoor", maxLength = 2000) String callbackUrl,
        @Schema(description = "Signing secret, Standard Webhooks form whsec_<base64 of 24-64 random bytes>"
                + " (recommended: the libraries take it as is), or 32-200 printable characters. Write-only; kept"
                + " encrypted. A secret different from the current one starts a rotation: the current one goes on"
                + " signing, as a second signature, until previousSecretValidUntil.",
                required = true, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 200) String secret,
        @Schema(description = "Optional. With a new secret: until when the previous secret still signs (default"
                + " 24 hours from now, at most 7 days; now or a past time drops it at once, e.g. when it leaked)."
                + " With the same secret: moves the end of a running overlap.",
                example = "2026-11-24T09:00:00Z") Instant previousSecretValidUntil) {

    @Override
    public String toString() {
        return "SubscriptionRequest[callbackUrl=" + callbackUrl + "]";
    }
}
