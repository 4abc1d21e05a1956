package org.frontdoor.triage.messaging;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.awaitEvents;
import static org.frontdoor.triage.Triage.child;
import static org.frontdoor.triage.Triage.contactAbout;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.events;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.referral;
import static org.frontdoor.triage.Triage.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/** referral.received in, triage items and triage.queued out: once per child, however often it arrives. */
@QuarkusTest
class TriageIntakeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void siblingsEachGetAnItemWithTheSuggestionPriorityAndDeadline() throws Exception {
        // Friday 21 November 2025 at 18:30, after the office closed; two level-2 needs together
        ReferralReceived referral = referral(Instant.parse("2025-11-21T18:30:00Z"),
                List.of("POOR_ATTENDANCE", "BULLYING"), false, "Amy", "Ben");
        publish(referral);

        List<String> ids = itemIds(referral.referralId(), "NEW", 2);

        for (int i = 0; i < 2; i++) {
            as(WORKER).get("/api/v1/triage-items/" + ids.get(i)).then().statusCode(200)
                    .body("status", equalTo("NEW"))
                    .body("suggestion.level", equalTo(3))
                    .body("suggestion.reasons.rule", contains("indicator", "indicator", "several-level-2"))
                    .body("suggestion.reasons[2].explanation",
                            equalTo("2 level-2 needs together (POOR_ATTENDANCE, BULLYING) suggest level 3"))
                    // level 3 is early help screening: green, 3 working days
                    .body("priority", equalTo("GREEN"))
                    // the clock starts when the office opens on Monday: due Thursday 09:00
                    .body("deadline", equalTo("2025-11-27T09:00:00Z"))
                    .body("openCase", nullValue())
                    .body("overdue", equalTo(true))
                    .body("referral.referrer.organisationName", equalTo("Hillside Primary School"))
                    .body("referral.concerns.indicators", contains("POOR_ATTENDANCE", "BULLYING"))
                    .body("referral.siblings.size()", equalTo(1))
                    .body("priorInvolvement.reReferral", equalTo(false))
                    .body("history[0].action", equalTo("RECEIVED"));
        }
        List<EventEnvelope> queued = awaitEvents(referral.referralId(), EventType.TRIAGE_QUEUED, 2);
        assertEquals(2, queued.size());
        for (EventEnvelope e : queued) {
            assertSchemaValid(e);
            TriageQueued payload = e.payloadAs(TriageQueued.class);
            assertEquals("GREEN", payload.priority());
            assertEquals(Instant.parse("2025-11-27T09:00:00Z"), payload.deadline());
            assertEquals(false, payload.toAllocatedWorker());
            assertNull(payload.openCaseId());
            assertTrue(ids.contains(payload.triageItemId().toString()));
        }
        as(WORKER).queryParam("overdue", "true").queryParam("referralId", referral.referralId().toString())
                .get("/api/v1/triage-items").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        ReferralReceived referral = referral(Instant.now(), List.of("SEXUAL_EXPLOITATION"), false, "Cara");
        EventEnvelope event = publish(referral);
        itemIds(referral.referralId(), "NEW", 1);

        send(event);                                                          // the broker redelivers
        send(EventEnvelope.of(EventType.REFERRAL_RECEIVED, referral.referralId(), referral)); // a replay, new event id
        // a marker behind them on the same key (so handled after them): the erasure of a contact triage never had,
        // which changes nothing (an event type triage does not handle would be skipped before the inbox)
        EventEnvelope marker = new EventEnvelope(UUID.randomUUID(), EventType.REFERRAL_ERASED.wireName(), 1,
                Instant.now(), referral.referralId(), EventJson.mapper().valueToTree(new ReferralErased(
                        UUID.randomUUID(), List.of(), "contacts", Instant.now())));
        send(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(marker.eventId()));

