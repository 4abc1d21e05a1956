package org.frontdoor.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every event travels in. The payload stays a JSON tree here so that a consumer
 * can route on {@link #type()} before binding the payload to its own record, and so that
 * additive payload changes never break an older consumer.
 *
 * @param referralId the referral the event is about, and its Kafka key; absent only on events about no referral
 *            (the partner directory's {@code partner.changed}), which the outbox keys by their subject
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
        if (referralId == null && EventType.fromWireName(type).map(t -> t.aboutAReferral()).orElse(true)) {
            throw new NullPointerException("referralId");
        }
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope with a fresh event id, stamped now, at the type's current schema version. */
    public static EventEnvelope of(EventType type, UUID referralId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), type.schemaVersion(), Instant.now(),
                referralId, EventJson.mapper().valueToTree(payload));
    }

    /** An event about no referral (see {@link EventType#aboutAReferral()}), keyed by its subject instead. */
    public static EventEnvelope about(EventType type, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), type.schemaVersion(), Instant.now(), null,
                EventJson.mapper().valueToTree(payload));
    }

    /** The Kafka record key: one referral's events share a partition and so stay in order. */
    public String key() {
        if (referralId == null) {
            throw new IllegalStateException(type + " is about no referral: give the outbox its key");
        }
        return referralId.toString();
    }

    /**
     * The payload bound to a consumer's record, read off the tree as it stands (convertValue would write the tree out
     * to a buffer and read that back: twice the work on every event consumed). A payload that does not fit is an
     * {@link IllegalArgumentException}, as convertValue's was.
     */
    public <T> T payloadAs(Class<T> payloadType) {
        try {
            return EventJson.mapper().treeToValue(payload, payloadType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type + " payload does not fit " + payloadType.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
