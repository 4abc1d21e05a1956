package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.notificationEvents;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** A partner endpoint that keeps failing: retries, then FAILED for ops and team managers, then a retry by hand. */
@QuarkusTest
class DeliveryFailureTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aDeliveryThatKeepsFailingBecomesFailedAndCanBeRetriedByHand() throws Exception {
        String org = uniqueOrg("housing");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            partner.answerAlways(503);
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "4", "PROFESSIONAL", org, null, "x", child()));

            // test config: backoff from 200 ms, give up after 10 s
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", equalTo("FAILED")));
            List<WebhookReceiver.Request> attempts = partner.requestsWith(referralId.toString());
            assertTrue(attempts.size() >= 2, "retried with backoff: " + attempts.size());
            assertTrue(attempts.stream().map(r -> r.header("webhook-id")).distinct().count() == 1,
                    "every attempt keeps its webhook-id");
            String id = notificationsOf(referralId).then().extract()
                    .path("items.find { it.kind == 'ACKNOWLEDGEMENT' }.notificationId");

            // visible to ops and team managers, not to partners
            for (String role : List.of("ops", "team-manager")) {
                given().auth().oauth2(token(role)).queryParam("status", "FAILED")
                        .queryParam("referralId", referralId.toString())
                        .get("/api/v1/notifications")
                        .then().statusCode(200)
                        .body("items.notificationId", hasItem(id));
            }
            given().auth().oauth2(token("ops")).get("/api/v1/notifications/" + id)
                    .then().statusCode(200)
                    .body("status", equalTo("FAILED"))
                    .body("lastError", equalTo("HTTP 503 from the partner's endpoint"))
                    .body("attempts", greaterThanOrEqualTo(2));
            given().auth().oauth2(Scenario.partnerToken(org)).queryParam("status", "FAILED")
                    .get("/api/v1/notifications").then().statusCode(403);

            EventEnvelope failed = await().atMost(WAIT).until(() -> notificationEvents(referralId),
                    e -> !e.isEmpty()).get(0);
            assertEquals("notification.failed", failed.type());
            NotificationOutcome outcome = failed.payloadAs(NotificationOutcome.class);
            assertEquals("ACKNOWLEDGEMENT", outcome.kind());
            assertEquals("HTTP 503 from the partner's endpoint", outcome.failureReason());

            // the partner fixes its endpoint; a team manager retries
            partner.answerAlways(200);
            given().auth().oauth2(token("team-manager")).post("/api/v1/notifications/" + id + "/retry")
                    .then().statusCode(200).body("status", equalTo("PENDING"));
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token("ops"))
                    .get("/api/v1/notifications/" + id).then().body("status", equalTo("SENT")));
            WebhookReceiver.Request last = partner.requestsWith(referralId.toString()).get(
                    partner.requestsWith(referralId.toString()).size() - 1);
            assertEquals(200, last.answeredWith());
            assertEquals("msg_" + id, last.header("webhook-id"));
            Scenario.assertVerifies(last);
            await().atMost(WAIT).until(() -> notificationEvents(referralId).stream()
                    .anyMatch(e -> e.type().equals("notification.sent")));

            // only a failed notification can be retried
            given().auth().oauth2(token("ops")).post("/api/v1/notifications/" + id + "/retry")
                    .then().statusCode(409).contentType("application/problem+json");
            given().auth().oauth2(token("ops")).post("/api/v1/notifications/" + UUID.randomUUID() + "/retry")
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }
}
