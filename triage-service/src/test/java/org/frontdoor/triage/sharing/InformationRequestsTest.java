package org.frontdoor.triage.sharing;

import static io.restassured.RestAssured.given;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.frontdoor.triage.Triage;
import org.frontdoor.triage.queue.Deadlines;
import org.junit.jupiter.api.Test;

/** Issue 27: asking partner organisations about a contact's children, their answers by API, and chasing. */
@QuarkusTest
class InformationRequestsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String QUESTION = "Any incidents or concerns at the address in the last 12 months?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OverdueRequests overdue;

    @Inject
    Deadlines contactDeadlines;

    private static RequestSpecification partner(String org) {
        return given().auth().oauth2(DevJwtTestResource.tokens().token("partner", org)).contentType("application/json");
    }

    private static String ask(String itemId, String org, String urgency) {
        return as(WORKER).body("{\"organisation\": \"" + org + "\", \"question\": \"" + QUESTION + "\""
                + (urgency == null ? "" : ", \"urgency\": \"" + urgency + "\"") + "}")
                .post("/api/v1/triage-items/" + itemId + "/information-requests").then().statusCode(201)
                .extract().path("id");
    }

    /** A contact about two children, with their NHS numbers; its item ids. */
    private static List<String> twoChildren(UUID[] referralId) throws Exception {
        ReferralReceived base = Triage.referral(Instant.now(), List.of("DOMESTIC_ABUSE"), false, "Amy", "Ben");
        List<ReferralReceived.Child> children = List.of(child(base.children().get(0), "9434765919"),
                child(base.children().get(1), "9434765870"));
        ReferralReceived referral = new ReferralReceived(base.referralId(), base.receivedAt(),
                base.acknowledgementDueBy(), base.referrer(), base.submittedBy(), children, base.householdMembers(),
                base.concerns(), base.consent());
        Triage.publish(referral);
        referralId[0] = referral.referralId();
        return Triage.itemIds(referral.referralId(), "NEW", 2);
    }

    private static ReferralReceived.Child child(ReferralReceived.Child c, String nhs) {
        return new ReferralReceived.Child(c.childId(), c.position(), c.knownChildId(), c.firstName(), c.lastName(),
                c.dateOfBirth(), null, c.gender(), nhs, c.address(), c.school(), c.priorInvolvement(), false, false,
                SharingConsent.NOT_RECORDED);
    }

    @Test
    void aWorkerAsksAndThePartnerReadsItsOwnRequestWithTheChildren() throws Exception {
        PartnerDirectoryFixture.active("ir-police", "IR Police", "POLICE", "6");
        PartnerDirectoryFixture.active("ir-health", "IR Health", "HEALTH", "5A");
        PartnerDirectoryFixture.deactivated("ir-old-desk", "IR Old Desk", "POLICE", "6");
        UUID[] referral = new UUID[1];
        String item = twoChildren(referral).get(0);
        Priority priority = Priority.valueOf(as(WORKER).get("/api/v1/triage-items/" + item).path("priority"));

        String red = as(WORKER).body("{\"organisation\": \"ir-police\", \"question\": \"" + QUESTION
                + "\", \"urgency\": \"RED\"}").post("/api/v1/triage-items/" + item + "/information-requests")
                .then().statusCode(201).header("Location", endsWith("/api/v1/information-requests/"
                        + as(WORKER).get("/api/v1/triage-items/" + item).path("informationRequests[0].id")))
                .body("status", equalTo("REQUESTED")).body("urgency", equalTo("RED"))
                .body("organisation", equalTo("ir-police")).extract().path("id");
        JsonPath asked = as(WORKER).get("/api/v1/information-requests/" + red).then().statusCode(200)
                .extract().jsonPath();
        Instant requestedAt = Instant.parse(asked.getString("requestedAt"));
        assertEquals(requestedAt.plus(Duration.ofHours(4)), Instant.parse(asked.getString("deadline")));
        for (String urgency : List.of("AMBER", "GREEN")) {
            String id = ask(item, "ir-health", urgency);
            JsonPath r = as(WORKER).get("/api/v1/information-requests/" + id).jsonPath();
            // 1 and 3 working days from the request, counted as the contact's own deadlines are
            assertEquals(contactDeadlines.deadline(Instant.parse(r.getString("requestedAt")),
                    Priority.valueOf(urgency)), Instant.parse(r.getString("deadline")), urgency);
        }
        String byDefault = ask(item, "ir-health", null);
        JsonPath d = as(WORKER).get("/api/v1/information-requests/" + byDefault).jsonPath();
        assertEquals(priority.name(), d.getString("urgency"));
        assertEquals(contactDeadlines.deadline(Instant.parse(d.getString("requestedAt")), priority),
                Instant.parse(d.getString("deadline")));

        // every bad field named; an inactive or unknown organisation is refused
        as(WORKER).body("{\"question\": \" \"}").post("/api/v1/triage-items/" + item + "/information-requests")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("organisation", "question"));
        as(WORKER).body("{\"organisation\": \"ir-old-desk\", \"question\": \"" + "x".repeat(5001) + "\"}")
                .post("/api/v1/triage-items/" + item + "/information-requests").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("organisation", "question"))
                .body("errors.find { it.field == 'organisation' }.message", containsString("no longer active"));
        as(WORKER).body("{\"organisation\": \"nobody-we-know\", \"question\": \"Q?\"}")
                .post("/api/v1/triage-items/" + item + "/information-requests").then().statusCode(422)
                .body("errors.field", contains("organisation"));
        as(WORKER).body("{\"organisation\": \"ir-police\", \"question\": \"Q?\"}")
                .post("/api/v1/triage-items/" + UUID.randomUUID() + "/information-requests").then().statusCode(404);

        // the police read their own request: the question and the minimum to search their records
        partner("ir-police").get("/api/v1/information-requests/" + red).then().statusCode(200)
                .body("question", equalTo(QUESTION)).body("urgency", equalTo("RED"))
                .body("children.firstName", contains("Amy", "Ben")).body("children[0].lastName", equalTo("Smith"))
                .body("children[0].dateOfBirth", equalTo("2016-04-02"))
                .body("children[0].address.postcode", equalTo("DN1 1AA"))
                .body("children.nhsNumber", contains("9434765919", "9434765870"));
        // another organisation: not there
        partner("ir-health").get("/api/v1/information-requests/" + red).then().statusCode(404).contentType(PROBLEM);
        partner("ir-health").body("{\"noTrace\": true}").post("/api/v1/information-requests/" + red + "/response")
                .then().statusCode(404);
        // the message carries the id, deadline and link, never the question or the children
        EventEnvelope event = Triage.awaitEvents(referral[0], EventType.INFORMATION_REQUESTED, 4).stream()
                .filter(e -> EventJson.write(e).contains(red)).findFirst().orElseThrow();
        String json = EventJson.write(event);
        org.frontdoor.events.payload.InformationRequest payload =
                org.frontdoor.events.payload.InformationRequest.from(event);
        assertEquals("/api/v1/information-requests/" + red, payload.link());
        assertEquals("ir-police", payload.organisationId());
        assertEquals(asked.getString("deadline"), payload.deadline().toString());
        for (String secret : List.of("Amy", "Ben", "9434765919", "2016-04-02", "DN1 1AA", QUESTION)) {
            assertFalse(json.contains(secret), secret);
        }
        assertEquals(1, count("audit_entry where action = 'information-request.read' and organisation = 'ir-police'"
                + " and detail like '%" + red + "%'"));
        assertEquals(0, count("audit_entry where action like 'information-request.%' and detail like '%"
                + QUESTION + "%'"));
    }

    @Test
    void thePartnerAnswersOnceWithExactlyOneKindOfAnswer() throws Exception {
        PartnerDirectoryFixture.active("ir-school", "IR School", "EDUCATION", "2A");
        String item = Triage.queued(List.of("POOR_ATTENDANCE"), false);
        String findings = ask(item, "ir-school", "AMBER");
        String noTrace = ask(item, "ir-school", "GREEN");
        String declined = ask(item, "ir-school", "GREEN");
        String answer = "/api/v1/information-requests/%s/response";

        partner("ir-school").body("{}").post(answer.formatted(findings)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("findings", "noTrace", "declined"));
        partner("ir-school").body("{\"noTrace\": false}").post(answer.formatted(findings)).then().statusCode(422);
        partner("ir-school").body("{\"findings\": \"Attends 60%.\", \"declined\": \"No.\"}")
                .post(answer.formatted(findings)).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("findings", "declined"));
        as(WORKER).body("{\"findings\": \"x\"}").post(answer.formatted(findings)).then().statusCode(403);

        partner("ir-school").body("{\"findings\": \"Attendance 60% this term.\"}").post(answer.formatted(findings))
                .then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("findings", equalTo("Attendance 60% this term.")).body("late", equalTo(false))
                .body("answeredAt", notNullValue());
        partner("ir-school").body("{\"noTrace\": true}").post(answer.formatted(findings)).then().statusCode(409);
        partner("ir-school").body("{\"noTrace\": true}").post(answer.formatted(noTrace)).then().statusCode(200)
                .body("status", equalTo("NO_TRACE"));
        partner("ir-school").body("{\"declined\": \"No consent and no safeguarding grounds.\"}")
                .post(answer.formatted(declined)).then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("declinedReason", equalTo("No consent and no safeguarding grounds."));

        // the worker sees each answer on the item
        as(WORKER).get("/api/v1/triage-items/" + item).then().statusCode(200)
                .body("informationRequests.status", contains("ANSWERED", "NO_TRACE", "DECLINED"))
                .body("informationRequests[0].findings", equalTo("Attendance 60% this term."))
                .body("informationRequests[2].declinedReason", equalTo("No consent and no safeguarding grounds."))
                .body("history.action", hasItem("INFORMATION_ANSWERED"));
        as(WORKER).get("/api/v1/triage-items/" + item + "/information-requests").then().statusCode(200)
                .body("id", contains(findings, noTrace, declined));
        assertEquals(3, count("audit_entry where action = 'information-request.answered' and organisation ="
                + " 'ir-school'"));
    }

    @Test
    void aPartnerListsItsOwnRequestsByStatusAPageAtATime() throws Exception {
        PartnerDirectoryFixture.active("ir-lister", "IR Lister", "HEALTH", "5A");
        PartnerDirectoryFixture.active("ir-other", "IR Other", "HEALTH", "5A");
        String item = Triage.queued(List.of("POOR_ATTENDANCE"), false);
        String first = ask(item, "ir-lister", "GREEN");
        String second = ask(item, "ir-lister", "GREEN");
        String third = ask(item, "ir-lister", "GREEN");
        String others = ask(item, "ir-other", "GREEN");
        partner("ir-lister").body("{\"noTrace\": true}").post("/api/v1/information-requests/" + third + "/response")
                .then().statusCode(200);

        partner("ir-lister").queryParam("status", "REQUESTED").queryParam("size", 1)
                .get("/api/v1/information-requests").then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1)).body("items.id", contains(first))
                .body("items[0].children", equalTo(null));
        partner("ir-lister").queryParam("status", "REQUESTED").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/information-requests").then().statusCode(200).body("items.id", contains(second));
        partner("ir-lister").get("/api/v1/information-requests").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", not(hasItem(others)));
        partner("ir-lister").queryParam("status", "LOST").get("/api/v1/information-requests").then().statusCode(422)
                .body("errors.field", contains("status"));
        as(WORKER).queryParam("size", 100).get("/api/v1/information-requests").then().statusCode(200)
                .body("items.organisation", hasItem("ir-lister"));
    }

    @Test
    void aRedRequestUnansweredAfterFourHoursIsOverdueAndChasedOnce() throws Exception {
        PartnerDirectoryFixture.active("ir-chased", "IR Chased", "POLICE", "6");
        String item = Triage.queued(List.of("DOMESTIC_ABUSE"), false);
        String red = ask(item, "ir-chased", "RED");
        String green = ask(item, "ir-chased", "GREEN");
        Instant later = Instant.now().plus(Duration.ofMinutes(4 * 60 + 1));
        QuarkusMock.installMockForType(Triage.StandingClock.at(later), Clock.class);

        overdue.sweep(later);
        as(WORKER).get("/api/v1/information-requests/" + red).then().statusCode(200)
                .body("status", equalTo("OVERDUE")).body("chasedAt", notNullValue());
        as(WORKER).get("/api/v1/information-requests/" + green).then().body("status", equalTo("REQUESTED"));
        String chased = "outbox_event where event_type = 'information.chased' and payload like '%" + red + "%'";
        assertEquals(1, count(chased));
        assertEquals(0, count("outbox_event where event_type = 'information.chased' and payload like '%" + green
                + "%'"));
        overdue.sweep(later.plusSeconds(60));
        assertEquals(1, count(chased));
        as(WORKER).queryParam("status", "OVERDUE").queryParam("size", 100).get("/api/v1/information-requests")
                .then().statusCode(200).body("items.id", hasItem(red)).body("items.id", not(hasItem(green)));
        as(WORKER).get("/api/v1/triage-items/" + item).then()
                .body("informationRequests.find { it.id == '" + red + "' }.status", equalTo("OVERDUE"))
                .body("history.action", hasItem("INFORMATION_OVERDUE"));
        // still answerable, and kept late
        partner("ir-chased").body("{\"findings\": \"One incident, 2025.\"}")
                .post("/api/v1/information-requests/" + red + "/response").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("late", equalTo(true));
    }

    @Test
    void aDecisionWithRequestsOpenSaysWhyItDoesNotWait() throws Exception {
        PartnerDirectoryFixture.active("ir-waited", "IR Waited", "HEALTH", "5A");
        String item = Triage.queued(List.of("POOR_ATTENDANCE"), false);
        ask(item, "ir-waited", "GREEN");
        String decision = Triage.decision(2, "EARLY_HELP_SINGLE_AGENCY", null);

        as(WORKER).body(decision).post("/api/v1/triage-items/" + item + "/decision").then().statusCode(422)
                .contentType(PROBLEM).body("errors.field", contains("openRequestsReason"));
        String reason = "School's plan meets the need whatever health holds.";
        as(WORKER).body(decision.replace("{", "{\"openRequestsReason\": \"" + reason + "\", "))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200)
                .body("status", equalTo("DECIDED"));
        as(WORKER).get("/api/v1/triage-items/" + item).then().statusCode(200)
                .body("decision.openRequestsReason", equalTo(reason))
                .body("history.find { it.action == 'DECIDED_WITH_REQUESTS_OPEN' }.detail", containsString(reason));
        // nothing more is asked from a decided item
        as(WORKER).body("{\"organisation\": \"ir-waited\", \"question\": \"Q?\"}")
                .post("/api/v1/triage-items/" + item + "/information-requests").then().statusCode(409);
        // an item with nothing open decides as before
        String other = Triage.queued(List.of("POOR_ATTENDANCE"), false);
        as(WORKER).body(decision).post("/api/v1/triage-items/" + other + "/decision").then().statusCode(200);
    }

    @Test
    void partnerResponsesWithinTimeAreCountedByAgency() throws Exception {
        // a month no other test works in: Monday 7 October 2024, 09:00 in England
        Instant asked = Instant.parse("2024-10-07T08:00:00Z");
        QuarkusMock.installMockForType(Triage.StandingClock.at(asked), Clock.class);
        PartnerDirectoryFixture.active("ind-police", "Indicator Police", "POLICE", "6");
        PartnerDirectoryFixture.active("ind-health", "Indicator Health", "HEALTH", "5A");
        String item = Triage.queued(List.of("DOMESTIC_ABUSE"), false);
        String onTime = ask(item, "ind-police", "RED");
        String late = ask(item, "ind-police", "RED");
        ask(item, "ind-health", "RED");
        partner("ind-police").body("{\"findings\": \"None.\"}").post("/api/v1/information-requests/" + onTime
                + "/response").then().statusCode(200);
        Instant afterDeadline = Instant.parse("2024-10-07T13:00:00Z");
        QuarkusMock.installMockForType(Triage.StandingClock.at(afterDeadline), Clock.class);
        overdue.sweep(afterDeadline);
        partner("ind-police").body("{\"noTrace\": true}").post("/api/v1/information-requests/" + late
                + "/response").then().statusCode(200).body("late", equalTo(true));
        QuarkusMock.installMockForType(Triage.StandingClock.at(Instant.parse("2024-10-08T10:00:00Z")), Clock.class);

        String at = "indicators.find { it.code == 'PARTNER_RESPONSES_IN_TIME' }.month";
        JsonPath report = as(Triage.MANAGER).queryParam("month", "2024-10").get("/api/v1/triage/indicators").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, report.getLong(at + ".count"));
        assertEquals(3, report.getLong(at + ".of"));
        assertEquals(33.3, report.getDouble(at + ".value"));
        assertEquals("RED", report.getString(at + ".rag")); // target 90, tolerance 10
        assertEquals(1, report.getLong(at + ".byAgency.POLICE.count"));
        assertEquals(2, report.getLong(at + ".byAgency.POLICE.of"));
        assertEquals(50.0, report.getDouble(at + ".byAgency.POLICE.value"));
        assertEquals(0, report.getLong(at + ".byAgency.HEALTH.count"));
        assertEquals(1, report.getLong(at + ".byAgency.HEALTH.of"));
    }

    private long count(String fromWhere) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + fromWhere);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
