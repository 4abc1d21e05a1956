package org.frontdoor.referral.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.referral.domain.ReferralReceipt;
import org.frontdoor.referral.domain.ReferralStatus;

/** The answer to a submission: the reference to quote, the ids, and when the referrer will be acknowledged by. */
@Schema(name = "ReferralCreated")
public record ReferralCreated(
        @Schema(example = "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11") UUID referralId,
        @Schema(description = "The contact's short human reference: the council's prefix, the year and a number within"
                + " the year. What people quote, in messages, on the phone and in the console; never changes. Absent"
                + " for a contact taken before references existed", example = "FD-2026-004213", maxLength = 30)
        String reference,
        @Schema(example = "2026-11-23T10:15:00Z") Instant receivedAt,
        @Schema(example = "RECEIVED") ReferralStatus status,
        @Schema(description = "Within 1 working day (England and Wales bank holidays excluded)",
                example = "2026-11-24T10:15:00Z") Instant acknowledgementDueBy,
        @Schema(description = "The referrer's own reference, if given", example = "HPS-2026-0042", maxLength = 100) String externalReference,
        @Schema(description = "One id per child, in the order the request named them", maxItems = 20) List<ChildRef> children) {

    @Schema(name = "ChildRef")
    public record ChildRef(
            @Schema(description = "Index of the child in the request", example = "0", minimum = "0", maximum = "19") int position,
            @Schema(example = "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21") UUID childId) {
    }

    public static ReferralCreated from(ReferralReceipt receipt) {
        return new ReferralCreated(receipt.referralId(), receipt.reference(), receipt.receivedAt(), receipt.status(),
                receipt.acknowledgementDueBy(), receipt.externalReference(), receipt.children().stream()
                        .map(c -> new ChildRef(c.position(), c.childId())).toList());
    }
}
