package org.frontdoor.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.referral.domain.ChildStatus;
import org.frontdoor.referral.domain.RecordType;
import org.frontdoor.referral.domain.Referral;
import org.frontdoor.referral.domain.ReferralStatus;
import org.frontdoor.support.openapi.Bounds;

/** One line of a search result: a contact, with each child's status and whether it became a referral. */
@Schema(name = "ReferralSummary")
public record ReferralSummary(UUID referralId,
        @Schema(description = "The contact's short human reference", example = "FD-2026-004213", maxLength = 30)
        String reference,
        Instant receivedAt, ReferralStatus status,
        @Schema(description = "CIN referral source", example = "2A", maxLength = 2) String sourceCode,
        @Schema(maxLength = 200) String organisationName,
        @Schema(description = "At most 20 children a contact, as submitted", maxItems = 20)
        List<ChildSummary> children) {

    @Schema(name = "ChildSummary")
    public record ChildSummary(UUID childId, @Schema(maxLength = 100) String firstName,
            @Schema(maxLength = 100) String lastName, LocalDate dateOfBirth,
            @Schema(maxLength = 10) String postcode, ChildStatus status,
            @Schema(description = "CONTACT, or REFERRAL once a statutory decision made it one") RecordType recordType) {
    }

    public static ReferralSummary of(Referral r) {
        return new ReferralSummary(r.id, r.reference, r.receivedAt, r.status, r.sourceCode, r.organisationName,
                r.children.stream()
                        .map(c -> new ChildSummary(c.id, c.firstName, c.lastName, c.dateOfBirth, c.postcode,
                                c.status, c.recordType()))
                        .toList());
    }

    @Schema(name = "ReferralPage")
    public record Page(@Schema(minimum = "0", maximum = "10000") int page,
            @Schema(minimum = "1", maximum = "100") int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = 100) List<ReferralSummary> items) {
    }
}
