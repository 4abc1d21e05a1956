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
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schemas of triage's events describe their payloads: real payloads pass, empty or wrong ones do not. */
class TriageEventSchemasTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final UUID REFERRAL = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void triageQueuedAndDecidedPayloadsAreDescribed() throws Exception {
        valid(EventType.TRIAGE_QUEUED, new TriageQueued(REFERRAL, UUID.randomUUID(), UUID.randomUUID(), "AMBER",
                NOW.plusSeconds(86400), false, NOW, null, null));
        valid(EventType.TRIAGE_QUEUED, new TriageQueued(REFERRAL, UUID.randomUUID(), UUID.randomUUID(), "RED",
                NOW.plusSeconds(14400), false, NOW, UUID.randomUUID(), "EARLY_HELP"));
        JsonNode decided = valid(EventType.TRIAGE_DECIDED, new TriageDecided(REFERRAL, UUID.randomUUID(),
                UUID.randomUUID(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP", null, "Early help will contact the family.",
                "tw-tara-jones", NOW, true, false, null, false, null, UUID.randomUUID()));
        JsonNode referral = valid(EventType.TRIAGE_DECIDED, new TriageDecided(REFERRAL, UUID.randomUUID(),
                UUID.randomUUID(), 4, "STRATEGY_DISCUSSION", "SOCIAL_CARE", "N1", "Social care is acting today.",
                "tw-tara-jones", NOW, true, true, LocalDate.parse("2026-11-23"), true, null, UUID.randomUUID()));
        assertEquals("2026-11-23", referral.get("payload").get("referralDate").asText(), "CIN referral date as a date");
        valid(EventType.TRIAGE_DECIDED, new TriageDecided(REFERRAL, UUID.randomUUID(), UUID.randomUUID(), 4,
                "PASSED_TO_ALLOCATED_WORKER", "EARLY_HELP", null, "Passed to the lead practitioner.", "tw-tara-jones",
                NOW, true, false, null, false, "tm-maya-reid", UUID.randomUUID()));
        ((ObjectNode) referral.get("payload")).remove("becameReferral");
        assertFalse(schemaOf(EventType.TRIAGE_DECIDED).validate(referral).isEmpty(), "becameReferral is required");
        ((ObjectNode) decided.get("payload")).put("outcome", "SOMETHING_ELSE");
        assertFalse(schemaOf(EventType.TRIAGE_DECIDED).validate(decided).isEmpty(), "an unknown outcome is refused");
    }

    @Test
    void caseEventPayloadsAreDescribed() throws Exception {
        CaseEvent opened = new CaseEvent(UUID.randomUUID(), REFERRAL, List.of(UUID.randomUUID()), "EARLY_HELP",
                "eh-dana-price", null, null, null, null, List.of("hillside-primary"), NOW, null);
        valid(EventType.CASE_OPENED, opened);
        valid(EventType.CASE_ALLOCATED, opened);
        valid(EventType.CASE_STEPPED, new CaseEvent(opened.caseId(), REFERRAL, opened.childIds(), "SOCIAL_CARE",
                "sw-ali-khan", "UP", "New disclosure", null, null, List.of("hillside-primary", "POLICE"), NOW,
                "eh-dana-price"));
        valid(EventType.CASE_OPENED, new CaseEvent(UUID.randomUUID(), REFERRAL, List.of(UUID.randomUUID()),
                "SOCIAL_CARE", null, null, null, null, null, List.of(), NOW, null));
        JsonNode closed = valid(EventType.CASE_CLOSED, new CaseEvent(opened.caseId(), REFERRAL, opened.childIds(),
                "EARLY_HELP", "eh-dana-price", null, null, "RC7", "Plan completed", List.of("hillside-primary"), NOW, null));
        assertEquals(null, CaseEvent.from(EventJson.read(closed.toString())).agencyContacts(),
                "an event without the agencies' contacts still reads");
        UUID checkedAbout = UUID.randomUUID();
        JsonNode told = valid(EventType.CASE_CLOSED, new CaseEvent(opened.caseId(), REFERRAL, opened.childIds(),
                "EARLY_HELP", null, null, null, "RC7", "Plan completed", List.of("hillside-primary", "POLICE"), NOW,
                null, List.of(new CaseEvent.AgencyContact("hillside-primary", REFERRAL, "FD-2026-000001"),
                        new CaseEvent.AgencyContact("POLICE", checkedAbout, "FD-2026-000007"))));
        CaseEvent read = CaseEvent.from(EventJson.read(told.toString()));
        assertEquals(new CaseEvent.AgencyContact("POLICE", checkedAbout, "FD-2026-000007"),
                read.agencyContacts().get(1));
        ((ObjectNode) closed.get("payload")).put("closureReasonCode", "RC10");
        assertFalse(schemaOf(EventType.CASE_CLOSED).validate(closed).isEmpty(), "RC10 is not a reason for closure");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "TRIAGE_QUEUED", "TRIAGE_DECIDED", "CASE_OPENED",
            "CASE_ALLOCATED", "CASE_STEPPED", "CASE_CLOSED" })
    void anEmptyPayloadIsRefused(EventType type) throws Exception {
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(type, REFERRAL, Map.of()));
        assertFalse(schemaOf(type).validate(event).isEmpty(), type + " must describe its payload");
    }

    private static JsonNode valid(EventType type, Object payload) throws Exception {
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(type, REFERRAL, payload));
        var errors = schemaOf(type).validate(event);
        assertTrue(errors.isEmpty(), type + ": " + errors);
        return event;
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
