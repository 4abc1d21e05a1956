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
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.InformationRequest;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.junit.jupiter.api.Test;

/** information.requested/chased and strategy-discussion.held: references and outcomes, never a child's details. */
class InformationSharingEventsTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void aRequestTellsWhereToReadItNotWhatItAsks() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        for (EventType type : new EventType[] {EventType.INFORMATION_REQUESTED, EventType.INFORMATION_CHASED}) {
            EventEnvelope sent = EventEnvelope.of(type, referral, new InformationRequest(request, referral,
                    "south-yorks-police", "RED", Instant.parse("2026-12-07T16:00:00Z"),
                    "/api/v1/information-requests/" + request, Instant.now()));
            JsonNode event = EventJson.mapper().valueToTree(sent);
            JsonSchema schema = schemaOf(type);
            assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
            assertEquals(Topics.TRIAGE_EVENTS, type.topic());

            InformationRequest read = InformationRequest.from(EventJson.read(EventJson.write(sent)));
            assertEquals(Priority.RED, read.urgencyCode());
            assertEquals("south-yorks-police", read.organisationId());

            ((ObjectNode) event.get("payload")).put("question", "Any police involvement with the family?");
            assertFalse(schema.validate(event).isEmpty(), "the question is read with the partner's token");
        }
    }

    @Test
    void anUnknownUrgencyIsMalformed() {
        UUID referral = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.INFORMATION_REQUESTED, referral, new InformationRequest(
                UUID.randomUUID(), referral, "nhs-trust", "PURPLE", Instant.now(), "/x", Instant.now()));
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> InformationRequest.from(event));
        assertTrue(e.getMessage().contains("urgency"), e.getMessage());
    }

    @Test
    void aStrategyDiscussionTellsItsOutcomeNotItsMinutes() throws Exception {
        UUID referral = UUID.randomUUID();
        EventEnvelope sent = EventEnvelope.of(EventType.STRATEGY_DISCUSSION_HELD, referral,
                new StrategyDiscussionHeld(UUID.randomUUID(), referral, Instant.parse("2026-12-07T10:00:00Z"),
                        List.of("south-yorks-police", "doncaster-health"), true, null, Instant.now()));
        JsonNode event = EventJson.mapper().valueToTree(sent);
        JsonSchema schema = schemaOf(EventType.STRATEGY_DISCUSSION_HELD);
        assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
        StrategyDiscussionHeld read = StrategyDiscussionHeld.from(EventJson.read(EventJson.write(sent)));
        assertEquals(List.of("south-yorks-police", "doncaster-health"), read.attendingOrganisations());
        assertTrue(read.section47Enquiry());
        ((ObjectNode) event.get("payload")).put("minutes", "Police shared two callouts.");
        assertFalse(schema.validate(event).isEmpty(), "the minutes stay in triage");
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
