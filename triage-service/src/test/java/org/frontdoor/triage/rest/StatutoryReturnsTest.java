package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.contactAbout;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.returns.CinCensusValidator;
import org.frontdoor.triage.Triage.Item;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Issue 14: a year of varied work, recorded through the API as the MASH does it, comes out as the DfE's CIN census
 * (element by element, valid against the schema, a child who breaks a rule listed instead of included) and as
 * Ofsted's Annex A lists (column by column). The service stands on Monday 2 March 2026, in the 2025-26 census year.
 */
@QuarkusTest
class StatutoryReturnsTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void standOnTheSecondOfMarch() {
        QuarkusMock.installMockForType(Triage.StandingClock.at(NOW), Clock.class);
    }

    @Test
    void aYearOfWorkBecomesTheCensusAndAnnexA() throws Exception {
        // 1. a contact that stays a contact; 2. early help
        Item contact = contact("2026-02-02T10:00:00Z", List.of(), "2016-04-02", null, "F");
        decide(contact, decision(1, "NO_FURTHER_ACTION", null));
        Item earlyHelp = contact("2026-02-03T10:00:00Z", List.of("SIGNS_OF_NEGLECT"), "2014-09-10", null, "M");
        decide(earlyHelp, decision(3, "EARLY_HELP_TARGETED", null));

        // 3. an s17 assessment with the factors found
        Item s17 = contact("2026-01-05T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2016-04-02", null, "F");
        decide(s17, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        String upn = validUpn("371000000017");
        characteristics(s17, "F", "WBRI", List.of("NONE"), "\"upn\": \"" + upn + "\"", "2016-04-02", null);
        String assessment = startAssessment(s17, "{\"startedOn\": \"2026-01-06\", \"childSeen\": true}");
        as(MANAGER).body("{\"startedOn\": \"2026-01-06\", \"childSeen\": true, \"authorisedOn\": \"2026-02-20\","
                + " \"factors\": [\"3A\", \"2B\"], \"requiresSupport\": true}")
                .put("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("factors", contains("3A", "2B")).body("dueOn", equalTo("2026-03-09"));

        // 4. an s47 enquiry: strategy discussion, initial conference within 15 working days, a protection plan
        Item s47 = contact("2026-01-12T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2012-11-30", null, "M");
        decide(s47, decision(4, "STRATEGY_DISCUSSION", "N1"));
        characteristics(s47, "M", "MWBC", List.of("LD", "COMM"), "\"upnUnknown\": \"UN5\"", "2012-11-30", null);
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2026-01-12\"}")
                .post("/api/v1/triage-items/" + s47.id() + "/section47-enquiries").then().statusCode(201)
                .body("icpcDueOn", equalTo("2026-02-02")).extract().path("id");
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-01-12\", \"icpcOn\": \"2026-01-30\","
                + " \"planStartedOn\": \"2026-01-30\", \"planCategory\": \"NEG\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200);
        String s47Assessment = startAssessment(s47, "{\"startedOn\": \"2026-01-12\"}");
        as(MANAGER).body("{\"startedOn\": \"2026-01-12\", \"authorisedOn\": \"2026-02-16\", \"factors\": [\"4B\"]}")
                .put("/api/v1/assessments/" + s47Assessment).then().statusCode(200);

        // 5. an unborn child, assessment under way, an enquiry whose conference is due tomorrow
        Item unborn = contact("2026-02-09T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), null, "2026-05-01", "U");
        decide(unborn, decision(4, "SOCIAL_CARE_ASSESSMENT", "N2"));
        characteristics(unborn, "U", "BAFR", List.of(), "\"upnUnknown\": \"UN1\"", null, "2026-05-01");
        startAssessment(unborn, "{\"startedOn\": \"2026-02-10\"}");
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-02-10\"}")
                .post("/api/v1/triage-items/" + unborn.id() + "/section47-enquiries").then().statusCode(201);

        // 6. a child with two referrals in the year: the first closed after an assessment that found nothing
        Item first = contact("2025-06-02T09:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2019-07-01", null, "F");
        String firstCase = decide(first, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        characteristics(first, "F", "AIND", List.of("NONE"), "\"upnUnknown\": \"UN2\"", "2019-07-01", null);
        String nothingFound = startAssessment(first, "{\"startedOn\": \"2025-06-03\"}");
        as(MANAGER).body("{\"startedOn\": \"2025-06-03\", \"authorisedOn\": \"2025-07-15\", \"factors\": [\"21\"],"
                + " \"requiresSupport\": false}").put("/api/v1/assessments/" + nothingFound).then().statusCode(200);
        as(MANAGER).body("{\"reasonCode\": \"RC8\", \"summary\": \"Assessment found no needs.\"}")
                .post("/api/v1/cases/" + firstCase + "/close").then().statusCode(200);
        Item second = contactAbout(first, "2026-03-02T09:00:00Z");
        decide(second, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));

        // 7. an older record that breaks a rule (authorised before it started): listed, not in the file
        Item broken = contact("2026-01-19T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2015-02-02", null, "M");
        decide(broken, decision(4, "SOCIAL_CARE_ASSESSMENT", "N3"));
        characteristics(broken, "M", "WBRI", List.of("NONE"), "\"upnUnknown\": \"UN6\"", "2015-02-02", null);
        sql("insert into assessment (id, triage_item_id, started_on, due_on, authorised_on, factors, recorded_by,"
                + " recorded_at, updated_by, updated_at) values ('" + UUID.randomUUID() + "', '" + broken.id()
                + "', '2026-02-10', '2026-03-23', '2026-02-01', '[\"1B\"]', 'migrated', now(), 'migrated', now())");

        // 8. a referral whose assessment never started, and whose ethnicity nobody recorded: overdue, left out
        Item overdue = contact("2025-12-01T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2017-03-03", null, "F");
        decide(overdue, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));

        // --- the census: what it leaves out, and why ---
        JsonPath report = as(MANAGER).queryParam("year", "2026").get("/api/v1/returns/cin-census/errors").then()
                .statusCode(200).body("referenceDate", equalTo("2026-03-31")).body("laCode", equalTo("371"))
                .body("schemaErrors.size()", equalTo(0)).extract().jsonPath();
        String brokenId = laChildId(broken);
        String overdueId = laChildId(overdue);
        assertTrue(report.getList("failures.findAll { it.laChildId == '" + brokenId + "' && !it.query }.rule")
                .contains("8608"), "authorised before it started: " + report.prettify());
        assertEquals(broken.childKey().toString(), report.getString("failures.find { it.laChildId == '" + brokenId
                + "' }.childKey"));
        assertTrue(report.getList("failures.findAll { it.laChildId == '" + overdueId + "' && !it.query }.rule")
                .contains("4220"), "no ethnicity: " + report.prettify());
        for (Item fine : List.of(s17, s47, unborn, first)) {
            assertEquals(List.of(), report.getList("failures.findAll { it.laChildId == '" + laChildId(fine)
                    + "' && !it.query }.rule"), "no errors for " + laChildId(fine) + ": " + report.prettify());
        }

        // --- the file ---
        var census = as(MANAGER).queryParam("year", "2026").get("/api/v1/returns/cin-census").then().statusCode(200)
                .contentType("application/xml").header("Content-Disposition", org.hamcrest.Matchers.startsWith(
                        "attachment; filename=\"cin-census-371-2026-")).extract();
        byte[] xml = census.asByteArray();
        assertEquals(List.of(), new CinCensusValidator((a, b) -> 0).validateSchema(xml), "valid against the XSD");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals("CIN", x.evaluate("/Message/Header/CollectionDetails/Collection", doc));
        assertEquals("2026", x.evaluate("/Message/Header/CollectionDetails/Year", doc));
        assertEquals("2026-03-31", x.evaluate("/Message/Header/CollectionDetails/ReferenceDate", doc));
        assertEquals("371", x.evaluate("/Message/Header/Source/LEA", doc));
        assertEquals(0.0, (Double) x.evaluate("count(//Child[ChildIdentifiers/LAchildID='" + laChildId(contact) + "'"
                + " or ChildIdentifiers/LAchildID='" + laChildId(earlyHelp) + "'])", doc, XPathConstants.NUMBER),
                "a contact that stayed one, and early help, are not children in need");
        assertEquals(0.0, (Double) x.evaluate("count(//Child[ChildIdentifiers/LAchildID='" + brokenId + "' or"
                + " ChildIdentifiers/LAchildID='" + overdueId + "'])", doc, XPathConstants.NUMBER), "left out");

        String c3 = "//Child[ChildIdentifiers/LAchildID='" + laChildId(s17) + "']";
        assertEquals(upn, x.evaluate(c3 + "/ChildIdentifiers/UPN", doc));
        assertEquals("2016-04-02", x.evaluate(c3 + "/ChildIdentifiers/PersonBirthDate", doc));
        assertEquals("F", x.evaluate(c3 + "/ChildIdentifiers/Sex", doc));
        assertEquals("WBRI", x.evaluate(c3 + "/ChildCharacteristics/Ethnicity", doc));
        assertEquals("NONE", x.evaluate(c3 + "/ChildCharacteristics/Disabilities/Disability", doc));
        assertEquals("2026-01-05", x.evaluate(c3 + "/CINdetails/CINreferralDate", doc));
        assertEquals("2A", x.evaluate(c3 + "/CINdetails/ReferralSource", doc));
        assertEquals("N1", x.evaluate(c3 + "/CINdetails/PrimaryNeedCode", doc));
        assertEquals("", x.evaluate(c3 + "/CINdetails/CINclosureDate", doc), "still open");
        assertEquals("2026-01-06", x.evaluate(c3 + "/CINdetails/Assessments/AssessmentActualStartDate", doc));
        assertEquals("2026-02-20", x.evaluate(c3 + "/CINdetails/Assessments/AssessmentAuthorisationDate", doc));
        assertEquals(List.of("3A", "2B"), texts(x, doc, c3 + "/CINdetails/Assessments/FactorsIdentifiedAtAssessment"
                + "/AssessmentFactors"));
        assertEquals("0", x.evaluate(c3 + "/CINdetails/ReferralNFA", doc));

        String c4 = "//Child[ChildIdentifiers/LAchildID='" + laChildId(s47) + "']/CINdetails";
        assertEquals("2026-01-12", x.evaluate(c4 + "/Section47/S47ActualStartDate", doc));
        assertEquals("2026-02-02", x.evaluate(c4 + "/Section47/InitialCPCtarget", doc));
        assertEquals("2026-01-30", x.evaluate(c4 + "/Section47/DateOfInitialCPC", doc));
        assertEquals("0", x.evaluate(c4 + "/Section47/ICPCnotRequired", doc));
        assertEquals("2026-01-30", x.evaluate(c4 + "/ChildProtectionPlans/CPPstartDate", doc));
        assertEquals("NEG", x.evaluate(c4 + "/ChildProtectionPlans/InitialCategoryOfAbuse", doc));
        assertEquals("0", x.evaluate(c4 + "/ChildProtectionPlans/NumberOfPreviousCPP", doc));
        assertEquals(List.of("LD", "COMM"), texts(x, doc, "//Child[ChildIdentifiers/LAchildID='" + laChildId(s47)
                + "']/ChildCharacteristics/Disabilities/Disability"));
        assertEquals("UN5", x.evaluate("//Child[ChildIdentifiers/LAchildID='" + laChildId(s47)
                + "']/ChildIdentifiers/UPNunknown", doc));

        String c5 = "//Child[ChildIdentifiers/LAchildID='" + laChildId(unborn) + "']";
        assertEquals("2026-05-01", x.evaluate(c5 + "/ChildIdentifiers/ExpectedPersonBirthDate", doc));
        assertEquals("", x.evaluate(c5 + "/ChildIdentifiers/PersonBirthDate", doc));
        assertEquals("U", x.evaluate(c5 + "/ChildIdentifiers/Sex", doc));
        assertEquals("2026-02-10", x.evaluate(c5 + "/CINdetails/Assessments/AssessmentActualStartDate", doc));
        assertEquals("", x.evaluate(c5 + "/CINdetails/Assessments/AssessmentAuthorisationDate", doc), "open");
        assertEquals("2026-03-03", x.evaluate(c5 + "/CINdetails/Section47/InitialCPCtarget", doc));

        String c6 = "//Child[ChildIdentifiers/LAchildID='" + laChildId(first) + "']";
        assertEquals(laChildId(first), laChildId(second), "one child across two contacts");
        assertEquals(List.of("2025-06-02", "2026-03-02"), texts(x, doc, c6 + "/CINdetails/CINreferralDate"));
        assertEquals("2026-03-02", x.evaluate(c6 + "/CINdetails[1]/CINclosureDate", doc));
        assertEquals("RC8", x.evaluate(c6 + "/CINdetails[1]/ReasonForClosure", doc));
        assertEquals("21", x.evaluate(c6 + "/CINdetails[1]/Assessments/FactorsIdentifiedAtAssessment"
                + "/AssessmentFactors", doc));
        assertEquals("", x.evaluate(c6 + "/CINdetails[2]/CINclosureDate", doc));

        // --- statutory timescales ---
        as(WORKER).queryParam("overdue", "true").queryParam("size", 100).get("/api/v1/timescales").then()
                .statusCode(200)
                .body("items.find { it.triageItemId == '" + overdue.id() + "' }.kind", equalTo("ASSESSMENT"))
                .body("items.find { it.triageItemId == '" + overdue.id() + "' }.dueOn", equalTo("2026-02-05"))
                .body("items.find { it.triageItemId == '" + overdue.id() + "' }.overdue", equalTo(true))
                .body("items.triageItemId", org.hamcrest.Matchers.not(hasItem(unborn.id())));
        as(WORKER).queryParam("size", 100).get("/api/v1/timescales").then().statusCode(200)
                .body("items.find { it.triageItemId == '" + unborn.id() + "' && it.kind == 'ICPC' }.dueOn",
                        equalTo("2026-03-03"))
                .body("items.find { it.triageItemId == '" + unborn.id() + "' && it.kind == 'ICPC' }.workingDaysLeft",
                        equalTo(1))
                .body("items.findAll { it.triageItemId == '" + s17.id() + "' }", org.hamcrest.Matchers.empty());

        // --- Annex A: the six months to today ---
        Map<String, List<String>> list1 = rowsById(csv(1), 0);
        assertEquals(List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Date of Contact", "Contact Source"), header(csv(1)));
        assertEquals(List.of(laChildId(contact), "b) Female", "", "02/04/2016", "9", "02/02/2026",
                "e) 2A: Schools"), list1.get(laChildId(contact)));
        Map<String, List<String>> list3 = rowsById(csv(3), 0);
        List<String> secondReferral = list3.get(laChildId(first));
        assertEquals("02/03/2026", secondReferral.get(5));
        assertEquals("b) No", secondReferral.get(7), "not NFA");
        assertEquals("1", secondReferral.get(8), "one referral in the 12 months before");
        List<String> assessed = rowsById(csv(4), 0).get(laChildId(s17));
        assertEquals(List.of(laChildId(s17), "b) Female", "a) WBRI", "02/04/2016", "9", "b) No", "06/01/2026",
                "a) Yes", "20/02/2026", "a) Yes", "Children's social care"), assessed.subList(0, 11));
        List<String> enquired = rowsById(csv(5), 0).get(laChildId(s47));
        assertEquals(List.of("a) Yes", "12/01/2026", "b) No", "30/01/2026", "a) Yes"), enquired.subList(5, 10));
        assertTrue(rowsById(csv(2), 0).containsKey(laChildId(earlyHelp)), "early help is list 2");

        byte[] workbook = as(MANAGER).get("/api/v1/returns/annex-a").then().statusCode(200)
                .contentType(ReturnsResource.XLSX).extract().asByteArray();
        List<String> parts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parts.add(e.getName());
            }
        }
        assertTrue(parts.containsAll(List.of("xl/workbook.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet5.xml")), parts.toString());

        // audited as bulk reads; a triage worker may not make a return
        assertTrue(count("audit_entry where action = 'returns.cin-census' and detail like 'year 2026:%'") >= 1);
        assertTrue(count("audit_entry where action = 'returns.annex-a'") >= 1);
        as(WORKER).queryParam("year", "2026").get("/api/v1/returns/cin-census").then().statusCode(403);
        as(MANAGER).queryParam("year", "26").get("/api/v1/returns/cin-census").then().statusCode(422)
                .body("errors.field", contains("year"));
    }

    @Test
    void aCensusYearWithNoChildToReturnIsA422NamingWhyNotA500() throws Exception {
        // April 2000 to March 2001: nobody had a referral or an open episode (an empty file was a 500)
        as(MANAGER).queryParam("year", "2001").get("/api/v1/returns/cin-census").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("year"))
                .body("errors[0].message", equalTo("no census file for 2001: no child had a referral or an open"
                        + " child in need episode from 2000-04-01 to 2001-03-31"));
        as(MANAGER).queryParam("year", "2001").get("/api/v1/returns/cin-census/errors").then().statusCode(200)
                .body("children", equalTo(0)).body("leftOut", equalTo(0));

        // April 2011 to March 2012: one referral, whose child's ethnicity nobody recorded, so left out (as seen)
        Item alone = contact("2011-06-01T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2005-03-03", null, "F");
        decide(alone, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        as(MANAGER).queryParam("year", "2012").get("/api/v1/returns/cin-census").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("year"))
                .body("errors[0].message", equalTo("no census file for 2012: every child of 2011-04-01 to 2012-03-31"
                        + " (1) is left out for an error; GET /api/v1/returns/cin-census/errors?year=2012 lists them"));
        as(MANAGER).queryParam("year", "2012").get("/api/v1/returns/cin-census/errors").then().statusCode(200)
                .body("children", equalTo(1)).body("included", equalTo(0)).body("leftOut", equalTo(1))
                .body("failures.findAll { !it.query }.rule", hasItem("4220"));
        assertEquals(0L, count("statutory_return where kind = 'CIN_CENSUS' and period in ('2001', '2012')"),
                "no file was made, so no serial number was used");
    }

    @Test
    void annexACoversAtMostTwelveMonths() {
        String bound = "must be on or after 2100-01-01: Annex A covers at most 12 months up to to";
        // 1900-2100 was taken: every contact ever made, in one request
        for (String path : List.of("/api/v1/returns/annex-a", "/api/v1/returns/annex-a/lists/1")) {
            as(MANAGER).queryParam("from", "1900-01-01").queryParam("to", "2100-12-31").get(path).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("from")).body("errors[0].message", equalTo(bound));
        }
        // a from alone is judged against today (2 March 2026)
        as(MANAGER).queryParam("from", "2025-03-02").get("/api/v1/returns/annex-a/lists/1").then().statusCode(422)
                .body("errors.field", contains("from")).body("errors[0].message",
                        equalTo("must be on or after 2025-03-03: Annex A covers at most 12 months up to to"));
        // twelve months to the day is a year's return
        as(MANAGER).queryParam("from", "2025-03-03").get("/api/v1/returns/annex-a/lists/1").then().statusCode(200)
                .contentType(containsString("text/csv"));
        as(MANAGER).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").get("/api/v1/returns/annex-a")
                .then().statusCode(200).contentType(ReturnsResource.XLSX);
    }

    @Test
    void whatTheCensusWouldRefuseIsRefusedAtInput() throws Exception {
        Item s17 = contact("2026-02-16T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2016-04-02", null, "F");
        decide(s17, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        String assessment = startAssessment(s17, "{\"startedOn\": \"2026-02-17\"}");

        as(WORKER).body("{\"startedOn\": \"2026-02-17\", \"authorisedOn\": \"2026-02-16\", \"factors\": [\"21\","
                + " \"3A\"]}").put("/api/v1/assessments/" + assessment).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("authorisedOn", "factors[0]"));
        as(WORKER).body("{\"startedOn\": \"2026-02-13\"}").post("/api/v1/triage-items/" + s17.id() + "/assessments")
                .then().statusCode(422).body("errors.field", contains("startedOn")); // before the referral
        as(WORKER).body("{\"startedOn\": \"2026-02-17\"}").post("/api/v1/triage-items/" + s17.id() + "/assessments")
                .then().statusCode(409); // one open at a time
        as(WORKER).body("{\"sex\": \"F\", \"ethnicity\": \"WXYZ\"}")
                .put("/api/v1/children/" + s17.childKey() + "/characteristics").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("ethnicity"));
        as(WORKER).body("{\"sex\": \"F\", \"upn\": \"A123\", \"birthDate\": \"2016-04-02\","
                + " \"expectedBirthDate\": \"2026-05-01\", \"disabilities\": [\"NONE\", \"VIS\"]}")
                .put("/api/v1/children/" + s17.childKey() + "/characteristics").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("upn", "expectedBirthDate", "disabilities[0]"));
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2026-02-17\"}")
                .post("/api/v1/triage-items/" + s17.id() + "/section47-enquiries").then().statusCode(201)
                .extract().path("id");
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-02-17\", \"icpcOn\": \"2026-02-21\","
                + " \"icpcNotRequired\": true, \"planStartedOn\": \"2026-02-20\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("icpcNotRequired", "icpcOn", "planStartedOn",
                        "planCategory")); // a Saturday conference, both held and not needed, a plan on another day
        Item contact = contact("2026-02-16T11:00:00Z", List.of(), "2016-04-02", null, "F");
        decide(contact, decision(1, "NO_FURTHER_ACTION", null));
        as(WORKER).body("{\"startedOn\": \"2026-02-17\"}").post("/api/v1/triage-items/" + contact.id() + "/assessments")
                .then().statusCode(409); // a contact that did not become a referral
    }

    private void characteristics(Item item, String sex, String ethnicity, List<String> disabilities, String upn,
            String born, String expected) {
        String body = "{\"sex\": \"" + sex + "\", \"ethnicity\": \"" + ethnicity + "\", \"disabilities\": ["
                + String.join(", ", disabilities.stream().map(d -> "\"" + d + "\"").toList()) + "], " + upn
                + (born == null ? "" : ", \"birthDate\": \"" + born + "\"")
                + (expected == null ? "" : ", \"expectedBirthDate\": \"" + expected + "\"") + "}";
        as(WORKER).body(body).put("/api/v1/children/" + item.childKey() + "/characteristics").then().statusCode(200)
                .body("ethnicity", equalTo(ethnicity));
    }

    private String startAssessment(Item item, String body) {
        return as(WORKER).body(body).post("/api/v1/triage-items/" + item.id() + "/assessments").then().statusCode(201)
                .extract().path("id");
    }

    private String laChildId(Item item) {
        return as(WORKER).get("/api/v1/children/" + item.childKey() + "/characteristics").then().statusCode(200)
                .extract().path("laChildId");
    }

    private String csv(int list) {
        return new String(as(MANAGER).get("/api/v1/returns/annex-a/lists/" + list).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    private static List<String> header(String csv) {
        return cells(csv.lines().findFirst().orElseThrow());
    }

    /** The CSV's rows by the value of one column (a child's latest row wins). */
    private static Map<String, List<String>> rowsById(String csv, int column) {
        Map<String, List<String>> rows = new TreeMap<>();
        csv.lines().skip(1).map(StatutoryReturnsTest::cells).forEach(r -> rows.put(r.get(column), r));
        return rows;
    }

    /** One CSV line's cells (quoted cells may hold commas). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static List<String> texts(XPath x, Document doc, String path) throws Exception {
        NodeList nodes = (NodeList) x.evaluate(path, doc, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** A valid UPN: the check letter the other 12 characters call for, in front of them. */
    private static String validUpn(String twelve) {
        return Upn.checkLetter("A" + twelve).orElseThrow() + twelve;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }

    private long count(String fromWhere) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + fromWhere);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
