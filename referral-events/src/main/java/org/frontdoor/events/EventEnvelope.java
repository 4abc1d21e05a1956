package org.frontdoor.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every event travels in. The payload stays a JSON tree here so that a consumer
 * can route on {@link #type()} before binding the payload to its own record, and so that
 * additive payload changes never break an older consumer.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        UUID referralId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope with a fresh event id, stamped now, at the type's current schema version. */
    public static EventEnvelope of(EventType type, UUID referralId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), type.schemaVersion(), Instant.now(),
                referralId, EventJson.mapper().valueToTree(payload));
    }

    /** The Kafka record key: one referral's events share a partition and so stay in order. */
    public String key() {
        return referralId.toString();
    }

    public <T> T payloadAs(Class<T> payloadType) {
        return EventJson.mapper().convertValue(payload, payloadType);
    }
}
