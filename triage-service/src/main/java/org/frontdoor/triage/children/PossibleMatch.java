package org.frontdoor.triage.children;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;

/**
 * An earlier record that may be the same child, for a person to confirm (merge) or reject (not the same child).
 *
 * @param childKey the earlier record (its root: merged records count as one)
 * @param score 0-100, higher is stronger evidence
 * @param reasons why, in words a worker reads ("surname sounds alike", "same date of birth", "postcode differs")
 * @param earlierContacts the record's contacts received before the one being screened, newest first
 */
@Schema(name = "PossibleMatch", description = "An earlier record that may be the same child: confirm it (merge) or"
        + " reject it (not the same child), never joined automatically")
public record PossibleMatch(
        @Schema(description = "The earlier record (merged records count as one)") UUID childKey,
        @Schema(description = "How alike, 0-100: higher is stronger evidence", minimum = "0", maximum = "100") int score,
        @Schema(description = "Why, in words", example = "[\"surname sounds alike\", \"first name sounds alike\","
                + " \"same date of birth\", \"postcode missing\"]", maxItems = 12)
        List<@Size(max = 200) String> reasons,
        @Schema(description = "The record's contacts received before this one, newest first (at most"
                + " frontdoor.matching.max-earlier-contacts)", maxItems = 100)
        List<EarlierContact> earlierContacts) {

    /** One earlier contact about the possible match, and what became of it (nothing yet while undecided). */
    @Schema(name = "EarlierContact", description = "An earlier contact about the possible match and its outcome")
    public record EarlierContact(UUID referralId, UUID triageItemId, Instant receivedAt, Outcome outcome,
            Pathway pathway, @Schema(minimum = "1", maximum = "4") Integer decidedLevel) {
    }
}
