package org.frontdoor.triage.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;

/** Checks an event as published against its JSON Schema in referral-events. */
final class EventSchemas {

    private EventSchemas() {
    }

    static void assertValid(EventEnvelope event) throws Exception {
        EventType type = EventType.fromWireName(event.type()).orElseThrow();
        try (InputStream schema = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonNode json = EventJson.mapper().readTree(EventJson.write(event));
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json);
            assertTrue(errors.isEmpty(), type + ": " + errors);
        }
    }
}
