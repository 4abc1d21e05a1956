package org.frontdoor.referral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.testsupport.KafkaProbe;

/** The events this service's tests read back from the broker, and the check that each matches its JSON Schema. */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    /** A referral's events of one type; each type travels on its own topic (EventType.topic). */
    public static List<EventEnvelope> eventsOf(UUID referralId, String type) {
        return KafkaProbe.readAll(EventType.fromWireName(type).orElseThrow().topic()).stream()
                .filter(r -> referralId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals(type))
                .toList();
    }

    /** Fails the test unless the event, as written to the wire, is valid against its type's schema. */
    public static void valid(EventEnvelope event) throws Exception {
        EventType type = EventType.fromWireName(event.type()).orElseThrow();
        try (InputStream schema = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonNode json = EventJson.mapper().readTree(EventJson.write(event));
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json);
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }
}
