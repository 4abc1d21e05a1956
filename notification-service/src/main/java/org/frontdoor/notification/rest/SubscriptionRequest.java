package org.frontdoor.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubscriptionRequest", description = "Where to POST your organisation's messages, and the key to sign them with")
public record SubscriptionRequest(
        @Schema(description = "Your endpoint; https (plain http only for local runs)", required = true,
                example = "https://cases.hillside.example/hooks/frontdoor") String callbackUrl,
        @Schema(description = "Signing secret, Standard Webhooks form whsec_<base64 of 24-64 random bytes>"
                + " (recommended: the libraries take it as is), or 32-200 printable characters. Write-only.",
                required = true, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    @Override
    public String toString() {
        return "SubscriptionRequest[callbackUrl=" + callbackUrl + "]";
    }
}
