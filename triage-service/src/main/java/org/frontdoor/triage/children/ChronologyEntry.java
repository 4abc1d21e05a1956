package org.frontdoor.triage.children;

import java.time.Instant;
import java.util.UUID;

/**
 * One event in a child's life at the front door, across merged records.
 *
 * @param childKey the record it was recorded under (before any merge)
 * @param summary what happened, in words (no child's name: the page is the child's)
 */
public record ChronologyEntry(Instant at, ChronologyEntryType type, String summary, UUID referralId,
        UUID triageItemId, UUID caseId, UUID childKey) {
}
