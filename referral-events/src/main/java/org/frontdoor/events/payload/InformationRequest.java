package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Priority;

/**
 * Payload of {@code information.requested} and {@code information.chased}: which organisation is asked, by when,
 * and where it reads the request. Never the question or the children: the partner reads those with its own token.
 *
 * @param urgency RED, AMBER or GREEN (the deadline follows it)
 * @param link the request's address in the triage API, for the partner's system
 */
public record InformationRequest(UUID requestId, UUID referralId, String organisationId, String urgency,
        Instant deadline, String link, Instant occurredAt) {

    /** Its urgency, read; an unknown one is a {@link org.frontdoor.events.MalformedEventException}. */
    public Priority urgencyCode() {
        return PayloadReader.required(Priority.class, urgency, "information request " + requestId, "urgency");
    }

    /** The one reader of an information.requested or information.chased: what cannot be read is malformed. */
    public static InformationRequest from(EventEnvelope event) {
        return PayloadReader.read(event, InformationRequest.class, r -> {
            r.urgencyCode();
            if (r.requestId() == null || r.organisationId() == null || r.deadline() == null) {
                throw new org.frontdoor.events.MalformedEventException(event.type() + " " + event.eventId()
                        + " names no request, organisation or deadline");
            }
        });
    }
}
