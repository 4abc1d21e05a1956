package org.frontdoor.referral.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueNhsNumber;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The event intake publishes, and the status it keeps from what triage and notification publish. */
@QuarkusTest
class ReferralEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReferralIsPublishedOnTheRealTopicWithEverythingTriageNeeds() throws Exception {
        String nhs = uniqueNhsNumber();
        var created = submitAsPartner(schoolReferral(uniqueSurname(), nhs)).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(referralId), Optional::isPresent).orElseThrow();

        assertEquals(referralId.toString(), record.key(), "keyed by referral id");
        EventEnvelope event = EventJson.read(record.value());
        assertEquals("referral.received", event.type());
        try (InputStream schema = EventType.class.getResourceAsStream(EventType.REFERRAL_RECEIVED.schemaResource())) {
            JsonNode json = EventJson.mapper().readTree(record.value());
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        ReferralReceived payload = event.payloadAs(ReferralReceived.class);
        assertEquals("2A", payload.referrer().sourceCode());
        assertEquals("PROFESSIONAL", payload.referrer().kind());
        assertEquals("hillside-primary", payload.referrer().organisationId());
        assertEquals("dsl@hillside.example", payload.referrer().email());
        assertEquals(nhs, payload.children().get(0).nhsNumber());
        assertEquals(created.path("children[0].childId").toString(), payload.children().get(0).childId().toString());
        assertEquals(List.of("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"), payload.concerns().indicators());
        assertEquals(0, payload.children().get(0).priorInvolvement().referralsInLast12Months());
        assertEquals(Instant.parse(created.path("acknowledgementDueBy")), payload.acknowledgementDueBy());
        assertEquals(created.path("reference").toString(), payload.reference(), "the human reference travels too");
    }

    @Test
    void theNotificationServiceGetsOnlyReferencesOnItsOwnTopicWhileTriageGetsTheWholeReferral() throws Exception {
        String surname = uniqueSurname();
        String nhs = uniqueNhsNumber();
        String body = schoolReferral(surname, nhs)
                .replace("Amy has arrived hungry most days this term.", "Disclosed a distinctive-concern-phrase")
                .replace("Carol Smith", "Carol Quixote-Marlowe")
                .replace("Amy", "Zebedee");
        var created = submitAsPartner(body).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        List<String> personal = List.of("Zebedee", surname, "2016-04-02", nhs, "Quixote-Marlowe",
                "distinctive-concern-phrase", "1 High St", "DN1 1AA");

        ConsumerRecord<String, String> notice = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(Topics.REFERRAL_NOTICES, referralId), Optional::isPresent).orElseThrow();
        assertEquals(referralId.toString(), notice.key(), "keyed by referral id");
        EventEnvelope logged = EventJson.read(notice.value());
        assertEquals("referral.logged", logged.type());
        try (InputStream schema = EventType.class.getResourceAsStream(EventType.REFERRAL_LOGGED.schemaResource())) {
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(EventJson.mapper().readTree(notice.value()));
            assertTrue(errors.isEmpty(), errors.toString());
        }
        for (String value : personal) {
            assertFalse(notice.value().contains(value), value + " must not reach the notification service: "
                    + notice.value());
        }
        ReferralLogged slim = logged.payloadAs(ReferralLogged.class);
        assertEquals("J. Patel", slim.referrer().name(), "the referrer is who is told");
        assertEquals("dsl@hillside.example", slim.referrer().email());
        assertEquals("HPS-2026-0042", slim.referrer().externalReference());
        assertEquals(created.path("children[0].childId").toString(), slim.children().get(0).childId().toString());
        assertEquals(Instant.parse(created.path("acknowledgementDueBy")), slim.acknowledgementDueBy());
        assertEquals(created.path("reference").toString(), slim.reference());
        assertEquals("Z.T.", slim.children().get(0).initials(), "initials only: " + surname);
        assertEquals(java.time.YearMonth.of(2016, 4), slim.children().get(0).bornIn(), "never the day");
        assertTrue(KafkaProbe.readAll(Topics.REFERRAL_NOTICES).stream()
                .noneMatch(r -> r.value().contains("\"referral.received\"")), "never the full referral");

        // the full referral, on the topic only triage reads, still has everything screening needs
        String full = find(Topics.REFERRAL_EVENTS, referralId).orElseThrow().value();
        for (String value : personal) {
            assertTrue(full.contains(value), value + " is for triage: " + full);
        }
    }

    @Test
    void theReferrerSeesTriageTheDecisionTheFeedbackAndWhatTheyWereTold() throws Exception {
        var created = submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();

        EventEnvelope queued = EventEnvelope.of(EventType.TRIAGE_QUEUED, referralId,
                new TriageQueued(referralId, childId, UUID.randomUUID(), "GREEN", now.plusSeconds(3600), false, now,
                        null, null));
        EventEnvelope decided = EventEnvelope.of(EventType.TRIAGE_DECIDED, referralId,
                new TriageDecided(referralId, childId, UUID.randomUUID(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                        "N1", "An early help worker will contact the family this week.", "worker-7", now, true, false,
                        null, false, null, caseId));
        EventEnvelope opened = EventEnvelope.of(EventType.CASE_OPENED, referralId,
                new CaseEvent(caseId, referralId, List.of(childId), "EARLY_HELP", "worker-9", null, null, null,
                        null, List.of("hillside-primary"), now, null));
        EventEnvelope told = EventEnvelope.of(EventType.NOTIFICATION_SENT, referralId,
                new NotificationOutcome(UUID.randomUUID(), referralId, childId, "OUTCOME", "WEBHOOK",
                        "hillside-primary", now.plusSeconds(86400), now, 1, null));
        // the police were asked for information about the contact: not a message to the referrer (issue 27)
        EventEnvelope policeAsked = EventEnvelope.of(EventType.NOTIFICATION_SENT, referralId,
                new NotificationOutcome(UUID.randomUUID(), referralId, null, "INFORMATION_REQUESTED", "WEBHOOK",
                        "south-yorkshire-police", now.plusSeconds(3600), now, 1, null));
        send(Topics.TRIAGE_EVENTS, queued);
        send(Topics.TRIAGE_EVENTS, decided);
        send(Topics.TRIAGE_EVENTS, opened);
        send(Topics.NOTIFICATION_EVENTS, policeAsked);
        send(Topics.NOTIFICATION_EVENTS, told);
        // a redelivery changes nothing
        send(Topics.TRIAGE_EVENTS, decided);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200)
                        .body("timeline.kind", contains("RECEIVED", "IN_TRIAGE", "DECIDED", "CASE_OPENED",
                                "REFERRER_NOTIFIED")));
        given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("children[0].status", equalTo("CASE_OPEN"))
                .body("children[0].level", equalTo(3))
                .body("children[0].outcome", equalTo("EARLY_HELP_TARGETED"))
                .body("children[0].recordType", equalTo("CONTACT"))
                .body("children[0].referralDate", nullValue())
                .body("children[0].referrerFeedback", equalTo("An early help worker will contact the family this week."))
                .body("timeline.findAll { it.kind == 'DECIDED' }", hasSize(1))
                .body("timeline.find { it.kind == 'REFERRER_NOTIFIED' }.summary",
                        equalTo("Outcome sent to the referrer by webhook"));

        // a later referral of the same child finds the open case
        EventEnvelope closed = EventEnvelope.of(EventType.CASE_CLOSED, referralId,
                new CaseEvent(caseId, referralId, List.of(childId), "EARLY_HELP", "worker-9", null, null, "RC9",
                        "Closed after assessment", List.of("hillside-primary"), now, null));
        send(Topics.TRIAGE_EVENTS, closed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200)
                        .body("status", equalTo("CLOSED"))
                        .body("children[0].status", equalTo("CASE_CLOSED"))
                        .body("timeline.find { it.kind == 'CASE_CLOSED' }.detail.reasonCode", equalTo("RC9")));
    }

    @Test
    void aContactAboutAChildWithAnOpenCaseCarriesTheCase() throws Exception {
        String nhs = uniqueNhsNumber();
        String surname = uniqueSurname();
        var first = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(first.path("referralId"));
        UUID childId = UUID.fromString(first.path("children[0].childId"));
        UUID caseId = UUID.randomUUID();
        send(Topics.TRIAGE_EVENTS, EventEnvelope.of(EventType.CASE_OPENED, referralId,
                new CaseEvent(caseId, referralId, List.of(childId), "SOCIAL_CARE", "sw-3", null, null, null, null,
                        List.of(), Instant.now(), null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + referralId)
                        .then().body("children[0].status", equalTo("CASE_OPEN")));

        String later = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");

        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + later)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.openCaseId", equalTo(caseId.toString()));
        ReferralReceived payload = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(UUID.fromString(later)), Optional::isPresent)
                .map(r -> EventJson.read(r.value()).payloadAs(ReferralReceived.class)).orElseThrow();
        assertEquals(caseId, payload.children().get(0).priorInvolvement().openCaseId());
        assertEquals("sw-3", payload.children().get(0).priorInvolvement().openCaseWorker());
    }

    @Test
    void aStatutoryDecisionMakesTheContactAReferralAndOnlyReferralsCountAsReReferrals() throws Exception {
        String nhs = uniqueNhsNumber();
        String surname = uniqueSurname();
        // four months ago: a contact the front door closed with no further action
        var nfa = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract();
        UUID nfaId = UUID.fromString(nfa.path("referralId"));
        execute("update referral set received_at = received_at - interval '4 months' where id = '" + nfaId + "'");
        send(Topics.TRIAGE_EVENTS, decided(nfaId, UUID.fromString(nfa.path("children[0].childId")), 1,
                "NO_FURTHER_ACTION", "NONE", false, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> view("partner", nfaId)
                .body("children[0].outcome", equalTo("NO_FURTHER_ACTION")));
        view("partner", nfaId)
                .body("children[0].status", equalTo("DECIDED"))
                .body("children[0].recordType", equalTo("CONTACT"))
                .body("timeline.kind", not(hasItem("BECAME_REFERRAL")));

        // an earlier contact with no further action is a contact, not a referral
        var second = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract();
        UUID secondId = UUID.fromString(second.path("referralId"));
        view("triage-worker", secondId)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(0))
                .body("children[0].priorInvolvement.reReferral", equalTo(false));

        // two months ago, that second contact led to a social care assessment: it became a referral
        execute("update referral set received_at = received_at - interval '2 months' where id = '" + secondId + "'");
        LocalDate referralDate = LocalDate.now().minusMonths(2);
        send(Topics.TRIAGE_EVENTS, decided(secondId, UUID.fromString(second.path("children[0].childId")), 4,
                "SOCIAL_CARE_ASSESSMENT", "SOCIAL_CARE", true, referralDate));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> view("partner", secondId)
                .body("children[0].recordType", equalTo("REFERRAL")));
        view("partner", secondId)
                .body("status", equalTo("DECIDED"))
                .body("children[0].status", equalTo("REFERRED_TO_SOCIAL_CARE"))
                .body("children[0].outcome", equalTo("SOCIAL_CARE_ASSESSMENT"))
                .body("children[0].referralDate", equalTo(referralDate.toString()))
                .body("children[0].priorInvolvement", nullValue())
                .body("timeline.kind", contains("RECEIVED", "DECIDED", "BECAME_REFERRAL"))
                .body("timeline.find { it.kind == 'BECAME_REFERRAL' }.summary",
                        equalTo("Became a referral: children's social care assessment (s17)"))
                .body("timeline.find { it.kind == 'BECAME_REFERRAL' }.detail.referralDate",
                        equalTo(referralDate.toString()));

        // today's contact: two earlier contacts, one of them a referral, so a re-referral should it become one
        UUID third = UUID.fromString(submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201)
                .extract().path("referralId"));
        view("triage-worker", third)
                .body("children[0].recordType", equalTo("CONTACT"))
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(2))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.reReferral", equalTo(true));
        ReferralReceived payload = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(third), Optional::isPresent)
                .map(r -> EventJson.read(r.value()).payloadAs(ReferralReceived.class)).orElseThrow();
        assertEquals(2, payload.children().get(0).priorInvolvement().contactsInLast12Months());
        assertEquals(1, payload.children().get(0).priorInvolvement().referralsInLast12Months());
        assertTrue(payload.children().get(0).priorInvolvement().reReferral());
    }

    @Test
    void aContactAboutAChildWithAnOpenCaseIsScreenedAndThenPassedToTheAllocatedWorker() throws Exception {
        var created = submitAsPartner(schoolReferral(uniqueSurname(), uniqueNhsNumber())).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();

        send(Topics.TRIAGE_EVENTS, EventEnvelope.of(EventType.TRIAGE_QUEUED, referralId,
                new TriageQueued(referralId, childId, UUID.randomUUID(), "AMBER", now.plusSeconds(86400), false, now,
                        caseId, "SOCIAL_CARE")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> view("partner", referralId)
                .body("timeline.kind", hasItem("IN_TRIAGE")));
        view("partner", referralId)
                .body("status", equalTo("IN_TRIAGE"))
                .body("children[0].status", equalTo("IN_TRIAGE"))
                .body("children[0].priorInvolvement", nullValue());
        view("triage-worker", referralId)
                .body("children[0].status", equalTo("IN_TRIAGE"))
                .body("children[0].priorInvolvement.openCaseId", equalTo(caseId.toString()))
                .body("children[0].priorInvolvement.openCasePathway", equalTo("SOCIAL_CARE"));

        send(Topics.TRIAGE_EVENTS, decided(referralId, childId, 4, "PASSED_TO_ALLOCATED_WORKER", "SOCIAL_CARE",
                false, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> view("partner", referralId)
                .body("children[0].status", equalTo("PASSED_TO_ALLOCATED_WORKER")));
        view("partner", referralId)
                .body("status", equalTo("DECIDED"))
                .body("children[0].recordType", equalTo("CONTACT"))
                .body("children[0].referralDate", nullValue())
                .body("timeline.find { it.kind == 'DECIDED' }.summary",
                        equalTo("Decided: Passed to the allocated worker of the child's open case"));
    }

    @Test
    void theKnownChildKeepsItsOpenCaseAndLeadWorkerFromCaseEvents() throws Exception {
        var created = submitAsPartner(schoolReferral(uniqueSurname(), uniqueNhsNumber())).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        UUID caseId = UUID.randomUUID();

        send(Topics.TRIAGE_EVENTS, caseEvent(EventType.CASE_OPENED, caseId, referralId, childId, "sw-3", null));
        awaitOpenCase(childId, caseId, "sw-3");
        // awaiting a manager's allocation: no lead worker in the event, the one known stays
        EventEnvelope unallocated = caseEvent(EventType.CASE_ALLOCATED, caseId, referralId, childId, null, "sw-3");
        send(Topics.TRIAGE_EVENTS, unallocated);
        awaitApplied(unallocated);
        awaitOpenCase(childId, caseId, "sw-3");
        send(Topics.TRIAGE_EVENTS, caseEvent(EventType.CASE_ALLOCATED, caseId, referralId, childId, "sw-5", "sw-3"));
        awaitOpenCase(childId, caseId, "sw-5");
        EventEnvelope stepped = caseEvent(EventType.CASE_STEPPED, caseId, referralId, childId, null, "sw-5");
        send(Topics.TRIAGE_EVENTS, stepped);
        awaitApplied(stepped);
        awaitOpenCase(childId, caseId, "sw-5");
        send(Topics.TRIAGE_EVENTS, caseEvent(EventType.CASE_CLOSED, caseId, referralId, childId, "sw-5", null));
        awaitOpenCase(childId, null, null);
    }

    private static EventEnvelope decided(UUID referralId, UUID childId, int level, String outcome, String pathway,
            boolean becameReferral, LocalDate referralDate) {
        return EventEnvelope.of(EventType.TRIAGE_DECIDED, referralId,
                new TriageDecided(referralId, childId, UUID.randomUUID(), level, outcome, pathway, null,
                        "What the school may be told.", "worker-7", Instant.now(), true, becameReferral, referralDate,
                        false, null, null));
    }

    private static EventEnvelope caseEvent(EventType type, UUID caseId, UUID referralId, UUID childId,
            String leadWorker, String previousLeadWorker) {
        return EventEnvelope.of(type, referralId, new CaseEvent(caseId, referralId, List.of(childId), "SOCIAL_CARE",
                leadWorker, type == EventType.CASE_STEPPED ? "UP" : null, null,
                type == EventType.CASE_CLOSED ? "RC8" : null, null, List.of("hillside-primary"), Instant.now(),
                previousLeadWorker));
    }

    private void awaitApplied(EventEnvelope event) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
                ps.setObject(1, event.eventId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "event " + event.type() + " applied");
                }
            }
        });
    }

    private void awaitOpenCase(UUID childId, UUID caseId, String worker) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select k.open_case_id, k.open_case_worker from known_child k"
                            + " join referral_child rc on rc.known_child_id = k.id where rc.id = ?")) {
                ps.setObject(1, childId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(caseId, rs.getObject(1, UUID.class));
                    assertEquals(worker, rs.getString(2));
                }
            }
        });
    }

    private static ValidatableResponse view(String role, UUID referralId) {
        return given().auth().oauth2(token(role)).when().get("/api/v1/referrals/" + referralId).then().statusCode(200);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Optional<ConsumerRecord<String, String>> find(UUID referralId) {
        return find(Topics.REFERRAL_EVENTS, referralId);
    }

    private static Optional<ConsumerRecord<String, String>> find(String topic, UUID referralId) {
        return KafkaProbe.readAll(topic).stream()
                .filter(r -> referralId.toString().equals(r.key()))
                .findFirst();
    }

    private static void send(String topic, EventEnvelope event) throws Exception {
        KafkaProbe.send(topic, event.key(), EventJson.write(event));
    }
}
