package org.frontdoor.support.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;

/** One entry of the audit trail: who did what to which record, when, and its place in the hash chain. */
@Schema(name = "AuditEntry")
public record AuditEntry(
        @Schema(example = "1042", minimum = "1", maximum = Bounds.LONG_MAX) long id,
        Instant at,
        @Schema(description = "The user (token subject), or 'system' for background work", maxLength = 200) String actor,
        @Schema(description = "Their roles, comma-separated", maxLength = 200) String roles,
        @Schema(description = "A partner's organisation, from the token", maxLength = 200) String organisation,
        @Schema(example = "referral.read", maxLength = 60) String action,
        UUID referralId,
        @Schema(description = "What, in ids and counts; a search's criteria and the ids it found", maxLength = 8000)
        String detail,
        @Schema(description = "Its place in the hash chain; absent for the few seconds before it is sealed",
                minimum = "0", maximum = Bounds.LONG_MAX)
        Long sealSeq) {

    @Schema(name = "AuditPage")
    public record Page(@Schema(minimum = "0", maximum = "100000") int page,
            @Schema(minimum = "1", maximum = "1000") int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total, @Schema(maxItems = 1000) List<AuditEntry> items) {
    }
}
