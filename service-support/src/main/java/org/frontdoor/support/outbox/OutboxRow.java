package org.frontdoor.support.outbox;

import java.util.UUID;

/** One event waiting in the outbox, as the relay reads it. */
public record OutboxRow(long id, UUID eventId, String topic, String key, String type, String payload,
        String traceParent) {
}
