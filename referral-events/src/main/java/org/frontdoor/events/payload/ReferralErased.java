package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.RetentionKind;

/**
 * Payload of {@code referral.erased}: the referral service deleted a contact's record under the retention schedule
 * (docs/retention.md); every other service deletes what it holds of it. Carries no personal data.
 *
 * @param retentionKind the schedule's kind of record that expired: {@code contacts} or {@code childrens-records}
 */
public record ReferralErased(UUID referralId, List<UUID> childIds, String retentionKind, Instant erasedAt) {

    /** The kind of record that expired; absent when the event leaves it out. */
    public RetentionKind retention() {
        return PayloadReader.optionalCode(RetentionKind.class, retentionKind, "referral.erased", "retentionKind");
    }

    /** The one reader of a {@code referral.erased}: what cannot be read, its kind included, is malformed. */
    public static ReferralErased from(EventEnvelope event) {
        return PayloadReader.read(event, ReferralErased.class, ReferralErased::retention);
    }
}
