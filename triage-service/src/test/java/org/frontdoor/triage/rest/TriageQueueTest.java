package org.frontdoor.triage.rest;

import static io.restassured.RestAssured.given;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.OTHER_WORKER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.WORKER_ID;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.queued;
import static org.frontdoor.triage.Triage.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.Test;

/** Working the queue: list, filters, detail, claim, assign, partner agency checks. */
@QuarkusTest
class TriageQueueTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theQueueIsSortedByDeadlineFilteredAndPaged() throws Exception {
        Instant received = Instant.parse("2025-06-02T10:00:00Z"); // a Monday
        ReferralReceived green = referral(received, List.of("BULLYING"), false, "Gus");
        ReferralReceived red = referral(received, List.of("BULLYING"), true, "Rae");
        ReferralReceived amber = referral(received, List.of("NON_ACCIDENTAL_INJURY"), false, "Ava"); // level 4
        publish(green);
        publish(red);
        publish(amber);
        String greenId = itemIds(green.referralId(), "NEW", 1).get(0);
        String redId = itemIds(red.referralId(), "NEW", 1).get(0);
        String amberId = itemIds(amber.referralId(), "NEW", 1).get(0);

        // everything received in 2025 is overdue by now, and these three are the oldest deadlines of June 2025
        List<String> order = as(WORKER).queryParam("overdue", "true").queryParam("size", 100)
                .get("/api/v1/triage-items").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(order.indexOf(redId) < order.indexOf(amberId) && order.indexOf(amberId) < order.indexOf(greenId),
                "red (4 h) before amber (1 day) before green (3 days): " + order);
        // RED first whatever the deadline: every red item comes before every other
        List<String> priorities = as(WORKER).queryParam("size", 100).get("/api/v1/triage-items").then()
                .statusCode(200).extract().jsonPath().getList("items.priority");
        int firstOther = priorities.indexOf(priorities.stream().filter(p -> !p.equals("RED")).findFirst().orElse("-"));
        assertTrue(priorities.contains("RED") && (firstOther < 0 || priorities.lastIndexOf("RED") < firstOther),
                priorities.toString());
        as(WORKER).queryParam("priority", "RED").queryParam("referralId", red.referralId().toString())
                .get("/api/v1/triage-items").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].deadline", equalTo("2025-06-02T14:00:00Z"))
                .body("items[0].childName", equalTo("Rae Smith"))
                .body("items[0].immediateRisk", equalTo(true))
                .body("items[0].sourceCode", equalTo("2A"))
                .body("items[0].reference", equalTo(Triage.referenceOf(red.referralId())));
        as(WORKER).queryParam("priority", "GREEN").queryParam("referralId", red.referralId().toString())
                .get("/api/v1/triage-items").then().statusCode(200).body("total", equalTo(0));
        as(WORKER).queryParam("size", 1).queryParam("page", 1).get("/api/v1/triage-items").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(1)).body("items.size()", equalTo(1));
        as(WORKER).get("/api/v1/triage-items/" + amberId).then().statusCode(200)
                .body("deadline", equalTo("2025-06-03T10:00:00Z"))
                .body("reference", equalTo(Triage.referenceOf(amber.referralId())))
                .body("referral.referrer.externalReference", equalTo("HPS-1"));
    }

    @Test
    void badFiltersAreListedAndOtherRolesAreKeptOut() {
        as(WORKER).queryParam("status", "LOST").queryParam("priority", "PINK").queryParam("overdue", "maybe")
                .queryParam("referralId", "nope").queryParam("openCase", "perhaps").get("/api/v1/triage-items")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("status", "priority", "overdue", "referralId", "openCase"))
                .body("errors.find { it.field == 'status' }.message",
                        equalTo("must be one of NEW, IN_PROGRESS, AWAITING_APPROVAL, DECIDED"));
        as(WORKER).queryParam("size", 1000).get("/api/v1/triage-items").then().statusCode(422).contentType(PROBLEM);
        given().auth().oauth2(DevJwtTestResource.tokens().token("partner", "hillside-primary"))
                .get("/api/v1/triage-items").then().statusCode(403).contentType(PROBLEM);
        given().get("/api/v1/triage-items").then().statusCode(401).contentType(PROBLEM);
        as(WORKER).get("/api/v1/triage-items/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aWorkerClaimsAManagerReassignsAndEveryReadIsAudited() throws Exception {
        String id = queued(List.of("POOR_ATTENDANCE"), false);

        as(WORKER).post("/api/v1/triage-items/" + id + "/claim").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("assignedTo", equalTo(WORKER_ID));
        as(WORKER, OTHER_WORKER).post("/api/v1/triage-items/" + id + "/claim").then().statusCode(409)
                .contentType(PROBLEM);
        as(WORKER).body("{\"assignee\": \"tw-sam-patel\"}").post("/api/v1/triage-items/" + id + "/assign")
                .then().statusCode(403);
        as(MANAGER).body("{\"assignee\": \"\"}").post("/api/v1/triage-items/" + id + "/assign")
                .then().statusCode(422).body("errors.field", contains("assignee"));
        as(MANAGER).body("{\"assignee\": \"nobody-we-know\"}").post("/api/v1/triage-items/" + id + "/assign")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("assignee"))
                .body("errors[0].message", equalTo("is not an active member of staff; see GET /api/v1/staff"));
        as(MANAGER).body("{\"assignee\": \"tw-sam-patel\"}").post("/api/v1/triage-items/" + id + "/assign")
                .then().statusCode(200).body("assignedTo", equalTo("tw-sam-patel"))
                .body("history.action", contains("RECEIVED", "CLAIMED", "ASSIGNED"))
                .body("history[2].detail", equalTo("to tw-sam-patel (was " + WORKER_ID + ")"));
        as(MANAGER).queryParam("assignedTo", "tw-sam-patel").get("/api/v1/triage-items").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(WORKER, OTHER_WORKER).get("/api/v1/me/items").then().statusCode(200).body("items.id", hasItem(id));
        as(WORKER).get("/api/v1/me/items").then().statusCode(200).body("items.id", not(hasItem(id)));
        // it is now another worker's to decide
        as(WORKER).body(org.frontdoor.triage.Triage.decision(2, "EARLY_HELP_SINGLE_AGENCY", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(409).contentType(PROBLEM);
        as(WORKER, OTHER_WORKER).body(org.frontdoor.triage.Triage.decision(2, "EARLY_HELP_SINGLE_AGENCY", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("decidedBy", equalTo("tw-sam-patel"));

        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200);
        UUID referralId = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + id).path("referralId"));
        assertEquals(2, count("audit_entry", "action = 'triage-item.read' and referral_id = '" + referralId + "'"));
        assertEquals(1, count("audit_entry", "action = 'triage-item.assigned' and referral_id = '" + referralId
                + "' and actor = 'dev-team-manager'"));
    }

    @Test
    void partnerAgencyChecksAreRecordedAndBadOnesListedWithNothingSaved() throws Exception {
        String id = queued(List.of("DOMESTIC_ABUSE"), false);
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police", "POLICE", "6");
        PartnerDirectoryFixture.deactivated("old-police-desk", "Old Police Desk", "POLICE", "6");
        String check = """
                {"organisation": "south-yorkshire-police", "contactName": "DC R. Hughes",
                 "checkedAt": "2026-01-05T11:30:00Z", "findings": "Two domestic incidents at the address."}""";

        as(WORKER).body(check).post("/api/v1/triage-items/" + id + "/checks").then().statusCode(201)
                .body("agency", equalTo("POLICE")) // the organisation's own kind, from the directory
                .body("organisation", equalTo("south-yorkshire-police")).body("recordedBy", equalTo(WORKER_ID));
        as(WORKER).body("""
                {"agency": "ASTROLOGY", "organisation": "POLICE", "contactName": "", "checkedAt": "2999-01-01T00:00:00Z",
                 "findings": "x"}""")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("agency"));
        // a free-text organisation, a typo or a deactivated one is refused, never taken as a new recipient
        for (String organisation : List.of("POLICE", "South Yorkshire Police", "south-yorkshire-polcie",
                "old-police-desk")) {
            as(WORKER).body(check.replace("\"south-yorkshire-police\"", "\"" + organisation + "\"")
                    .replace("2026-01-05T11:30:00Z", "2999-01-01T00:00:00Z").replace("DC R. Hughes", ""))
                    .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(422).contentType(PROBLEM)
                    .body("errors.field", containsInAnyOrder("organisation", "contactName", "checkedAt"))
                    .body("errors.find { it.field == 'organisation' }.message", organisation.equals("old-police-desk")
                            ? containsString("no longer active") : containsString("partner directory"));
        }
        as(WORKER).body("{\"agency\": \"HEALTH\", \"checkedAt\": \"yesterday\"}")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("checkedAt"));
        as(WORKER).body("{\"agency\": \"HEALTH\", \"contactName\": \"Nurse\", \"checkedAt\": \"2026-01-05T11:30:00Z\","
                + " \"findings\": \"x\"}")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("organisation"));

        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("checks.size()", equalTo(1))
                .body("checks[0].organisation", equalTo("south-yorkshire-police"))
                .body("checks[0].findings", equalTo("Two domestic incidents at the address."))
                .body("history.action", hasItem("CHECK_RECORDED"));
        as(WORKER).body(check).post("/api/v1/triage-items/" + UUID.randomUUID() + "/checks").then().statusCode(404);
    }

    private long count(String table, String condition) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where " + condition);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
