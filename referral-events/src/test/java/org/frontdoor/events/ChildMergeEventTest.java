package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.payload.ChildMerge;
import org.junit.jupiter.api.Test;

/** child.merged and child.unmerged: about no referral, on triage-events, carrying record keys and nothing else. */
class ChildMergeEventTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void aMergeAndItsUndoingCarryTheRecordsOnly() throws Exception {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID merge = UUID.randomUUID();
        for (EventType type : new EventType[] {EventType.CHILD_MERGED, EventType.CHILD_UNMERGED}) {
            EventEnvelope sent = EventEnvelope.about(type, new ChildMerge(survivor, duplicate, merge, Instant.now()));
            JsonNode event = EventJson.mapper().valueToTree(sent);
            JsonSchema schema = schemaOf(type);
            assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
            assertEquals(Topics.TRIAGE_EVENTS, type.topic());
            assertFalse(type.aboutAReferral());
            assertFalse(event.has("referralId"));

            ChildMerge read = ChildMerge.from(EventJson.read(EventJson.write(sent)));
            assertEquals(survivor, read.childKey());
            assertEquals(duplicate, read.duplicate());
            assertEquals(merge, read.mergeId());

            ((ObjectNode) event.get("payload")).put("lastName", "Kettleborough");
            assertFalse(schema.validate(event).isEmpty(), "no child's details");
        }
    }

    @Test
    void aMergeWithoutItsDuplicateIsMalformed() {
        EventEnvelope event = EventEnvelope.about(EventType.CHILD_MERGED,
                new ChildMerge(UUID.randomUUID(), null, UUID.randomUUID(), Instant.now()));
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> ChildMerge.from(event));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
