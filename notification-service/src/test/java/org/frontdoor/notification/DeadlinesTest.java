package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * Deadlines in working days, judged at fixed moments ({@code asOf}) rather than by waiting: a school's
 * referral received on Friday 21 November 2025 at 16:00 (UTC = London time in November).
 * Acknowledgement due 1 working day later: Monday 24 November 16:00. Outcome (schools) due 7 working days
 * later: Tuesday 2 December 16:00; at the latest 10: Friday 5 December 16:00.
 */
@QuarkusTest
class DeadlinesTest {

    static final Instant FRIDAY = Instant.parse("2025-11-21T16:00:00Z");

    @Inject
    AgroalDataSource db;

    @Test
    void theOverdueListCountsWorkingDaysAcrossTheWeekend() throws Exception {
        UUID referralId = UUID.randomUUID();
        Scenario.Child child = child();
        // no webhook and no email: the acknowledgement cannot be delivered and stays undelivered
        EventEnvelope referral = received(referralId, FRIDAY, "2A", "PROFESSIONAL", uniqueOrg("school"), null,
                "x", child);
        send(referral);
        awaitConsumed(db, referral);

        given().auth().oauth2(token("ops")).queryParam("referralId", referralId.toString())
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.dueBy", equalTo("2025-11-24T16:00:00Z"))
                .body("items.find { it.kind == 'OUTCOME' }.dueBy", equalTo("2025-12-02T16:00:00Z"))
                .body("items.find { it.kind == 'OUTCOME' }.latestBy", equalTo("2025-12-05T16:00:00Z"))
                .body("items.find { it.kind == 'OUTCOME' }.status", equalTo("AWAITING_DECISION"))
                .body("items.find { it.kind == 'OUTCOME' }.childId", equalTo(child.childId().toString()));

        // Saturday noon: 20 hours after receipt, but the acknowledgement is not late; it is at risk (due Monday)
        overdue(referralId, "2025-11-22T12:00:00Z")
                .body("overdue", equalTo(0))
                .body("items.kind", contains("ACKNOWLEDGEMENT"))
                .body("items.deadline", contains("AT_RISK"));
        // Monday 15:59: still not late
        overdue(referralId, "2025-11-24T15:59:00Z").body("overdue", equalTo(0)).body("items", hasSize(1));
        // Monday 16:01: the acknowledgement is overdue; the outcome is on track
        overdue(referralId, "2025-11-24T16:01:00Z")
                .body("items.kind", contains("ACKNOWLEDGEMENT"))
                .body("items.deadline", contains("OVERDUE"));
        // Friday 28 November, 17:00: seven calendar days, but only five working days: the outcome is not at risk
        overdue(referralId, "2025-11-28T17:00:00Z").body("items.kind", contains("ACKNOWLEDGEMENT"));
        // Monday 1 December, 17:00: no decision yet and due tomorrow: at risk before it is late
        overdue(referralId, "2025-12-01T17:00:00Z")
                .body("overdue", equalTo(1))
                .body("atRisk", equalTo(1))
                .body("items.kind", contains("ACKNOWLEDGEMENT", "OUTCOME"))
                .body("items.deadline", contains("OVERDUE", "AT_RISK"));
        // Wednesday 3 December: both overdue
        overdue(referralId, "2025-12-03T09:00:00Z")
                .body("overdue", equalTo(2))
                .body("items.deadline", contains("OVERDUE", "OVERDUE"));

        // the same judgement through the search: overdue=true as of Tuesday 2 December 17:00
        given().auth().oauth2(token("team-manager")).queryParam("referralId", referralId.toString())
                .queryParam("overdue", "true").queryParam("asOf", "2025-12-02T17:00:00Z")
                .get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", hasItems("ACKNOWLEDGEMENT", "OUTCOME"));
        given().auth().oauth2(token("team-manager")).queryParam("referralId", referralId.toString())
                .queryParam("overdue", "true").queryParam("asOf", "2025-12-02T15:00:00Z")
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", contains("ACKNOWLEDGEMENT"));
    }

    @Test
    void badParametersAreNamed() {
        given().auth().oauth2(token("ops"))
                .queryParam("referralId", "nope").queryParam("status", "LOST").queryParam("overdue", "maybe")
                .queryParam("asOf", "yesterday").queryParam("size", "1000")
                .get("/api/v1/notifications").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("referralId", "status", "overdue", "asOf", "size"));
        given().auth().oauth2(token("ops")).queryParam("asOf", "2025-13-01")
                .get("/api/v1/notifications/overdue").then().statusCode(422)
                .body("errors.field", contains("asOf"));
        given().auth().oauth2(token("triage-worker")).get("/api/v1/notifications/overdue").then().statusCode(403);
    }

    private static ValidatableResponse overdue(UUID referralId, String asOf) {
        return given().auth().oauth2(token("team-manager")).queryParam("referralId", referralId.toString())
                .queryParam("asOf", asOf)
                .get("/api/v1/notifications/overdue").then().statusCode(200)
                .body("asOf", equalTo(asOf));
    }
}
