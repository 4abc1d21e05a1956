package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;

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

    /** Its codes in the shared code lists; {@code openCasePathway} absent with no open case. */
    public record Codes(Priority priority, Pathway openCasePathway) {
    }

    /** Its codes, read; an unknown one, or no priority, is a {@link org.frontdoor.events.MalformedEventException}. */
    public Codes codes() {
        String event = "triage.queued";
        return new Codes(PayloadReader.required(Priority.class, priority, event, "priority"),
                PayloadReader.optional(Pathway.class, openCasePathway, event, "openCasePathway"));
    }

    /** The one reader of a {@code triage.queued}: what cannot be read, codes included, is malformed. */
    public static TriageQueued from(EventEnvelope event) {
        return PayloadReader.read(event, TriageQueued.class, TriageQueued::codes);
    }
}
