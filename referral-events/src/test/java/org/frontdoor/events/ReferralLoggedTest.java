package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.UUID;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.junit.jupiter.api.Test;

/** referral.logged: the notification service's view of a referral, with nothing that names a child. */
class ReferralLoggedTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final UUID REFERRAL = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void travelsOnItsOwnTopicNotTheOneWithTheFullReferral() {
        assertEquals("referral-notices", EventType.REFERRAL_LOGGED.topic());
        assertNotEquals(EventType.REFERRAL_RECEIVED.topic(), EventType.REFERRAL_LOGGED.topic());
        assertTrue(Topics.ALL.contains(Topics.REFERRAL_NOTICES));
    }

    @Test
    void keepsTheReferrerAndChildReferencesAndDropsEverythingThatNamesAChild() throws Exception {
        ReferralReceived full = full();
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full)));
        JsonSchema schema = schemaOf(EventType.REFERRAL_LOGGED);
        assertTrue(schema.validate(event).isEmpty(), schema.validate(event).toString());

        JsonNode payload = event.get("payload");
        assertEquals("PC Ash", payload.get("referrer").get("name").asText(), "the referrer is who is told");
        assertEquals("pc.ash@police.example", payload.get("referrer").get("email").asText());
        assertEquals("SYP-1", payload.get("referrer").get("externalReference").asText());
        JsonNode child = payload.get("children").get(0);
        assertEquals(full.children().get(0).childId().toString(), child.get("childId").asText());
        assertEquals(0, child.get("position").asInt());
        assertTrue(child.get("youngAdult").asBoolean());
        assertEquals("GIVEN", child.get("sharingConsent").get("status").asText());
        assertEquals("FD-2026-000042", payload.get("reference").asText(), "the contact's human reference");
        assertEquals("Z.Q.", child.get("initials").asText(), "initials only, so a message can tell children apart");
        assertEquals("2007-03", child.get("bornIn").asText(), "the month and year of birth, never the day");
        assertFalse(child.has("dueIn"));

        String json = EventJson.mapper().writeValueAsString(event);
        for (String personal : List.of("Zebedee", "Quixote-Marlowe", "2007-03-01", "9434765919", "DN4 5AB",
                "Carol", "distinctive-concern-phrase", "Officer", "01632")) {
            assertFalse(json.contains(personal), personal + " must not be in " + json);
        }
    }

    @Test
    void theSchemaRefusesAnyFieldThatCouldNameAChild() throws Exception {
        JsonSchema schema = schemaOf(EventType.REFERRAL_LOGGED);
        JsonNode event = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full())));
        ((ObjectNode) event.get("payload").get("children").get(0)).put("firstName", "Zebedee");
        assertFalse(schema.validate(event).isEmpty(), "a child's name is refused");

        JsonNode concern = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full())));
        ((ObjectNode) concern.get("payload")).putObject("concerns").put("summary", "x");
        assertFalse(schema.validate(concern).isEmpty(), "the concern is refused");

        JsonNode household = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full())));
        ((ObjectNode) household.get("payload").get("referrer")).put("phone", "01632 960000");
        assertFalse(schema.validate(household).isEmpty(), "nothing beyond the listed referrer fields");
    }

    private static ReferralReceived full() {
        return new ReferralReceived(REFERRAL, NOW, NOW.plusSeconds(86400),
                new ReferralReceived.Referrer("3A", "PROFESSIONAL", "south-yorks-police", "South Yorkshire Police",
                        "PC Ash", "Officer", "pc.ash@police.example", "01632 960000", "SYP-1"),
                new ReferralReceived.Submitter("syp-system", "partner", "south-yorks-police"),
                List.of(new ReferralReceived.Child(UUID.randomUUID(), 0, UUID.randomUUID(), "Zebedee",
                        "Quixote-Marlowe", LocalDate.parse("2007-03-01"), null, "X", "9434765919",
                        new ReferralReceived.Address("1 Elm Row", null, "Doncaster", "DN4 5AB"), "Elm College",
                        new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), true, true,
                        new SharingConsent(SharingConsentStatus.GIVEN, "fd-sam-lee", NOW, true))),
                List.of(new ReferralReceived.HouseholdMember("Carol Quixote-Marlowe", "mother")),
                new ReferralReceived.Concerns("Disclosed a distinctive-concern-phrase", List.of(), false),
                new ReferralReceived.Consent(true, true, null), "FD-2026-000042");
    }

    @Test
    void anUnbornChildIsNamedByTheMonthDueAndAnEventWithoutTheNewFieldsStillReads() throws Exception {
        ReferralReceived unborn = new ReferralReceived(REFERRAL, NOW, NOW.plusSeconds(86400),
                new ReferralReceived.Referrer("3A", "PROFESSIONAL", "south-yorks-police", null, null, null, null,
                        null, null),
                null, List.of(new ReferralReceived.Child(UUID.randomUUID(), 0, UUID.randomUUID(), null, "Ashby",
                        null, LocalDate.parse("2027-04-20"), "U", null, null, null, null, false, false,
                        SharingConsent.NOT_RECORDED)),
                List.of(), null, null);
        ReferralLogged.ChildRef child = ReferralLogged.of(unborn).children().get(0);
        assertEquals("A.", child.initials(), "no first name: the surname's initial alone");
        assertEquals(java.time.YearMonth.of(2027, 4), child.dueIn());
        assertEquals(null, child.bornIn());
        assertEquals(null, ReferralLogged.of(unborn).reference(), "no reference before references existed");

        // an event written before references and initials: still valid and still read
        JsonNode old = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full())));
        ((ObjectNode) old.get("payload")).remove("reference");
        ObjectNode oldChild = (ObjectNode) old.get("payload").get("children").get(0);
        oldChild.remove(List.of("initials", "bornIn"));
        assertTrue(schemaOf(EventType.REFERRAL_LOGGED).validate(old).isEmpty());
        ReferralLogged read = ReferralLogged.from(EventJson.read(EventJson.mapper().writeValueAsString(old)));
        assertEquals(null, read.reference());
        assertEquals(null, read.children().get(0).initials());
    }

    @Test
    void theSchemaRefusesAFullNameAsInitialsOrADayOfBirth() throws Exception {
        JsonSchema schema = schemaOf(EventType.REFERRAL_LOGGED);
        JsonNode named = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full())));
        ((ObjectNode) named.get("payload").get("children").get(0)).put("initials", "Zebedee Q.");
        assertFalse(schema.validate(named).isEmpty(), "a name is not initials");
        JsonNode day = EventJson.mapper().valueToTree(EventEnvelope.of(EventType.REFERRAL_LOGGED, REFERRAL,
                ReferralLogged.of(full())));
        ((ObjectNode) day.get("payload").get("children").get(0)).put("bornIn", "2007-03-01");
        assertFalse(schema.validate(day).isEmpty(), "the day of birth is refused");
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        }
    }
}
