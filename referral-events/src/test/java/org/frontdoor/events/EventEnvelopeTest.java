package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventEnvelopeTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void envelopeRoundTripsWithoutJavaClassNames() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope sent = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of("sourceCode", "2A"));

        String json = EventJson.write(sent);
        EventEnvelope read = EventJson.read(json);

        assertEquals(sent, read);
        assertEquals("referral.received", read.type());
        assertEquals(referralId.toString(), read.key());
        assertEquals("2A", read.payload().get("sourceCode").asText());
        assertFalse(json.contains("org.frontdoor"), json);
        // occurredAt travels as ISO-8601 text, not epoch numbers
        assertTrue(EventJson.mapper().readTree(json).get("occurredAt").isTextual(), json);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "REFERRAL_RECEIVED", "REFERRAL_LOGGED", "REFERRAL_CONSENT_RECORDED", "TRIAGE_QUEUED", "TRIAGE_DECIDED",
            "CASE_OPENED", "CASE_ALLOCATED", "CASE_STEPPED", "CASE_CLOSED", "PARTNER_CHANGED", "REFERRAL_ERASED",
            "CHILD_MERGED", "CHILD_UNMERGED", "INFORMATION_REQUESTED", "INFORMATION_CHASED",
            "STRATEGY_DISCUSSION_HELD" },
            mode = EnumSource.Mode.EXCLUDE) // those check their payloads: tested with real ones in their own tests
    void everyTypeHasASchemaThatAcceptsItsEnvelope(EventType type) throws Exception {
        JsonSchema schema = schemaOf(type);
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(type, UUID.randomUUID(), Map.of()));

        Set<ValidationMessage> errors = schema.validate(event);

        assertTrue(errors.isEmpty(), type + ": " + errors);
    }

    @Test
    void theReferralReceivedSchemaChecksThePayload() throws Exception {
        JsonSchema schema = schemaOf(EventType.REFERRAL_RECEIVED);
        UUID referralId = UUID.randomUUID();
        ReferralReceived payload = new ReferralReceived(referralId, Instant.parse("2026-11-23T10:15:00Z"),
                Instant.parse("2026-11-24T10:15:00Z"),
                new ReferralReceived.Referrer("2A", "PROFESSIONAL", "hillside-primary", "Hillside Primary School",
                        "J. Patel", "DSL", "dsl@hillside.example", null, "HPS-1"),
                new ReferralReceived.Submitter("dsl-system", "partner", "hillside-primary"),
                List.of(new ReferralReceived.Child(UUID.randomUUID(), 0, UUID.randomUUID(), "Amy", "Smith",
                        LocalDate.parse("2016-04-02"), null, "F", "9434765919",
                        new ReferralReceived.Address("1 High St", null, "Doncaster", "DN1 1AA"), null,
                        new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), false, false,
                        SharingConsent.NOT_RECORDED)),
                List.of(), new ReferralReceived.Concerns("hungry", List.of("SIGNS_OF_NEGLECT"), false),
                new ReferralReceived.Consent(true, true, null), "FD-2026-004213");
        JsonNode good = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, payload));
        assertTrue(schema.validate(good).isEmpty(), schema.validate(good).toString());
        assertEquals("FD-2026-004213", good.get("payload").get("reference").asText());
        JsonNode older = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) older.get("payload")).remove("reference");
        assertTrue(schema.validate(older).isEmpty(), "an event from before references is still valid");
        assertEquals(null, ReferralReceived.from(EventJson.read(older.toString())).reference());
        JsonNode uuid = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) uuid.get("payload")).put("reference", referralId.toString());
        assertFalse(schema.validate(uuid).isEmpty(), "a reference is short, not a UUID");

        JsonNode emptyPayload = EventJson.mapper().valueToTree(
                EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of()));
        assertFalse(schema.validate(emptyPayload).isEmpty());
        ((com.fasterxml.jackson.databind.node.ObjectNode) good.get("payload").get("referrer")).put("sourceCode", "11");
        assertFalse(schema.validate(good).isEmpty(), "an unknown source code is refused");
    }

    @Test
    void schemaRefusesAnEnvelopeOfAnotherTypeOrWithoutIds() throws Exception {
        JsonSchema schema = schemaOf(EventType.TRIAGE_DECIDED);
        JsonNode wrongType = EventJson.mapper().valueToTree(
                EventEnvelope.of(EventType.CASE_CLOSED, UUID.randomUUID(), Map.of()));
        JsonNode noReferral = EventJson.mapper().readTree(
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"triage.decided\",\"schemaVersion\":1,"
                        + "\"occurredAt\":\"2026-11-22T10:00:00Z\",\"payload\":{}}");

        assertFalse(schema.validate(wrongType).isEmpty());
        assertFalse(schema.validate(noReferral).isEmpty());
    }

    @Test
    void malformedMessagesAreRefusedWithAReason() {
        MalformedEventException notJson = assertThrows(MalformedEventException.class, () -> EventJson.read("{oops"));
        assertTrue(notJson.getMessage().startsWith("not a JSON event envelope"), notJson.getMessage());

        MalformedEventException missing = assertThrows(MalformedEventException.class,
                () -> EventJson.read("{\"type\":\"referral.received\"}"));
        assertTrue(missing.getMessage().contains("eventId"), missing.getMessage());
    }

    @Test
    void wireNamesResolveBackToTypes() {
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.fromWireName(type.wireName()).orElseThrow());
        }
        assertTrue(EventType.fromWireName("org.frontdoor.Something").isEmpty());
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
