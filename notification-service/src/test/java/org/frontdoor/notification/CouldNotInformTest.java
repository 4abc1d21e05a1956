package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.assertVerifies;
import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.closed;
import static org.frontdoor.notification.Scenario.notificationEvents;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.testsupport.GreenMailTestResource.ReceivedMail;
import org.frontdoor.testsupport.GreenMailTestResource;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "Every message has a channel or becomes a task": a message the service cannot deliver lands on the
 * front door's "could not inform" list (and in the indicators), and a failing webhook falls back to email.
 */
@QuarkusTest
class CouldNotInformTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern GAUGE = Pattern.compile("(?m)^frontdoor_notifications_could_not_inform(?:\\{[^}]*})? (\\S+)$");

    @Inject
    AgroalDataSource db;

    @Test
    void aClosureReachesEveryAgencyByWebhookOrEmailOrLandsOnTheList() throws Exception {
        String school = uniqueOrg("school");
        String dsl = "dsl-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        String cafcass = uniqueOrg("cafcass");
        String housing = uniqueOrg("housing");
        try (WebhookReceiver cafcassEndpoint = WebhookReceiver.start()) {
            subscribe(cafcass, cafcassEndpoint);
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            // the referrer's school has no webhook but its DSL left an email; housing has neither channel
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", school, dsl, "x", child));
            await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(dsl), m -> m.size() == 1);
            send(closed(referralId, List.of(child.childId()), List.of(school, cafcass, housing)));

            WebhookReceiver.Request closure = await().atMost(WAIT)
                    .until(() -> cafcassEndpoint.requestsWith(referralId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(closure);
            assertEquals("case.closed", EventJson.mapper().readTree(closure.body()).path("type").asText());
            ReceivedMail toReferrer = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(dsl),
                    m -> m.size() == 2).get(1);
            assertTrue(toReferrer.subject().contains("Case closed"), toReferrer.subject());

            await().atMost(WAIT).untilAsserted(() -> couldNotInform(referralId).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].kind", equalTo("CASE_CLOSED"))
                    .body("items[0].childId", equalTo(child.childId().toString()))
                    .body("items[0].recipient.organisationId", equalTo(housing))
                    .body("items[0].recipient.referrer", equalTo(false))
                    .body("items[0].recipient.email", nullValue())
                    .body("items[0].reason", equalTo("NO_CHANNEL"))
                    .body("items[0].reasonText", containsString("no webhook subscription or email address"))
                    .body("items[0].gaveUpAt", notNullValue())
                    .body("items[0].dueBy", notNullValue()));
            notificationsOf(referralId).then()
                    .body("items.findAll { it.kind == 'CASE_CLOSED' }", hasSize(3))
                    .body("items.find { it.kind == 'CASE_CLOSED' && it.recipientOrganisation == '" + cafcass
                            + "' }.channel", equalTo("WEBHOOK"))
                    .body("items.find { it.kind == 'CASE_CLOSED' && it.recipientOrganisation == '" + school
                            + "' }.channel", equalTo("EMAIL"))
                    .body("items.find { it.kind == 'CASE_CLOSED' && it.recipientOrganisation == '" + housing
                            + "' }.status", equalTo("FAILED"))
                    .body("items.find { it.kind == 'CASE_CLOSED' && it.recipientOrganisation == '" + housing
                            + "' }.followUpReason", equalTo("NO_CHANNEL"));
        }
    }

    @Test
    void aReferrerWhoseWebhookKeepsFailingGetsTheMessageByEmailInstead() throws Exception {
        String org = uniqueOrg("gp");
        String email = "gp-" + UUID.randomUUID().toString().substring(0, 8) + "@practice.example";
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            partner.answerAlways(500);
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "3A", "PROFESSIONAL", org, email, "x", child()));

            // test config: falls back after 3 failed webhook attempts
            ReceivedMail ack = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                    m -> m.size() == 1).get(0);
            assertTrue(ack.subject().contains("Referral received"), ack.subject());
            assertTrue(ack.body().contains(Scenario.referenceOf(referralId)), ack.body());
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", equalTo("SENT"))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.channel", equalTo("EMAIL"))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.attempts", equalTo(4))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.fallbackReason",
                            equalTo("the webhook failed 3 time(s), last: HTTP 500 from the partner's endpoint;"
                                    + " sent by email instead")));
            // the webhook is not tried again once the message went by email: exactly one message arrives
            Thread.sleep(1500);
            List<WebhookReceiver.Request> attempts = partner.requestsWith(referralId.toString());
            assertEquals(3, attempts.size(), "three webhook attempts, then email");
            assertTrue(attempts.stream().allMatch(r -> r.answeredWith() == 500));
            assertEquals(1, GreenMailTestResource.receivedBy(email).size());
            couldNotInform(referralId).then().statusCode(200).body("total", equalTo(0));

            EventEnvelope sent = await().atMost(WAIT).until(() -> notificationEvents(referralId),
                    e -> !e.isEmpty()).get(0);
            assertEquals("notification.sent", sent.type());
            assertEquals("EMAIL", sent.payloadAs(NotificationOutcome.class).channel());
        }
    }

    @Test
    void aReferrerWithNoChannelIsOnTheListUntilTheFrontDoorHasToldThem() throws Exception {
        String org = uniqueOrg("nursery");
        UUID referralId = UUID.randomUUID();
        // a professional referrer whose organisation has no webhook, and who left no email
        EventEnvelope referral = received(referralId, Instant.now(), "8", "PROFESSIONAL", org, null, "x", child());
        send(referral);
        awaitConsumed(db, referral);

        await().atMost(WAIT).untilAsserted(() -> couldNotInform(referralId).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("ACKNOWLEDGEMENT"))
                .body("items[0].childId", nullValue())
                .body("items[0].reason", equalTo("NO_CHANNEL"))
                .body("items[0].recipient.organisationId", equalTo(org))
                .body("items[0].recipient.organisationName", equalTo("Hillside Primary School"))
                .body("items[0].recipient.referrer", equalTo(true))
                .body("items[0].recipient.contactName", equalTo("J. Patel")));
        String id = couldNotInform(referralId).then().extract().path("items[0].notificationId");
        // no child's name on the list
        String list = couldNotInform(referralId).then().extract().asString();
        assertTrue(!list.contains("Zephyrine") && !list.contains("Quillfeather"), list);

        // every role that works the list sees it; a partner does not
        for (String role : List.of("front-door", "team-manager", "ops")) {
            given().auth().oauth2(token(role)).queryParam("referralId", referralId.toString())
                    .get("/api/v1/notifications/could-not-inform")
                    .then().statusCode(200).body("items.notificationId", hasItem(id));
        }
        given().auth().oauth2(Scenario.partnerToken(org)).get("/api/v1/notifications/could-not-inform")
                .then().statusCode(403);
        given().auth().oauth2(token("ops")).queryParam("referralId", "nope")
                .get("/api/v1/notifications/could-not-inform").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("referralId"));
        // and the overdue indicator counts it
        given().auth().oauth2(token("team-manager")).queryParam("referralId", referralId.toString())
                .get("/api/v1/notifications/overdue").then().statusCode(200).body("couldNotInform", equalTo(1));

        // bad input is named
        informed(id, "{\"how\": \"TELEPATHY\", \"note\": \"x\"}").statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("how"));
        informed(id, "{}").statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("how", "note"));
        informed(id, "{\"how\": \"PHONE\", \"note\": \"   \"}").statusCode(422).body("errors.field", hasItem("note"));
        informed(UUID.randomUUID().toString(), "{\"how\": \"PHONE\", \"note\": \"Told by phone\"}").statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Scenario.partnerToken(org)).contentType("application/json")
                .body("{\"how\": \"PHONE\", \"note\": \"x\"}").post("/api/v1/notifications/" + id + "/informed")
                .then().statusCode(403);
        couldNotInform(referralId).then().body("total", equalTo(1));

        // the front door phoned the nursery: off the list, recorded, audited
        informed(id, "{\"how\": \"PHONE\", \"note\": \"Told the nursery manager the referral was received.\"}")
                .statusCode(200)
                .body("status", equalTo("INFORMED_OTHERWISE"))
                .body("informedHow", equalTo("PHONE"))
                .body("informedBy", notNullValue())
                .body("informedAt", notNullValue())
                .body("followUpReason", equalTo("NO_CHANNEL"))
                .body("deadline", equalTo("MET"));
        couldNotInform(referralId).then().body("total", equalTo(0)).body("items", hasSize(0));
        given().auth().oauth2(token("ops")).queryParam("referralId", referralId.toString())
                .get("/api/v1/notifications/could-not-inform")
                .then().statusCode(200).body("items.notificationId", not(hasItem(id)));
        assertEquals(1, count("select count(*) from audit_entry where referral_id = ? and action ="
                + " 'notification.informed' and detail like '%PHONE%'", referralId));
        // told otherwise is neither overdue nor retried
        given().auth().oauth2(token("team-manager")).queryParam("referralId", referralId.toString())
                .queryParam("asOf", Instant.now().plus(Duration.ofDays(30)).toString())
                .get("/api/v1/notifications/overdue").then().statusCode(200)
                .body("items.kind", not(hasItem("ACKNOWLEDGEMENT"))).body("couldNotInform", equalTo(0));
        informed(id, "{\"how\": \"LETTER\", \"note\": \"again\"}").statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(token("ops")).post("/api/v1/notifications/" + id + "/retry").then().statusCode(409);
    }

    @Test
    void theTaskAndOverdueListsArePagedWithABoundedSize() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // no organisation and no email: each acknowledgement is a task
        send(received(first, Instant.now(), "5A", "PROFESSIONAL", null, null, "x", child()));
        send(received(second, Instant.now(), "5A", "PROFESSIONAL", null, null, "x", child()));
        await().atMost(WAIT).untilAsserted(() -> {
            couldNotInform(first).then().body("total", equalTo(1));
            couldNotInform(second).then().body("total", equalTo(1));
        });

        String one = given().auth().oauth2(token("front-door")).queryParam("size", 1)
                .get("/api/v1/notifications/could-not-inform").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1)).body("items", hasSize(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2)).extract().path("items[0].notificationId");
        String two = given().auth().oauth2(token("front-door")).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/notifications/could-not-inform").then().statusCode(200)
                .body("page", equalTo(1)).body("items", hasSize(1)).extract().path("items[0].notificationId");
        assertTrue(!one.equals(two), "page 1 goes on from page 0");
        given().auth().oauth2(token("front-door")).queryParam("page", 100000)
                .get("/api/v1/notifications/could-not-inform").then().statusCode(200).body("items", hasSize(0));
        // in thirty days everything undelivered is overdue: a page of one, counts of them all
        var overdue = given().auth().oauth2(token("team-manager")).queryParam("size", 1)
                .queryParam("asOf", Instant.now().plus(Duration.ofDays(30)).toString())
                .get("/api/v1/notifications/overdue").then().statusCode(200).body("size", equalTo(1))
                .body("items", hasSize(1)).extract().jsonPath();
        assertEquals(overdue.getLong("overdue") + overdue.getLong("atRisk"), overdue.getLong("total"));
        assertTrue(overdue.getLong("total") >= 1, overdue.prettify());

        for (String list : List.of("could-not-inform", "overdue")) {
            given().auth().oauth2(token("ops")).queryParam("size", 101).queryParam("page", -1)
                    .get("/api/v1/notifications/" + list).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", contains("page", "size"))
                    .body("errors.message", contains("must be between 0 and 100000", "must be between 1 and 100"));
        }
    }

    @Test
    void theGaugeCountsTheOpenTasks() throws Exception {
        UUID referralId = UUID.randomUUID();
        // no organisation and no email: the acknowledgement has no channel
        send(received(referralId, Instant.now(), "5A", "PROFESSIONAL", null, null, "x", child()));
        await().atMost(WAIT).untilAsserted(() -> couldNotInform(referralId).then().body("total", equalTo(1)));
        String id = couldNotInform(referralId).then().extract().path("items[0].notificationId");
        // other tests' messages may give up meanwhile: the gauge and the list agree at some moment
        await().atMost(WAIT).until(() -> {
            long before = listTotal();
            double gauge = gauge();
            return gauge >= 1 && gauge == before && listTotal() == before;
        });

        informed(id, "{\"how\": \"IN_PERSON\", \"note\": \"Told at the strategy meeting.\"}").statusCode(200);
        await().atMost(WAIT).until(() -> {
            long before = listTotal();
            double gauge = gauge();
            return gauge == before && listTotal() == before;
        });
    }

    private static io.restassured.response.Response couldNotInform(UUID referralId) {
        return given().auth().oauth2(token("front-door")).queryParam("referralId", referralId.toString())
                .get("/api/v1/notifications/could-not-inform");
    }

    private static long listTotal() {
        return ((Number) given().auth().oauth2(token("ops")).get("/api/v1/notifications/could-not-inform")
                .then().statusCode(200).extract().path("total")).longValue();
    }

    private static double gauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = GAUGE.matcher(metrics);
        assertTrue(m.find(), "the gauge is exported");
        return Double.parseDouble(m.group(1));
    }

    private static ValidatableResponse informed(String id, String body) {
        return given().auth().oauth2(token("front-door")).contentType("application/json").body(body)
                .post("/api/v1/notifications/" + id + "/informed").then();
    }

    private long count(String sql, UUID referralId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, referralId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
