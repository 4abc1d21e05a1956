package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code referral.erased}: the referral service deleted a contact's record under the retention schedule
 * (docs/retention.md); every other service deletes what it holds of it. Carries no personal data.
 *
 * @param retentionKind the schedule's kind of record that expired: {@code contacts} or {@code childrens-records}
 */
public record ReferralErased(UUID referralId, List<UUID> childIds, String retentionKind, Instant erasedAt) {
}