        assertEquals(1, itemIds(referral.referralId(), "NEW", 1).size());
        assertEquals(1, events(referral.referralId(), EventType.TRIAGE_QUEUED).size());
        as(WORKER).get("/api/v1/triage-items/" + itemIds(referral.referralId(), "NEW", 1).get(0)).then()
                // level 4 without immediate risk: social care screening, amber
                .statusCode(200).body("priority", equalTo("AMBER")).body("suggestion.level", equalTo(4))
                .body("suggestion.reasons.rule", hasItem("any-level-4"));
    }

    @Test
    void aContactAboutAChildWithAnOpenCaseIsScreenedRedAndItsLeadWorkerToldAtOnce() throws Exception {
        ReferralReceived first = referral(Instant.now(), List.of("SIGNS_OF_NEGLECT"), false, "Dev");
        publish(first);
        String firstItem = itemIds(first.referralId(), "NEW", 1).get(0);
        String caseId = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + firstItem + "/decision").then().statusCode(200).extract().path("caseId");
        String lead = as(MANAGER).get("/api/v1/cases/" + caseId).path("leadWorker");
        String leadSubject = as(MANAGER).get("/api/v1/staff/" + lead).path("subject");

        // police report immediate risk about the same child; intake also knows of the case
        ReferralReceived contact = contactAbout(first.children().get(0), List.of("DOMESTIC_ABUSE"), true,
                new ReferralReceived.PriorInvolvement(0, false, null, UUID.fromString(caseId), lead, 1));
        publish(contact);

        String id = itemIds(contact.referralId(), "NEW", 1).get(0);
        as(MANAGER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("status", equalTo("NEW"))
                .body("priority", equalTo("RED"))
                .body("assignedTo", nullValue())
                .body("openCase.caseId", equalTo(caseId))
                .body("openCase.pathway", equalTo("EARLY_HELP"))
                .body("openCase.leadWorker", equalTo(lead))
                .body("priorInvolvement.openCaseId", equalTo(caseId));
        as(WORKER).queryParam("openCase", "true").queryParam("referralId", contact.referralId().toString())
                .get("/api/v1/triage-items").then().statusCode(200).body("items.id", contains(id))
                .body("items[0].openCasePathway", equalTo("EARLY_HELP")).body("items[0].openCaseWorker", equalTo(lead));
        TriageQueued queued = awaitEvents(contact.referralId(), EventType.TRIAGE_QUEUED, 1).get(0)
                .payloadAs(TriageQueued.class);
        assertEquals(false, queued.toAllocatedWorker());
        assertEquals(caseId, queued.openCaseId().toString());
        assertEquals("EARLY_HELP", queued.openCasePathway());
        assertEquals("RED", queued.priority());
        as(WORKER, leadSubject).get("/api/v1/me/alerts").then().statusCode(200)
                .body("find { it.triageItemId == '" + id + "' }.kind", equalTo("CONTACT_ABOUT_OPEN_CASE"))
                .body("find { it.triageItemId == '" + id + "' }.caseId", equalTo(caseId));
        as(MANAGER).get("/api/v1/cases/" + caseId).then().body("history.action", hasItem("CONTACT_RECEIVED"));
        // and it can be worked like any other item
        as(WORKER).post("/api/v1/triage-items/" + id + "/claim").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aMessageThatIsNotAnEventGoesToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        KafkaProbe.send(Topics.REFERRAL_EVENTS, key, "{not an event");

        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.deadLetterTopic(
                Topics.REFERRAL_EVENTS, "triage-service")).stream().anyMatch(r -> key.equals(r.key())));
        // and the consumer goes on
        ReferralReceived next = referral(Instant.now(), List.of(), false, "Eve");
        publish(next);
        as(WORKER).get("/api/v1/triage-items/" + itemIds(next.referralId(), "NEW", 1).get(0)).then()
                .statusCode(200).body("suggestion.level", equalTo(1)).body("priority", equalTo("GREEN"))
                .body("suggestion.reasons[0].rule", equalTo("no-indicators"));
    }

    private boolean inboxHas(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    static void assertSchemaValid(EventEnvelope event) throws Exception {
        EventType type = EventType.fromWireName(event.type()).orElseThrow();
        try (InputStream schema = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonNode json = EventJson.mapper().readTree(EventJson.write(event));
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json);
            assertTrue(errors.isEmpty(), type + ": " + errors);
        }
    }
}
