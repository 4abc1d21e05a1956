package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code triage.queued}: a child of a referral is with the MASH, either in the triage
 * queue or, when the child has an open case, with the case's allocated worker.
 *
 * @param priority RED, AMBER or GREEN
 * @param deadline when the screening decision is due
 */
public record TriageQueued(UUID referralId, UUID childId, UUID triageItemId, String priority, Instant deadline,
        boolean toAllocatedWorker, Instant queuedAt) {
}
