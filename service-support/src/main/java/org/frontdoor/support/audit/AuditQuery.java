package org.frontdoor.support.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which audit entries an information-governance officer asks for: about a child's record, by a user, in a time. */
@Schema(name = "AuditQuery", description = "Audit entries fitting every criterion given (each optional), oldest"
        + " first")
public record AuditQuery(
        @Schema(description = "About this contact (the referral id every service keys its records by)")
        UUID referralId,
        @Schema(description = "By this user (the token's subject), or 'system'", example = "dev-triage-worker",
                maxLength = 200) @Size(max = 200) String actor,
        @Schema(description = "This action only", example = "referral.read", maxLength = 60) @Size(max = 60)
        String action,
        @Schema(description = "At or after", example = "2026-11-01T00:00:00Z") Instant from,
        @Schema(description = "Before", example = "2026-12-01T00:00:00Z") Instant to,
        @Schema(description = "Page, from 0", defaultValue = "0", minimum = "0", maximum = "100000")
        @Min(0) @Max(100_000) Integer page,
        @Schema(description = "Entries a page", defaultValue = "100", minimum = "1", maximum = "1000")
        @Min(1) @Max(1000) Integer size) {

    public static AuditQuery aboutReferral(UUID referralId) {
        return new AuditQuery(referralId, null, null, null, null, null, null);
    }

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? 100 : size;
    }

    /** The criteria, as the audit of the search keeps them. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        for (Object[] c : new Object[][] { { "referralId", referralId }, { "actor", actor }, { "action", action },
                { "from", from }, { "to", to } }) {
            if (c[1] != null && !c[1].toString().isBlank()) {
                s.append(s.isEmpty() ? "" : ", ").append(c[0]).append('=').append(c[1]);
            }
        }
        return s.isEmpty() ? "no criteria" : s.toString();
    }
}
