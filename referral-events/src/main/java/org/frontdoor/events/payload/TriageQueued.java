package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code triage.queued}: a child of a contact is in the MASH screening queue. Every
 * contact is screened, including one about a child with an open case (whose lead worker is told
 * at once).
 *
 * @param priority RED, AMBER or GREEN
 * @param deadline when the screening decision is due
 * @param toAllocatedWorker always false: kept for consumers of the first version, when a contact about a
 *        child with an open case bypassed screening
 * @param openCaseId the child's open case, if any
 * @param openCasePathway EARLY_HELP or SOCIAL_CARE, with openCaseId
 */
public record TriageQueued(UUID referralId, UUID childId, UUID triageItemId, String priority, Instant deadline,
        boolean toAllocatedWorker, Instant queuedAt, UUID openCaseId, String openCasePathway) {
}
