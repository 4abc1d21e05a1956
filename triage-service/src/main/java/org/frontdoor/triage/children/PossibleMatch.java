package org.frontdoor.triage.children;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
public record PossibleMatch(UUID childKey, int score, List<String> reasons, List<EarlierContact> earlierContacts) {

    /** One earlier contact about the possible match, and what became of it (nothing yet while undecided). */
    public record EarlierContact(UUID referralId, UUID triageItemId, Instant receivedAt, Outcome outcome,
            Pathway pathway, Integer decidedLevel) {
    }
}
