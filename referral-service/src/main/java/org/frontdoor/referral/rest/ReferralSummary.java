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

/** One line of a search result: a contact, with each child's status and whether it became a referral. */
@Schema(name = "ReferralSummary")
public record ReferralSummary(UUID referralId, Instant receivedAt, ReferralStatus status, String sourceCode,
        String organisationName, List<ChildSummary> children) {

    @Schema(name = "ChildSummary")
    public record ChildSummary(UUID childId, String firstName, String lastName, LocalDate dateOfBirth,
            String postcode, ChildStatus status,
            @Schema(description = "CONTACT, or REFERRAL once a statutory decision made it one") RecordType recordType) {
    }

    public static ReferralSummary of(Referral r) {
        return new ReferralSummary(r.id, r.receivedAt, r.status, r.sourceCode, r.organisationName,
                r.children.stream()
                        .map(c -> new ChildSummary(c.id, c.firstName, c.lastName, c.dateOfBirth, c.postcode,
                                c.status, c.recordType()))
                        .toList());
    }

    @Schema(name = "ReferralPage")
    public record Page(int page, int size, long total, List<ReferralSummary> items) {
    }
}
