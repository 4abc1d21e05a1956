package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code triage.decided}: the decision for one child. {@code referrerFeedback} is
 * the text the worker wrote for the referrer; the rest is what the front door decided.
 * The triage issue may add fields (additive only).
 */
public record TriageDecided(UUID referralId, UUID childId, UUID triageItemId, int level, String outcome,
        String pathway, String primaryNeedCode, String referrerFeedback, String decidedBy, Instant decidedAt,
        boolean metDeadline) {
}
