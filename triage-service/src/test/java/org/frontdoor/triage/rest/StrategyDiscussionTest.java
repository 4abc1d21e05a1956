package org.frontdoor.triage.rest;

import static io.restassured.RestAssured.given;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.MANAGER_ID;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.WORKER_ID;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.frontdoor.triage.Triage.Item;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Issue 27: a strategy discussion recorded on a triage item, police and health invited; the attending agencies told
 * the outcome (never the minutes), and the item's s47 enquiry, and so the census and Annex A, dated by it.
 */
@QuarkusTest
class StrategyDiscussionTest {

    static final String POLICE = "south-yorks-police";
    static final String HEALTH = "doncaster-health-visiting";
    static final String EDUCATION = "doncaster-education-welfare";
    static final String MINUTES = "Chair T. Jones. Father's cautions discussed; the baby's bruise explained by nobody.";
    static final String SHARED = "Health visitor saw a bruise on the baby's arm on 3 December.";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void theDirectory() {
        PartnerDirectoryFixture.active(POLICE, "South Yorkshire Police", "POLICE", "6");
        PartnerDirectoryFixture.active(HEALTH, "Doncaster Health Visiting", "HEALTH", "3B");
        PartnerDirectoryFixture.active(EDUCATION, "Doncaster Education Welfare", "EDUCATION", "2B");
    }

