package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.junit.jupiter.api.Test;

/** A young adult's consent to share: on each child of referral.received, and as referral.consent-recorded. */
class ConsentEventSchemasTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final UUID REFERRAL = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void eachChildCarriesYoungAdultCareLeaverAndConsent() throws Exception {
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_RECEIVED, REFERRAL,
                received(new SharingConsent(SharingConsentStatus.GIVEN, "fd-sam-lee", NOW, true))));
        JsonSchema schema = schemaOf(EventType.REFERRAL_RECEIVED);
        assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
        JsonNode child = event.get("payload").get("children").get(0);
        assertTrue(child.get("youngAdult").asBoolean());
        assertTrue(child.get("careLeaver").asBoolean());
        assertEquals("GIVEN", child.get("sharingConsent").get("status").asText(), "the shared code, as text");
        assertEquals("2026-11-23T10:15:00Z", child.get("sharingConsent").get("recordedAt").asText());

        JsonNode notRecorded = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_RECEIVED, REFERRAL,
                received(SharingConsent.NOT_RECORDED)));
        assertTrue(schema.validate(notRecorded).isEmpty(), schema.validate(notRecorded).toString());

        ((ObjectNode) child.get("sharingConsent")).put("status", "MAYBE");
        assertFalse(schema.validate(event).isEmpty(), "an unknown consent status is refused");
        ((ObjectNode) child).remove("youngAdult");
        assertFalse(schema.validate(event).isEmpty(), "youngAdult is required");
    }

    @Test
    void consentRecordedLaterIsDescribed() throws Exception {
        JsonSchema schema = schemaOf(EventType.REFERRAL_CONSENT_RECORDED);
        assertEquals(EventType.REFERRAL_LOGGED.topic(), EventType.REFERRAL_CONSENT_RECORDED.topic(),
                "follows its referral.logged, on the topic the notification service reads");
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, REFERRAL,
                new SharingConsentRecorded(REFERRAL, UUID.randomUUID(), true,
                        new SharingConsent(SharingConsentStatus.REFUSED, "fd-sam-lee", NOW, false))));
        assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());
        assertEquals(event, EventJson.mapper().valueToTree(EventJson.read(EventJson.write(
                EventJson.mapper().treeToValue(event, EventEnvelope.class)))), "round-trips");

        JsonNode empty = EventJson.mapper().valueToTree(
                EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, REFERRAL, Map.of()));
        assertFalse(schema.validate(empty).isEmpty(), "an empty payload is refused");
        ((ObjectNode) event.get("payload").get("consent")).put("status", "NOT_RECORDED");
        assertFalse(schema.validate(event).isEmpty(), "a recorded consent is given or refused");
        ((ObjectNode) event.get("payload").get("consent")).put("status", "GIVEN");
        ((ObjectNode) event.get("payload").get("consent")).remove("recordedBy");
        assertFalse(schema.validate(event).isEmpty(), "who recorded it is required");
    }

    @Test
    void onlyAYoungAdultWithoutConsentGivenAndConfirmedIsWithheld() {
        for (SharingConsentStatus consent : SharingConsentStatus.values()) {
            assertTrue(SharingConsentStatus.mayShareBeyondReceipt(false, consent, false), "a child: " + consent);
        }
        assertTrue(SharingConsentStatus.mayShareBeyondReceipt(true, SharingConsentStatus.GIVEN, true));
        assertFalse(SharingConsentStatus.mayShareBeyondReceipt(true, SharingConsentStatus.GIVEN, false),
                "a partner's report of consent, not yet confirmed by the front door");
        assertFalse(SharingConsentStatus.mayShareBeyondReceipt(true, SharingConsentStatus.REFUSED, true));
        assertFalse(SharingConsentStatus.mayShareBeyondReceipt(true, SharingConsentStatus.NOT_RECORDED, false));
    }

    @Test
    void consentWithoutConfirmedIsUnconfirmed() throws Exception {
        // an event written before confirmation existed: it reads as unconfirmed, the safe way
        String old = """
                {"status": "GIVEN", "recordedBy": "hillside-system", "recordedAt": "2026-11-23T10:15:00Z"}""";
        assertFalse(EventJson.mapper().readValue(old, SharingConsent.class).confirmed());
        JsonNode confirmed = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED,
                REFERRAL, new SharingConsentRecorded(REFERRAL, UUID.randomUUID(), true,
                        new SharingConsent(SharingConsentStatus.GIVEN, "hillside-system", NOW, true))));
        JsonSchema schema = schemaOf(EventType.REFERRAL_CONSENT_RECORDED);
        assertTrue(schema.validate(confirmed).isEmpty(), schema.validate(confirmed).toString());
        assertTrue(confirmed.get("payload").get("consent").get("confirmed").asBoolean());
        ((ObjectNode) confirmed.get("payload").get("consent")).put("confirmed", "yes");
        assertFalse(schema.validate(confirmed).isEmpty(), "confirmed is true or false");
    }

    private static ReferralReceived received(SharingConsent consent) {
        return new ReferralReceived(REFERRAL, NOW, NOW.plusSeconds(86400),
                new ReferralReceived.Referrer("3A", "PROFESSIONAL", "south-yorks-police", "South Yorkshire Police",
                        "PC Ash", "Officer", "pc.ash@police.example", null, "SYP-1"),
                new ReferralReceived.Submitter("syp-system", "partner", "south-yorks-police"),
                List.of(new ReferralReceived.Child(UUID.randomUUID(), 0, UUID.randomUUID(), "Jo", "Reed",
                        LocalDate.parse("2007-03-01"), null, "X", null, null, null,
                        new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), true, true, consent)),
                List.of(), new ReferralReceived.Concerns("exploitation", List.of(), false),
                new ReferralReceived.Consent(true, true, null));
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
