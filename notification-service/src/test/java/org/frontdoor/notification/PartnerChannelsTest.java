package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.assertVerifies;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.closed;
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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.testsupport.GreenMailTestResource.ReceivedMail;
import org.frontdoor.testsupport.GreenMailTestResource;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, the partner directory as a channel: a closure reaches every agency that was checked, by its webhook,
 * else by email to its directory addresses, else it is a could-not-inform task naming the organisation; nothing
 * goes to an inactive one.
 */
@QuarkusTest
class PartnerChannelsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aClosureReachesEveryCheckedAgencyByWebhookOrDirectoryEmailOrBecomesATask() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String school = uniqueOrg("school");
        String police = uniqueOrg("police");
        String health = uniqueOrg("health");
        String charity = uniqueOrg("charity");
        String dsl = "dsl-" + tag + "@school.example";
        String schoolOffice = "office-" + tag + "@school.example";
        String hv = "hv-" + tag + "@health.example";
        String hvTeam = "hv-team-" + tag + "@health.example";
        partner(school, "Hillside Primary School", "SCHOOL", "2A", schoolOffice);
        partner(police, "South Yorkshire Police", "POLICE", "6", "mash-" + tag + "@police.example");
        partner(health, "Doncaster Health Visiting", "HEALTH", "3B", hv, hvTeam);
        partner(charity, "Family Action Doncaster", "VOLUNTARY", "8");
        try (WebhookReceiver policeEndpoint = WebhookReceiver.start()) {
            subscribe(police, policeEndpoint);
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            // the school referred and its DSL left her own address: that, not the directory's, is the referrer's
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", school, dsl, "x", child));
            await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(dsl), m -> m.size() == 1);
            send(closed(referralId, List.of(child.childId()), List.of(school, police, health, charity)));

            // police: its webhook, signed, and no email
            WebhookReceiver.Request closure = await().atMost(WAIT)
                    .until(() -> policeEndpoint.requestsWith(referralId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(closure);
            assertEquals("case.closed", EventJson.mapper().readTree(closure.body()).path("type").asText());
            // health: no webhook, so one email to both its directory addresses
            ReceivedMail toHealth = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(hv),
                    m -> !m.isEmpty()).get(0);
            assertTrue(toHealth.subject().contains("Case closed"), toHealth.subject());
            // the contact quoted by its human reference, never its id
            assertTrue(toHealth.body().contains("Please quote our reference " + Scenario.referenceOf(referralId)),
                    toHealth.body());
            assertFalse(toHealth.body().contains(referralId.toString()), toHealth.body());
            assertEquals(List.of(hv, hvTeam), toHealth.to());
            // the referrer: told by its channel, the DSL's email
            ReceivedMail toReferrer = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(dsl),
                    m -> m.size() == 2).get(1);
            assertTrue(toReferrer.subject().contains("Case closed"), toReferrer.subject());
            assertTrue(GreenMailTestResource.receivedBy(schoolOffice).isEmpty());

            // the charity: in the directory with neither channel, a task with its name and what the directory holds
            await().atMost(WAIT).untilAsserted(() -> couldNotInform(referralId).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].kind", equalTo("CASE_CLOSED"))
                    .body("items[0].recipient.organisationId", equalTo(charity))
                    .body("items[0].recipient.organisationName", equalTo("Family Action Doncaster"))
                    .body("items[0].recipient.inDirectory", equalTo(true))
                    .body("items[0].recipient.agencyType", equalTo("VOLUNTARY"))
                    .body("items[0].recipient.contactEmails", hasSize(0))
                    .body("items[0].recipient.active", equalTo(true))
                    .body("items[0].recipient.referrer", equalTo(false))
                    .body("items[0].reason", equalTo("NO_CHANNEL"))
                    .body("items[0].reasonText", containsString("no webhook subscription or email address")));
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.findAll { it.kind == 'CASE_CLOSED' }", hasSize(4))
                    .body(closedTo(police) + ".channel", equalTo("WEBHOOK"))
                    .body(closedTo(police) + ".status", equalTo("SENT"))
                    .body(closedTo(health) + ".channel", equalTo("EMAIL"))
                    .body(closedTo(health) + ".status", equalTo("SENT"))
                    .body(closedTo(school) + ".channel", equalTo("EMAIL"))
                    .body(closedTo(school) + ".status", equalTo("SENT"))
                    .body(closedTo(charity) + ".status", equalTo("FAILED")));
        }
    }

    @Test
    void anInactiveOrganisationIsNotSentToAndBecomesATask() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String housing = uniqueOrg("housing");
        String address = "housing-" + tag + "@housing.example";
        partner(housing, "Doncaster Housing Options", "HOUSING", "4", address);
        try (WebhookReceiver endpoint = WebhookReceiver.start()) {
            subscribe(housing, endpoint);
            given().auth().oauth2(token("front-door")).post("/api/v1/partners/" + housing + "/deactivate").then()
                    .statusCode(200).body("active", equalTo(false));
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            send(received(referralId, Instant.now(), "6", "PROFESSIONAL", null, null, "x", child));
            send(closed(referralId, List.of(child.childId()), List.of(housing)));

            await().atMost(WAIT).untilAsserted(() -> couldNotInform(referralId).then().statusCode(200)
                    .body(taskOf(housing) + ".reason", equalTo("INACTIVE_RECIPIENT"))
                    .body(taskOf(housing) + ".reasonText", containsString("inactive"))
                    .body(taskOf(housing) + ".attempts", equalTo(1))
                    .body(taskOf(housing) + ".recipient.organisationName", equalTo("Doncaster Housing Options"))
                    .body(taskOf(housing) + ".recipient.contactEmails[0]", equalTo(address))
                    .body(taskOf(housing) + ".recipient.active", equalTo(false)));
            Thread.sleep(500);
            assertTrue(endpoint.requestsWith(referralId.toString()).isEmpty(), "no webhook to an inactive partner");
            assertTrue(GreenMailTestResource.receivedBy(address).isEmpty(), "no email to an inactive partner");

            // reactivated, a retry by hand sends it
            given().auth().oauth2(token("ops")).contentType("application/json")
                    .body(Scenario.partnerJson(housing, "Doncaster Housing Options", "HOUSING", "4", true, address))
                    .put("/api/v1/partners/" + housing).then().statusCode(200);
            String id = couldNotInform(referralId).then().extract().path(taskOf(housing) + ".notificationId");
            given().auth().oauth2(token("ops")).post("/api/v1/notifications/" + id + "/retry").then().statusCode(200);
            await().atMost(WAIT).until(() -> endpoint.requestsWith(referralId.toString()), r -> r.size() == 1);
        }
    }

    @Test
    void anOrganisationWhoseWebhookKeepsFailingGetsItAtItsDirectoryEmail() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String police = uniqueOrg("police");
        String address = "mash-" + tag + "@police.example";
        partner(police, "South Yorkshire Police", "POLICE", "6", address);
        try (WebhookReceiver endpoint = WebhookReceiver.start()) {
            endpoint.answerAlways(500);
            subscribe(police, endpoint);
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            send(received(referralId, Instant.now(), "1A", "INDIVIDUAL", null, null, "x", child));
            send(closed(referralId, List.of(child.childId()), List.of(police)));

            // test config: falls back after 3 failed webhook attempts
            ReceivedMail mail = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(address),
                    m -> m.size() == 1).get(0);
            assertTrue(mail.subject().contains("Case closed"), mail.subject());
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body(closedTo(police) + ".status", equalTo("SENT"))
                    .body(closedTo(police) + ".channel", equalTo("EMAIL"))
                    .body(closedTo(police) + ".fallbackReason", containsString("the webhook failed 3 time(s)")));
            assertEquals(3, endpoint.requestsWith(referralId.toString()).size());
        }
    }

    @Test
    void anOrganisationNotInTheDirectoryIsAsBefore() throws Exception {
        // e.g. free text a worker typed: no webhook, no address, a task with no directory details
        String unknown = uniqueOrg("south-yorkshire-police-j2");
        UUID referralId = UUID.randomUUID();
        Scenario.Child child = child();
        send(received(referralId, Instant.now(), "1A", "INDIVIDUAL", null, null, "x", child));
        send(closed(referralId, List.of(child.childId()), List.of(unknown)));
        await().atMost(WAIT).untilAsserted(() -> couldNotInform(referralId).then().statusCode(200)
                .body("items.find { it.kind == 'CASE_CLOSED' }.reason", equalTo("NO_CHANNEL"))
                .body("items.find { it.kind == 'CASE_CLOSED' }.recipient.organisationId", equalTo(unknown))
                .body("items.find { it.kind == 'CASE_CLOSED' }.recipient.inDirectory", equalTo(false))
                .body("items.find { it.kind == 'CASE_CLOSED' }.recipient.organisationName", nullValue())
                .body("items.find { it.kind == 'CASE_CLOSED' }.recipient.active", nullValue()));
    }

    private static String taskOf(String org) {
        return "items.find { it.kind == 'CASE_CLOSED' && it.recipient.organisationId == '" + org + "' }";
    }

    private static String closedTo(String org) {
        return "items.find { it.kind == 'CASE_CLOSED' && it.recipientOrganisation == '" + org + "' }";
    }

    private static io.restassured.response.Response couldNotInform(UUID referralId) {
        return given().auth().oauth2(token("front-door")).queryParam("referralId", referralId.toString())
                .get("/api/v1/notifications/could-not-inform");
    }
}
