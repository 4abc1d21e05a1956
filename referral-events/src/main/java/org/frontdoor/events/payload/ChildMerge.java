package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.MalformedEventException;

/**
 * Payload of {@code child.merged} and {@code child.unmerged}: which record was joined to (or separated from) which.
 * Who decided and why stay in triage's audit; no child's details travel.
 *
 * @param childKey the surviving record: after a merge the duplicate's contacts, case and census record count under it
 * @param duplicate the record merged into it (or, on child.unmerged, separated from it again)
 * @param mergeId the merge, the same on both events, so a consumer can tell a repeat from a new merge
 */
public record ChildMerge(UUID childKey, UUID duplicate, UUID mergeId, Instant occurredAt) {

    /** The one reader of a child.merged or child.unmerged: what cannot be read is malformed. */
    public static ChildMerge from(EventEnvelope event) {
        return PayloadReader.read(event, ChildMerge.class, m -> {
            if (m.childKey() == null || m.duplicate() == null || m.mergeId() == null) {
                throw new MalformedEventException(event.type() + " " + event.eventId()
                        + " names no surviving record, duplicate or merge");
            }
        });
    }
}
