package org.frontdoor.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a submission is answered with, decided before anything is written: it is also what an {@code Idempotency-Key}
 * is kept with, and replayed as, so its JSON is the API's answer.
 */
public record ReferralReceipt(UUID referralId, String reference, Instant receivedAt, ReferralStatus status,
        Instant acknowledgementDueBy, String externalReference, List<ChildRef> children) {

    /** The same answer with the contact's human reference (kept answers are stored before it is taken). */
    public ReferralReceipt withReference(String humanReference) {
        return new ReferralReceipt(referralId, humanReference, receivedAt, status, acknowledgementDueBy,
                externalReference, children);
    }

    /** A child's id, by its position in the submission. */
    public record ChildRef(int position, UUID childId) {
    }
}
