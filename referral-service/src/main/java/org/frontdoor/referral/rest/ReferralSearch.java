package org.frontdoor.referral.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the front door searches contacts by. A body, not a query string: a child's surname, date of birth and
 * postcode would otherwise be written to every proxy's and server's access log on the way.
 */
@Schema(name = "ReferralSearch", description = "Contacts naming a child that fits every criterion given (each"
        + " optional), received in [from, to), newest first")
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

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? 20 : size;
    }

    /** The criteria as the audit trail keeps them: who searched for whom is what an IG officer asks. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        append(s, "surname", surname);
        append(s, "dateOfBirth", dateOfBirth);
        append(s, "postcode", postcode);
        append(s, "from", from);
        append(s, "to", to);
        return s.isEmpty() ? "no criteria" : s.toString();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            s.append(s.isEmpty() ? "" : ", ").append(name).append('=').append(value);
        }
    }
}