    @Test
    void heldWithPoliceAndHealthAttendingTellsThemTheOutcomeButNotTheMinutes() throws Exception {
        String id = Triage.queued(List.of("NON_ACCIDENTAL_INJURY"), true);
        UUID referralId = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + id).path("referralId"));
        String body = discussion(Instant.now(), List.of(WORKER_ID, MANAGER_ID), """
                [{"organisation": "%s", "attended": true, "shared": "Father cautioned twice for assault."},
                 {"organisation": "%s", "attended": true, "shared": "%s"},
                 {"organisation": "%s", "attended": false}]""".formatted(POLICE, HEALTH, SHARED, EDUCATION), true,
                "Children stay with their grandmother tonight.");

        ExtractableResponse<Response> created = as(WORKER).body(body).post(path(id)).then().log().ifValidationFails()
                .statusCode(201)
                .body("triageItemId", equalTo(id)).body("section47Enquiry", equalTo(true))
                .body("staff", contains(WORKER_ID, MANAGER_ID))
                .body("agencies.organisation", containsInAnyOrder(POLICE, HEALTH, EDUCATION))
                .body("agencies.find { it.organisation == '" + POLICE + "' }.agencyType", equalTo("POLICE"))
                .body("agencies.find { it.organisation == '" + EDUCATION + "' }.attended", equalTo(false))
                .body("minutes", equalTo(MINUTES)).body("recordedBy", equalTo(WORKER_ID)).extract();
        String discussionId = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/triage-items/" + id + "/strategy-discussions/"
                + discussionId), created.header("Location"));

        EventEnvelope event = Triage.awaitEvents(referralId, EventType.STRATEGY_DISCUSSION_HELD, 1).get(0);
        EventSchemas.assertValid(event);
        StrategyDiscussionHeld held = StrategyDiscussionHeld.from(event);
        assertEquals(UUID.fromString(discussionId), held.discussionId());
        assertEquals(referralId, held.referralId());
        assertEquals(List.of(HEALTH, POLICE), held.attendingOrganisations().stream().sorted().toList(),
                "the attending agencies, not the one invited that did not attend");
        assertTrue(held.section47Enquiry());
        assertEquals("Children stay with their grandmother tonight.", held.immediateProtectiveAction());
        String wire = EventJson.write(event);
        assertFalse(wire.contains("minutes") || wire.contains("Chair T. Jones") || wire.contains("bruise"),
                "neither the minutes nor what an agency shared leave triage: " + wire);

        as(MANAGER).get(path(id)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(discussionId)).body("items[0].minutes", equalTo(MINUTES))
                .body("items[0].agencies.find { it.organisation == '" + HEALTH + "' }.shared", equalTo(SHARED));
        as(WORKER).get(path(id) + "/" + discussionId).then().statusCode(200).body("heldAt", equalTo(created.path(
                "heldAt")));
        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("history.action", hasItem("STRATEGY_DISCUSSION_HELD"));
        assertEquals(1L, count("audit_entry where action = 'strategy-discussion.held' and detail like '%"
                + discussionId + "%' and detail not like '%Chair%'"));
        assertTrue(count("audit_entry where action = 'strategy-discussion.list' and detail like 'item " + id
                + "%'") >= 1);
    }

    @Test
    void withoutHealthInvitedOrWithUnknownStaffNothingIsRecorded() throws Exception {
        String id = Triage.queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        String policeOnly = """
                [{"organisation": "%s", "attended": true}, {"organisation": "%s", "attended": true}]"""
                .formatted(POLICE, EDUCATION);
        as(WORKER).body(discussion(Instant.now(), List.of(WORKER_ID), policeOnly, false, null)).post(path(id)).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", contains("agencies"))
                .body("errors[0].message", containsString("HEALTH"));

        String both = """
                [{"organisation": "%s", "attended": true}, {"organisation": "%s", "attended": false},
                 {"organisation": "no-such-organisation"}]""".formatted(POLICE, HEALTH);
        as(WORKER).body(discussion(Instant.now(), List.of("sw-nobody-here"), both, false, null)).post(path(id))
                .then().statusCode(422).body("errors.field", containsInAnyOrder("staff[0]",
                        "agencies[2].organisation"));
        String policeAndHealth = """
                [{"organisation": "%s", "attended": true}, {"organisation": "%s", "attended": false}]"""
                .formatted(POLICE, HEALTH);
        as(WORKER).body(discussion(Instant.now().plusSeconds(86_400), List.of(WORKER_ID), policeAndHealth, false,
                null)).post(path(id)).then().statusCode(422).body("errors.field", contains("heldAt"));
        as(WORKER).body("{}").post(path(id)).then().statusCode(422)
                .body("errors.field", hasItem("minutes")).body("errors.field", hasItem("agencies"));

        assertEquals(0L, count("strategy_discussion where triage_item_id = '" + id + "'"));
        as(WORKER).get(path(id)).then().statusCode(200).body("total", equalTo(0));
        as(WORKER).body(discussion(Instant.now(), List.of(WORKER_ID), policeAndHealth, false, null))
                .post(path(UUID.randomUUID().toString())).then().statusCode(404);
    }

    @Test
    void theS47EnquiryTheCensusAndAnnexATakeTheDiscussionsDate() throws Exception {
        QuarkusMock.installMockForType(Triage.StandingClock.at(Instant.parse("2026-03-02T10:00:00Z")), Clock.class);
        String agencies = """
                [{"organisation": "%s", "attended": true}, {"organisation": "%s", "attended": true}]"""
                .formatted(POLICE, HEALTH);

        // an enquiry already started: a later discussion deciding on it dates it, and its conference falls due from it
        Item started = contact("2026-02-16T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2013-05-05", null, "M");
        decide(started, decision(4, "STRATEGY_DISCUSSION", "N1"));
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2026-02-16\"}")
                .post("/api/v1/triage-items/" + started.id() + "/section47-enquiries").then().statusCode(201)
                .body("icpcDueOn", equalTo("2026-03-09")).extract().path("id");
        as(WORKER).body(discussion(Instant.parse("2026-02-18T09:00:00Z"), List.of(WORKER_ID), agencies, true, null))
                .post(path(started.id())).then().statusCode(201);
        assertEquals("2026-02-18 2026-02-18 2026-03-11", enquiryDates(enquiry));
        as(WORKER).get("/api/v1/triage-items/" + started.id()).then().statusCode(200).body("history.detail",
                hasItem("s47 enquiry dated by the strategy discussion of 2026-02-18; initial conference due by"
                        + " 2026-03-11"));

        // no enquiry yet: without a date, one needs a discussion that decided on it, and takes the latest's date
        Item later = contact("2026-02-16T11:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2012-11-30", null, "M");
        decide(later, decision(4, "STRATEGY_DISCUSSION", "N1"));
        as(WORKER).body("{\"sex\": \"M\", \"ethnicity\": \"MWBC\", \"disabilities\": [\"NONE\"], \"upnUnknown\":"
                + " \"UN5\", \"birthDate\": \"2012-11-30\"}")
                .put("/api/v1/children/" + later.childKey() + "/characteristics").then().statusCode(200);
        as(WORKER).body("{\"startedOn\": \"2026-02-17\"}").post("/api/v1/triage-items/" + later.id() + "/assessments")
                .then().statusCode(201);
        String s47 = "/api/v1/triage-items/" + later.id() + "/section47-enquiries";
        as(WORKER).body("{}").post(s47).then().statusCode(422).body("errors.field", contains("strategyDiscussionOn"));
        as(WORKER).body(discussion(Instant.parse("2026-02-17T09:00:00Z"), List.of(WORKER_ID), agencies, false, null))
                .post(path(later.id())).then().statusCode(201);
        as(WORKER).body("{}").post(s47).then().statusCode(422).body("errors.field", contains("strategyDiscussionOn"));
        as(WORKER).body(discussion(Instant.parse("2026-02-16T15:00:00Z"), List.of(WORKER_ID), agencies, true, null))
                .post(path(later.id())).then().statusCode(201);
        as(WORKER).body(discussion(Instant.parse("2026-02-17T23:30:00Z"), List.of(WORKER_ID), agencies, true, null))
                .post(path(later.id())).then().statusCode(201); // 23:30 GMT: still the 17th in England
        as(WORKER).body("{}").post(s47).then().statusCode(201).body("strategyDiscussionOn", equalTo("2026-02-17"))
                .body("startedOn", equalTo("2026-02-17")).body("icpcDueOn", equalTo("2026-03-10"));

        // the census's s47 start and conference target, and Annex A's strategy discussion date, are the discussion's
        String laChildId = as(WORKER).get("/api/v1/children/" + later.childKey() + "/characteristics").then()
                .statusCode(200).extract().path("laChildId");
        byte[] xml = as(MANAGER).queryParam("year", "2026").get("/api/v1/returns/cin-census").then().statusCode(200)
                .extract().asByteArray();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath x = XPathFactory.newInstance().newXPath();
        String section47 = "//Child[ChildIdentifiers/LAchildID='" + laChildId + "']/CINdetails/Section47";
        assertEquals("2026-02-17", x.evaluate(section47 + "/S47ActualStartDate", doc));
        assertEquals("2026-03-10", x.evaluate(section47 + "/InitialCPCtarget", doc));
        String list5 = new String(as(MANAGER).get("/api/v1/returns/annex-a/lists/5").then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        assertTrue(list5.lines().anyMatch(l -> l.startsWith(laChildId + ",") && l.contains(",17/02/2026,")), list5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothOperationsAreDescribedWithAnExample() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> operations = openApi.getMap(
                "paths.'/api/v1/triage-items/{id}/strategy-discussions'");
        assertEquals(Set.of("get", "post"), operations.keySet().stream().filter(m -> !m.equals("parameters"))
                .collect(Collectors.toSet()));
        operations.forEach((method, operation) -> {
            if (!method.equals("parameters")) {
                assertTrue(operation.get("summary") != null && operation.get("description") != null, method);
            }
        });
        assertTrue(openApi.getString("paths.'/api/v1/triage-items/{id}/strategy-discussions'.post.requestBody"
                + ".content.'application/json'.examples").contains("south-yorks-police"));
        assertTrue(openApi.getList("components.schemas.AgencyType.enum").containsAll(List.of("POLICE", "HEALTH")));
    }

    private static String path(String itemId) {
        return "/api/v1/triage-items/" + itemId + "/strategy-discussions";
    }

    private static String discussion(Instant heldAt, List<String> staff, String agencies, boolean s47,
            String protectiveAction) {
        return """
                {"heldAt": "%s", "staff": [%s], "agencies": %s, "section47Enquiry": %s, %s "minutes": "%s"}"""
                .formatted(heldAt, String.join(", ", staff.stream().map(s -> "\"" + s + "\"").toList()), agencies,
                        s47, protectiveAction == null ? "" : "\"immediateProtectiveAction\": \"" + protectiveAction
                                + "\",", MINUTES);
    }

    /** The enquiry's strategy discussion date, start and conference due date, as stored. */
    private String enquiryDates(String enquiryId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select"
                + " strategy_discussion_on, started_on, icpc_due_on from section47_enquiry where id = ?::uuid")) {
            ps.setString(1, enquiryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
            }
        }
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
