package org.frontdoor.referral.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.referral.domain.SharingConsentCommand;
import org.frontdoor.support.validation.PlainText;

/** A young adult's consent to share with partner agencies, as the front door (or a partner system) records it. */
@Schema(name = "SharingConsent", description = "A young adult's (18 or over) explicit consent to share anything"
        + " about them with partner agencies. Without GIVEN the referrer hears only that the referral was received;"
        + " GIVEN sent by a partner system is a report that counts once the front door confirms it.")
public record SharingConsentRequest(
        @Schema(description = "GIVEN or REFUSED (NOT_RECORDED, on a submission, is the same as leaving it out)",
                required = true, example = "GIVEN") SharingConsentStatus status,
        @Schema(description = "Who took the consent or refusal (a worker's name or sign-in); default: your sign-in",
                example = "S. Lee, front door") @Size(max = 200) @PlainText String recordedBy,
        @Schema(description = "When it was given or refused; default: now", example = "2026-11-23T10:05:00Z")
        Instant recordedAt) {

    public SharingConsentCommand toCommand() {
        return new SharingConsentCommand(status, recordedBy, recordedAt);
    }
}
