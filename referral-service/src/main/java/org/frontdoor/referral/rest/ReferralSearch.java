package org.frontdoor.referral.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.problem.Problem;

/**
 * What the front door searches contacts by. A body, not a query string: a child's surname, date of birth and
 * postcode would otherwise be written to every proxy's and server's access log on the way.
 */
@Schema(name = "ReferralSearch", description = "Contacts naming a child that fits every criterion given, received in"
        + " [from, to), newest first. A surname or a date of birth is required; the rest narrow it")
public record ReferralSearch(
        @Schema(example = "Smith", maxLength = 100, description = "Any case, as written on the contact")
        @Size(max = 100) String surname,
        @Schema(example = "2016-04-02") LocalDate dateOfBirth,
        @Schema(example = "DN1 1AA", maxLength = 10, description = "Any case and spacing")
        @Size(max = 10) String postcode,
        @Schema(description = "Received at or after", example = "2026-11-01T00:00:00Z") Instant from,
        @Schema(description = "Received before", example = "2026-12-01T00:00:00Z") Instant to,
        @Schema(description = "Page, from 0", defaultValue = "0", minimum = "0", maximum = "10000")
        @Min(0) @Max(10_000) Integer page,
        @Schema(description = "Contacts a page", defaultValue = "20", minimum = "1", maximum = "100")
        @Min(1) @Max(100) Integer size) {

    static final String NEEDS_A_CHILD = "a search needs a surname or a date of birth";

    /**
     * A search finds a child: without a surname or a date of birth it would page through every contact, with the
     * children's names and dates of birth, so both fields are named as missing.
     */
    public List<Problem.FieldError> missingCriteria() {
        if (dateOfBirth != null || (surname != null && !surname.isBlank())) {
            return List.of();
        }
        return List.of(new Problem.FieldError("dateOfBirth", NEEDS_A_CHILD),
                new Problem.FieldError("surname", NEEDS_A_CHILD));
    }

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? 20 : size;
    }

    /** The criteria as the audit trail keeps them: who searched for whom is what an IG officer asks. */
    public String describe() {
        return AuditLog.criteria("surname", surname, "dateOfBirth", dateOfBirth, "postcode", postcode, "from", from,
                "to", to);
    }
}
