package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
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

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.frontdoor.returns.CinCensusValidator;
import org.frontdoor.triage.Triage;
import org.frontdoor.triage.Triage.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Issue 28, the census complete: a child's child protection plan is reviewed twice and its category changes, the plan
 * ends at the second review and a CIN plan starts that day; each refused input is a 422 naming its fields with nothing
 * saved; and the census carries the CIN plan, the reviews and the latest category, valid against the schema. The
 * service stands on Monday 2 March 2026, in the 2025-26 census year.
 */
@QuarkusTest
class PlansAndCensusTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @BeforeEach
    void standOnTheSecondOfMarch() {
        QuarkusMock.installMockForType(Triage.StandingClock.at(NOW), Clock.class);
    }

    @AfterEach
    void clockBack() {
        QuarkusMock.installMockForType(Clock.systemUTC(), Clock.class);
    }

    @Test
    void reviewsACategoryChangeAndACinPlanComeOutInTheCensus() throws Exception {
        Item child = contact("2026-01-12T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2012-11-30", null, "M");
        decide(child, decision(4, "STRATEGY_DISCUSSION", "N1"));
        as(WORKER).body("{\"sex\": \"M\", \"ethnicity\": \"MWBC\", \"disabilities\": [\"NONE\"], \"upnUnknown\":"
                + " \"UN5\", \"birthDate\": \"2012-11-30\"}").put("/api/v1/children/" + child.childKey()
                + "/characteristics").then().statusCode(200);
        String assessment = as(WORKER).body("{\"startedOn\": \"2026-01-12\"}")
                .post("/api/v1/triage-items/" + child.id() + "/assessments").then().statusCode(201)
                .extract().path("id");
        as(MANAGER).body("{\"startedOn\": \"2026-01-12\", \"authorisedOn\": \"2026-02-16\", \"factors\": [\"4B\"]}")
                .put("/api/v1/assessments/" + assessment).then().statusCode(200);
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2026-01-12\"}")
                .post("/api/v1/triage-items/" + child.id() + "/section47-enquiries").then().statusCode(201)
                .extract().path("id");
        String plan = "/api/v1/section47-enquiries/" + enquiry + "/protection-plan";
        as(WORKER).body("{\"reviewedOn\": \"2026-02-13\"}").post(plan + "/reviews").then().statusCode(409)
                .body("detail", containsString("no child protection plan"));
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-01-12\", \"icpcOn\": \"2026-01-30\","
                + " \"planStartedOn\": \"2026-01-30\", \"planCategory\": \"NEG\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200);

        // refused: each field named, nothing saved
        as(WORKER).body("{\"reviewedOn\": \"2026-01-30\"}").post(plan + "/reviews").then().statusCode(422)
                .body("errors.field", contains("reviewedOn"))
                .body("errors.message", hasItem(containsString("DfE rule 8841")));
        as(WORKER).body("{\"reviewedOn\": \"2026-03-03\"}").post(plan + "/reviews").then().statusCode(422)
                .body("errors.message", contains("must not be in the future"));
        as(WORKER).body("{\"changedOn\": \"2026-02-13\", \"category\": \"NEG\"}").post(plan + "/category-changes")
                .then().statusCode(422).body("errors.field", contains("category"));
        as(WORKER).body("{\"changedOn\": \"2026-01-30\"}").post(plan + "/category-changes").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("changedOn", "category"));
        as(WORKER).body("{\"startedOn\": \"2026-02-02\"}").post("/api/v1/triage-items/" + child.id() + "/cin-plans")
                .then().statusCode(422).body("errors.field", contains("startedOn"))
                .body("errors.message", hasItem(containsString("DfE rule 4001")));
        as(WORKER).body("{\"startedOn\": \"2026-01-09\", \"endedOn\": \"2026-01-08\"}")
                .post("/api/v1/triage-items/" + child.id() + "/cin-plans").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("startedOn", "endedOn"));
        as(WORKER).get(plan).then().statusCode(200).body("reviews.size()", equalTo(0))
                .body("categoryChanges.size()", equalTo(0)).body("latestCategory", equalTo("NEG"));
        as(WORKER).get("/api/v1/triage-items/" + child.id() + "/cin-plans").then().statusCode(200)
                .body("total", equalTo(0));

        // reviewed, the category changed at the first review; the plan ends at the second, a CIN plan starts then
        as(WORKER).body("{\"reviewedOn\": \"2026-02-13\"}").post(plan + "/reviews").then().statusCode(201)
                .body("reviews.reviewedOn", contains("2026-02-13"));
        as(WORKER).body("{\"changedOn\": \"2026-02-13\", \"category\": \"EMO\"}").post(plan + "/category-changes")
                .then().statusCode(201).body("initialCategory", equalTo("NEG")).body("latestCategory", equalTo("EMO"))
                .body("categoryChanges.category", contains("EMO"));
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-01-12\", \"icpcOn\": \"2026-01-30\","
                + " \"planStartedOn\": \"2026-01-30\", \"planCategory\": \"NEG\", \"planEndedOn\": \"2026-02-20\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200);
        as(WORKER).body("{\"reviewedOn\": \"2026-02-20\"}").post(plan + "/reviews").then().statusCode(201)
                .body("reviews.reviewedOn", contains("2026-02-13", "2026-02-20"));
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-01-12\", \"icpcOn\": \"2026-01-30\","
                + " \"planStartedOn\": \"2026-01-30\", \"planCategory\": \"NEG\", \"planEndedOn\": \"2026-02-16\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(422)
                .body("errors.field", contains("planEndedOn")); // before the review of 20 February
        String cin = as(WORKER).body("{\"startedOn\": \"2026-02-20\"}")
                .post("/api/v1/triage-items/" + child.id() + "/cin-plans").then().statusCode(201)
                .header("ETag", "\"0\"").body("endedOn", equalTo(null)).extract().path("id");
        as(WORKER).body("{\"startedOn\": \"2026-02-23\"}").post("/api/v1/triage-items/" + child.id() + "/cin-plans")
                .then().statusCode(422).body("errors.message", hasItem(containsString("DfE rules 4014, 4004")));
        as(WORKER).header("If-Match", "\"0\"").body("{\"startedOn\": \"2026-02-20\", \"endedOn\": \"2026-02-19\"}")
                .put("/api/v1/cin-plans/" + cin).then().statusCode(422).body("errors.field", contains("endedOn"));
        as(WORKER).header("If-Match", "\"7\"").body("{\"startedOn\": \"2026-02-20\"}").put("/api/v1/cin-plans/" + cin)
                .then().statusCode(412);
        as(WORKER).get("/api/v1/triage-items/" + child.id() + "/cin-plans").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].startedOn", equalTo("2026-02-20"))
                .body("items[0].endedOn", equalTo(null)).body("items[0].recordedBy", equalTo("tw-tara-jones"));

        // a contact that stayed a contact has no CIN plan
        Item contactOnly = contact("2026-02-16T11:00:00Z", List.of(), "2016-04-02", null, "F");
        decide(contactOnly, decision(1, "NO_FURTHER_ACTION", null));
        as(WORKER).body("{\"startedOn\": \"2026-02-17\"}")
                .post("/api/v1/triage-items/" + contactOnly.id() + "/cin-plans").then().statusCode(409);

        // the census
        String laChildId = as(WORKER).get("/api/v1/children/" + child.childKey() + "/characteristics").then()
                .statusCode(200).extract().path("laChildId");
        JsonPath report = as(MANAGER).queryParam("year", "2026").get("/api/v1/returns/cin-census/errors").then()
                .statusCode(200).body("schemaErrors.size()", equalTo(0)).extract().jsonPath();
        assertEquals(List.of(), report.getList("failures.findAll { it.laChildId == '" + laChildId + "' }.rule"),
                report.prettify());
        byte[] xml = as(MANAGER).queryParam("year", "2026").get("/api/v1/returns/cin-census").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(List.of(), new CinCensusValidator((a, b) -> 0).validateSchema(xml), "valid against the XSD");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath x = XPathFactory.newInstance().newXPath();
        String episode = "//Child[ChildIdentifiers/LAchildID='" + laChildId + "']/CINdetails";
        assertEquals(1.0, (Double) x.evaluate("count(" + episode + "/CINPlanDates)", doc, XPathConstants.NUMBER));
        assertEquals("2026-02-20", x.evaluate(episode + "/CINPlanDates/CINPlanStartDate", doc));
        assertEquals("", x.evaluate(episode + "/CINPlanDates/CINPlanEndDate", doc), "still going on");
        String cp = episode + "/ChildProtectionPlans";
        assertEquals("2026-01-30", x.evaluate(cp + "/CPPstartDate", doc));
        assertEquals("2026-02-20", x.evaluate(cp + "/CPPendDate", doc));
        assertEquals("NEG", x.evaluate(cp + "/InitialCategoryOfAbuse", doc));
        assertEquals("EMO", x.evaluate(cp + "/LatestCategoryOfAbuse", doc));
        assertEquals(List.of("2026-02-13", "2026-02-20"), texts(x, doc, cp + "/Reviews/CPPreviewDate"));
        assertEquals("0", x.evaluate(episode + "/ReferralNFA", doc));
    }

    private static List<String> texts(XPath x, Document doc, String path) throws Exception {
        NodeList nodes = (NodeList) x.evaluate(path, doc, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
