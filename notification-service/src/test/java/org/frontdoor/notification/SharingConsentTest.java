package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.assertVerifies;
import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.closed;
import static org.frontdoor.notification.Scenario.consentConfirmed;
import static org.frontdoor.notification.Scenario.consentRecorded;
import static org.frontdoor.notification.Scenario.decided;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.frontdoor.notification.Scenario.youngAdult;
import static org.frontdoor.notification.Scenario.youngAdultReportedConsenting;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * domain.md, "Feedback rules": a care leaver aged 18+ must have given explicit consent before anything about them
 * is shared. Without it the referrer hears only that the referral was received; what is held back shows as
 * WITHHELD_NO_CONSENT and goes once consent is given.
 */
@QuarkusTest
class SharingConsentTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Long enough for the dispatcher (polling every 200 ms in tests) to have sent anything it would send. */
    static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource db;

    @Test
    void aYoungAdultWithoutConsentIsOnlyAcknowledgedUntilConsentIsGiven() throws Exception {
        String school = uniqueOrg("hillside");
        String police = uniqueOrg("police");
        try (WebhookReceiver referrer = WebhookReceiver.start(); WebhookReceiver agency = WebhookReceiver.start()) {
            subscribe(school, referrer);
            subscribe(police, agency);
            UUID referralId = UUID.randomUUID();
            Scenario.Child jo = youngAdult(SharingConsentStatus.NOT_RECORDED);
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", school, "dsl@hillside.example",
                    "Being exploited by older men", jo));

            // the referrer hears that the contact was received, and nothing about the young adult's case
            WebhookReceiver.Request ack = await().atMost(WAIT)
                    .until(() -> referrer.requestsWith(referralId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(ack);
            JsonNode ackData = EventJson.mapper().readTree(ack.body()).path("data");
            assertEquals("referral.acknowledged", EventJson.mapper().readTree(ack.body()).path("type").asText());
            for (String detail : List.of("level", "outcome", "reasons", "pathway", "caseId")) {
                assertTrue(ackData.path(detail).isMissingNode(), detail + " is case detail: " + ack.body());
            }
            assertFalse(ack.body().contains(jo.firstName()) || ack.body().contains(jo.lastName()), ack.body());
            assertFalse(ack.body().contains("exploited"), ack.body());

            EventEnvelope decision = decided(referralId, jo.childId(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                    "A personal adviser will contact the young person.");
            send(decision);
            EventEnvelope closure = closed(referralId, List.of(jo.childId()), List.of(school, police));
            send(closure);
            awaitConsumed(db, decision);
            awaitConsumed(db, closure);
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items", hasSize(4))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", equalTo("SENT"))
                    .body("items.find { it.kind == 'OUTCOME' }.status", equalTo("WITHHELD_NO_CONSENT"))
                    .body("items.find { it.kind == 'OUTCOME' }.withheldReason", containsString("no consent"))
                    .body("items.find { it.kind == 'OUTCOME' }.deadline", equalTo("WITHHELD"))
                    .body("items.findAll { it.kind == 'CASE_CLOSED' }.status",
                            everyItem(equalTo("WITHHELD_NO_CONSENT"))));
            Thread.sleep(QUIET.toMillis());
            assertEquals(1, referrer.requestsWith(referralId.toString()).size(), "only the acknowledgement");
            assertEquals(0, agency.requestsWith(referralId.toString()).size(), "nothing to the other agency");
            // held back by law is not late: not in the overdue list, even long after it was due
            given().auth().oauth2(token("team-manager")).queryParam("referralId", referralId.toString())
                    .queryParam("asOf", Instant.now().plus(Duration.ofDays(60)).toString())
                    .get("/api/v1/notifications/overdue").then().statusCode(200).body("items", hasSize(0));
            given().auth().oauth2(token("ops")).queryParam("referralId", referralId.toString())
                    .queryParam("status", "WITHHELD_NO_CONSENT").get("/api/v1/notifications")
                    .then().statusCode(200).body("items", hasSize(3));

            // consent given: what was held back goes, signed, to each
            send(consentRecorded(referralId, jo.childId(), SharingConsentStatus.GIVEN));
            WebhookReceiver.Request outcome = await().atMost(WAIT).until(() -> referrer.requests(
                    r -> r.body().contains("\"referral.outcome\"") && r.body().contains(referralId.toString())),
                    r -> r.size() == 1).get(0);
            assertVerifies(outcome);
            assertEquals("EARLY_HELP_TARGETED",
                    EventJson.mapper().readTree(outcome.body()).path("data").path("outcome").asText());
            await().atMost(WAIT).until(() -> agency.requestsWith(referralId.toString()), r -> r.size() == 1);
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.status", everyItem(equalTo("SENT")))
                    .body("items.withheldReason", everyItem(nullValue())));
        }
    }

    @Test
    void aPartnersReportOfConsentHoldsTheOutcomeUntilTheFrontDoorConfirmsIt() throws Exception {
        String school = uniqueOrg("hillside");
        try (WebhookReceiver referrer = WebhookReceiver.start()) {
            subscribe(school, referrer);
            UUID referralId = UUID.randomUUID();
            Instant receivedAt = Instant.now();
            // the school's system says the young person consented: its word alone shares nothing
            Scenario.Child jo = youngAdultReportedConsenting();
            send(received(referralId, receivedAt, "2A", "PROFESSIONAL", school, "dsl@hillside.example",
                    "Being exploited by older men", jo));
            EventEnvelope decision = decided(referralId, jo.childId(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                    "A personal adviser will contact the young person.");
            send(decision);
            awaitConsumed(db, decision);
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", equalTo("SENT"))
                    .body("items.find { it.kind == 'OUTCOME' }.status", equalTo("WITHHELD_NO_CONSENT"))
                    .body("items.find { it.kind == 'OUTCOME' }.withheldReason",
                            equalTo("Young adult (18+): consent to share reported by the referrer, not yet confirmed"
                                    + " by the front door")));
            Thread.sleep(QUIET.toMillis());
            List<WebhookReceiver.Request> heard = referrer.requestsWith(referralId.toString());
            assertEquals(1, heard.size(), "receipt only");
            assertFalse(heard.get(0).body().contains("referral.outcome"), heard.get(0).body());

            // the front door confirms it (referral-service's referral.consent-recorded, confirmed): the outcome goes
            EventEnvelope confirmed = consentConfirmed(referralId, jo.childId(), receivedAt);
            send(confirmed);
            WebhookReceiver.Request outcome = await().atMost(WAIT).until(() -> referrer.requests(
                    r -> r.body().contains("\"referral.outcome\"") && r.body().contains(referralId.toString())),
                    r -> r.size() == 1).get(0);
            assertVerifies(outcome);
            assertEquals("EARLY_HELP_TARGETED",
                    EventJson.mapper().readTree(outcome.body()).path("data").path("outcome").asText());
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.status", everyItem(equalTo("SENT")))
                    .body("items.withheldReason", everyItem(nullValue())));
        }
    }

    @Test
    void refusedConsentKeepsEverythingAboutTheYoungAdultBack() throws Exception {
        String school = uniqueOrg("hillside");
        try (WebhookReceiver referrer = WebhookReceiver.start()) {
            subscribe(school, referrer);
            UUID referralId = UUID.randomUUID();
            Scenario.Child jo = youngAdult(SharingConsentStatus.NOT_RECORDED);
            send(received(referralId, Instant.now(), "3A", "PROFESSIONAL", school, "pc@police.example",
                    "Missing from placement", jo));
            EventEnvelope decision = decided(referralId, jo.childId(), 2, "EARLY_HELP_SINGLE_AGENCY", "EARLY_HELP",
                    "Leaving care team will follow up.");
            send(decision);
            EventEnvelope refused = consentRecorded(referralId, jo.childId(), SharingConsentStatus.REFUSED);
            send(refused);
            awaitConsumed(db, refused);
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.find { it.kind == 'OUTCOME' }.status", equalTo("WITHHELD_NO_CONSENT"))
                    .body("items.find { it.kind == 'OUTCOME' }.withheldReason", containsString("refused")));
            Thread.sleep(QUIET.toMillis());
            assertEquals(1, referrer.requestsWith(referralId.toString()).size(), "only the acknowledgement");
            assertFalse(referrer.requestsWith(referralId.toString()).get(0).body().contains("referral.outcome"));
        }
    }

    @Test
    void onlyTheYoungAdultWithoutConsentIsHeldBack() throws Exception {
        String school = uniqueOrg("hillside");
        try (WebhookReceiver referrer = WebhookReceiver.start()) {
            subscribe(school, referrer);
            UUID referralId = UUID.randomUUID();
            Scenario.Child seventeen = child();
            Scenario.Child consented = youngAdult(SharingConsentStatus.GIVEN);
            Scenario.Child notAsked = youngAdult(SharingConsentStatus.NOT_RECORDED);
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", school, "dsl@hillside.example",
                    "Three siblings", seventeen, consented, notAsked));
            for (Scenario.Child c : List.of(seventeen, consented, notAsked)) {
                send(decided(referralId, c.childId(), 1, "NO_FURTHER_ACTION", "NONE", "Universal services."));
            }
            List<WebhookReceiver.Request> outcomes = await().atMost(WAIT).until(() -> referrer.requests(
                    r -> r.body().contains("\"referral.outcome\"") && r.body().contains(referralId.toString())),
                    r -> r.size() == 2);
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.find { it.childId == '" + seventeen.childId() + "' }.status", equalTo("SENT"))
                    .body("items.find { it.childId == '" + consented.childId() + "' }.status", equalTo("SENT"))
                    .body("items.find { it.childId == '" + notAsked.childId() + "' }.status",
                            equalTo("WITHHELD_NO_CONSENT")));
            assertTrue(outcomes.stream().noneMatch(r -> r.body().contains(notAsked.childId().toString())));
        }
    }
}
