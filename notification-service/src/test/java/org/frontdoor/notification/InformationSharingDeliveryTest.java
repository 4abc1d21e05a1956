package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.assertVerifies;
import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.partner;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.InformationRequest;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.testsupport.GreenMailTestResource.ReceivedMail;
import org.frontdoor.testsupport.GreenMailTestResource;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: the organisations the front door asks for information, or that attended a strategy discussion, are told
 * by their channel (webhook, else the directory's email); never a child's details, the question or the minutes.
 */
@QuarkusTest
class InformationSharingDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** test profile: frontdoor.notification.public-api-url */
    static final String PUBLIC_API = "https://frontdoor.council.example";

    @Inject
    AgroalDataSource db;

    @Test
    void aRequestReachesAnOrganisationsWebhookSignedWithoutNamesOnceAndItsChaseIsASecondMessage() throws Exception {
        String police = uniqueOrg("police");
        partner(police, "South Yorkshire Police", "POLICE", "6", "mash-" + police + "@police.example");
        try (WebhookReceiver endpoint = WebhookReceiver.start()) {
            subscribe(police, endpoint);
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", null, "dsl-" + police + "@school.example",
                    "Bruises seen on both arms", child));
            UUID requestId = UUID.randomUUID();
            Instant deadline = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            send(requested(EventType.INFORMATION_REQUESTED, referralId, requestId, police, deadline));

            WebhookReceiver.Request request = await().atMost(WAIT)
                    .until(() -> endpoint.requestsWith(requestId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(request);
            JsonNode body = EventJson.mapper().readTree(request.body());
            assertEquals("information.requested", body.path("type").asText());
            JsonNode data = body.path("data");
            assertEquals(requestId.toString(), data.path("requestId").asText());
            assertEquals(referralId.toString(), data.path("referralId").asText());
            assertEquals("RED", data.path("urgency").asText());
            assertEquals(deadline, Instant.parse(data.path("deadline").asText()));
            assertEquals(PUBLIC_API + "/api/v1/information-requests/" + requestId, data.path("link").asText());
            assertEquals("INFORMATION_REQUESTED", data.path("kind").asText());
            assertTrue(data.path("text").asText().contains("The MASH has asked South Yorkshire Police for information"
                    + " about a contact"), data.path("text").asText());
            for (String personal : List.of(child.firstName(), child.lastName(), child.childId().toString(),
                    "Bruises")) {
                assertFalse(request.body().contains(personal), "the webhook holds " + personal);
            }

            // the same request published again (another event id): still one message
            EventEnvelope again = requested(EventType.INFORMATION_REQUESTED, referralId, requestId, police, deadline);
            send(again);
            awaitConsumed(db, again);
            // overdue: the chase is a second message, of its own type
            send(requested(EventType.INFORMATION_CHASED, referralId, requestId, police, deadline));
            WebhookReceiver.Request chase = await().atMost(WAIT)
                    .until(() -> endpoint.requestsWith("information.chased"), r -> r.size() == 1).get(0);
            assertVerifies(chase);
            assertEquals(requestId.toString(), EventJson.mapper().readTree(chase.body()).path("data")
                    .path("requestId").asText());
            Thread.sleep(500);
            assertEquals(2, endpoint.requestsWith(requestId.toString()).size(), "one request and one chase");
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.findAll { it.kind == 'INFORMATION_REQUESTED' }", hasSize(1))
                    .body("items.findAll { it.kind == 'INFORMATION_CHASED' }", hasSize(1))
                    .body("items.find { it.kind == 'INFORMATION_REQUESTED' }.status", equalTo("SENT"))
                    .body("items.find { it.kind == 'INFORMATION_REQUESTED' }.channel", equalTo("WEBHOOK"))
                    .body("items.find { it.kind == 'INFORMATION_REQUESTED' }.recipientOrganisation", equalTo(police)));
            // and the front door's systems hear it was sent, as of every message
            await().atMost(WAIT).until(() -> Scenario.notificationEvents(referralId).stream()
                    .filter(e -> e.type().equals("notification.sent"))
                    .anyMatch(e -> e.payload().path("kind").asText().equals("INFORMATION_CHASED")));
        }
    }

    @Test
    void anOrganisationWithoutAWebhookIsEmailedAtItsDirectoryAddresses() throws Exception {
        String health = uniqueOrg("health");
        String hv = "hv-" + health + "@health.example";
        partner(health, "Doncaster Health Visiting", "HEALTH", "3B", hv);
        UUID referralId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        // 15:30 in London on a winter day
        Instant deadline = Instant.parse("2026-12-08T15:30:00Z");
        send(requested(EventType.INFORMATION_REQUESTED, referralId, requestId, health, deadline));

        ReceivedMail mail = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(hv),
                m -> m.size() == 1).get(0);
        assertTrue(mail.subject().contains("Request for information"), mail.subject());
        assertTrue(mail.body().contains("The MASH has asked Doncaster Health Visiting for information about a"
                + " contact. Read and answer it in your case system or at " + PUBLIC_API
                + "/api/v1/information-requests/" + requestId + " by Tuesday 8 December 2026, 15:30."), mail.body());
        send(requested(EventType.INFORMATION_CHASED, referralId, requestId, health, deadline));
        ReceivedMail chase = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(hv),
                m -> m.size() == 2).get(1);
        assertTrue(chase.subject().contains("Overdue"), chase.subject());
        assertTrue(chase.body().contains("is overdue"), chase.body());
    }

    @Test
    void aStrategyDiscussionsOutcomeReachesEachAttendingOrganisationByItsChannel() throws Exception {
        String police = uniqueOrg("police");
        String health = uniqueOrg("health");
        String hv = "hv-" + health + "@health.example";
        partner(police, "South Yorkshire Police", "POLICE", "6");
        partner(health, "Doncaster Health Visiting", "HEALTH", "3B", hv);
        try (WebhookReceiver endpoint = WebhookReceiver.start()) {
            subscribe(police, endpoint);
            UUID referralId = UUID.randomUUID();
            UUID discussionId = UUID.randomUUID();
            Instant heldAt = Instant.parse("2026-12-07T10:00:00Z");
            EventEnvelope held = EventEnvelope.of(EventType.STRATEGY_DISCUSSION_HELD, referralId,
                    new StrategyDiscussionHeld(discussionId, referralId, heldAt, List.of(police, health), true,
                            "Child to stay with grandmother tonight", Instant.now()));
            send(held);

            WebhookReceiver.Request toPolice = await().atMost(WAIT)
                    .until(() -> endpoint.requestsWith(discussionId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(toPolice);
            JsonNode body = EventJson.mapper().readTree(toPolice.body());
            assertEquals("strategy-discussion.outcome", body.path("type").asText());
            JsonNode data = body.path("data");
            assertEquals(discussionId.toString(), data.path("discussionId").asText());
            assertEquals(referralId.toString(), data.path("referralId").asText());
            assertEquals(heldAt, Instant.parse(data.path("heldAt").asText()));
            assertTrue(data.path("section47Enquiry").asBoolean());
            assertEquals("Child to stay with grandmother tonight", data.path("immediateProtectiveAction").asText());

            ReceivedMail toHealth = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(hv),
                    m -> m.size() == 1).get(0);
            assertTrue(toHealth.subject().contains("Strategy discussion outcome"), toHealth.subject());
            assertTrue(toHealth.body().contains("a section 47 child protection enquiry will be made"), toHealth.body());
            assertTrue(toHealth.body().contains("Child to stay with grandmother tonight"), toHealth.body());
            assertTrue(toHealth.body().contains("Monday 7 December 2026, 10:00"), toHealth.body());

            // told again (a republished event): nothing more
            EventEnvelope again = EventEnvelope.of(EventType.STRATEGY_DISCUSSION_HELD, referralId, held.payload());
            send(again);
            awaitConsumed(db, again);
            Thread.sleep(500);
            assertEquals(1, endpoint.requestsWith(discussionId.toString()).size());
            assertEquals(1, GreenMailTestResource.receivedBy(hv).size());
        }
    }

    @Test
    void nothingIsSentToADeactivatedOrganisationItIsATaskForTheFrontDoor() throws Exception {
        String police = uniqueOrg("police");
        String address = "mash-" + police + "@police.example";
        partner(police, "South Yorkshire Police", "POLICE", "6", address);
        try (WebhookReceiver endpoint = WebhookReceiver.start()) {
            subscribe(police, endpoint);
            given().auth().oauth2(token("front-door")).post("/api/v1/partners/" + police + "/deactivate").then()
                    .statusCode(200);
            UUID referralId = UUID.randomUUID();
            UUID requestId = UUID.randomUUID();
            send(requested(EventType.INFORMATION_REQUESTED, referralId, requestId, police,
                    Instant.now().plus(1, ChronoUnit.DAYS)));

            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token("front-door"))
                    .queryParam("referralId", referralId.toString()).get("/api/v1/notifications/could-not-inform")
                    .then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].kind", equalTo("INFORMATION_REQUESTED"))
                    .body("items[0].reason", equalTo("INACTIVE_RECIPIENT"))
                    .body("items[0].reasonText", containsString("inactive"))
                    .body("items[0].recipient.organisationId", equalTo(police)));
            Thread.sleep(500);
            assertTrue(endpoint.requestsWith(requestId.toString()).isEmpty(), "no webhook to an inactive partner");
            assertTrue(GreenMailTestResource.receivedBy(address).isEmpty(), "no email to an inactive partner");
        }
    }

    private static EventEnvelope requested(EventType type, UUID referralId, UUID requestId, String org,
            Instant deadline) {
        return EventEnvelope.of(type, referralId, new InformationRequest(requestId, referralId, org, "RED", deadline,
                "/api/v1/information-requests/" + requestId, Instant.now()));
    }
}
