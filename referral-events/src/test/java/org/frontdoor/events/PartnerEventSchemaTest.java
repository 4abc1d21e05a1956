package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.payload.PartnerChanged;
import org.junit.jupiter.api.Test;

/** partner.changed: about no referral, on its own compacted topic, with no contact details; and referral.erased. */
class PartnerEventSchemaTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void anOrganisationAsItNowStandsIsDescribedAndRoundTrips() throws Exception {
        EventEnvelope sent = EventEnvelope.about(EventType.PARTNER_CHANGED, new PartnerChanged("south-yorks-police",
                "South Yorkshire Police", AgencyType.POLICE, "6", true, 3));
        JsonNode event = EventJson.mapper().valueToTree(sent);
        JsonSchema schema = schemaOf();
        assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
        assertFalse(event.has("referralId"), "about no referral");
        assertEquals(Topics.PARTNER_EVENTS, EventType.PARTNER_CHANGED.topic());
        assertFalse(EventType.PARTNER_CHANGED.aboutAReferral());
        assertThrows(IllegalStateException.class, sent::key, "the outbox must be given the organisation's id");

        EventEnvelope read = EventJson.read(EventJson.write(sent));
        assertNull(read.referralId());
        PartnerChanged payload = read.payloadAs(PartnerChanged.class);
        assertEquals("south-yorks-police", payload.id());
        assertEquals(AgencyType.POLICE, payload.agencyType());
        assertEquals(3, payload.version());

        ((ObjectNode) event.get("payload")).put("contactEmails", "mash@police.example");
        assertFalse(schema.validate(event).isEmpty(), "contact details stay in the notification service");
        JsonNode empty = EventJson.mapper().valueToTree(EventEnvelope.about(EventType.PARTNER_CHANGED, Map.of()));
        assertFalse(schema.validate(empty).isEmpty(), "an empty payload is refused");
    }

    @Test
    void anErasureCarriesReferencesOnly() throws Exception {
        UUID referral = UUID.randomUUID();
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_ERASED, referral,
                new org.frontdoor.events.payload.ReferralErased(referral, java.util.List.of(UUID.randomUUID()),
                        "contacts", java.time.Instant.now())));
        JsonSchema schema;
        try (InputStream in = EventType.class.getResourceAsStream(EventType.REFERRAL_ERASED.schemaResource())) {
            schema = SCHEMAS.getSchema(in);
        }
        assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
        ((ObjectNode) event.get("payload")).put("retentionKind", "whatever");
        assertFalse(schema.validate(event).isEmpty(), "a kind of the schedule");
        ((ObjectNode) event.get("payload")).put("retentionKind", "contacts");
        ((ObjectNode) event.get("payload")).put("lastName", "Smith");
        assertFalse(schema.validate(event).isEmpty(), "no personal data");
    }

    @Test
    void aReferralEventStillNeedsItsReferral() {
        assertThrows(NullPointerException.class, () -> new EventEnvelope(UUID.randomUUID(), "triage.decided", 1,
                java.time.Instant.now(), null, EventJson.mapper().createObjectNode()));
    }

    private static JsonSchema schemaOf() throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(EventType.PARTNER_CHANGED.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
