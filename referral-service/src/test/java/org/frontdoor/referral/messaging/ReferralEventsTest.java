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
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
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
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The event intake publishes, and the status it keeps from what triage and notification publish. */
@QuarkusTest
class ReferralEventsTest {

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
    }

    @Test
    void theReferrerSeesTriageTheDecisionTheFeedbackAndWhatTheyWereTold() throws Exception {
        var created = submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();

        EventEnvelope queued = EventEnvelope.of(EventType.TRIAGE_QUEUED, referralId,
                new TriageQueued(referralId, childId, UUID.randomUUID(), "GREEN", now.plusSeconds(3600), false, now));
        EventEnvelope decided = EventEnvelope.of(EventType.TRIAGE_DECIDED, referralId,
                new TriageDecided(referralId, childId, UUID.randomUUID(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                        "N1", "An early help worker will contact the family this week.", "worker-7", now, true));
        EventEnvelope opened = EventEnvelope.of(EventType.CASE_OPENED, referralId,
                new CaseEvent(caseId, referralId, List.of(childId), "EARLY_HELP", "worker-9", null, null, null,
                        null, List.of("hillside-primary"), now));
        EventEnvelope told = EventEnvelope.of(EventType.NOTIFICATION_SENT, referralId,
                new NotificationOutcome(UUID.randomUUID(), referralId, childId, "OUTCOME", "WEBHOOK",
                        "hillside-primary", now.plusSeconds(86400), now, 1, null));
        send(Topics.TRIAGE_EVENTS, queued);
        send(Topics.TRIAGE_EVENTS, decided);
        send(Topics.TRIAGE_EVENTS, opened);
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
                .body("children[0].referrerFeedback", equalTo("An early help worker will contact the family this week."))
                .body("timeline.findAll { it.kind == 'DECIDED' }", hasSize(1))
                .body("timeline.find { it.kind == 'REFERRER_NOTIFIED' }.summary",
                        equalTo("Outcome sent to the referrer by webhook"));

        // a later referral of the same child finds the open case
        EventEnvelope closed = EventEnvelope.of(EventType.CASE_CLOSED, referralId,
                new CaseEvent(caseId, referralId, List.of(childId), "EARLY_HELP", "worker-9", null, null, "RC9",
                        "Closed after assessment", List.of("hillside-primary"), now));
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
                        List.of(), Instant.now())));
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

    private static Optional<ConsumerRecord<String, String>> find(UUID referralId) {
        return KafkaProbe.readAll(Topics.REFERRAL_EVENTS).stream()
                .filter(r -> referralId.toString().equals(r.key()))
                .findFirst();
    }

    private static void send(String topic, EventEnvelope event) throws Exception {
        KafkaProbe.send(topic, event.key(), EventJson.write(event));
    }
}
