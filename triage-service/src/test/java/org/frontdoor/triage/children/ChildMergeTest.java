package org.frontdoor.triage.children;

import static io.restassured.RestAssured.given;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.MANAGER_ID;
import static org.frontdoor.triage.Triage.OTHER_WORKER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.ChildMerge;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.triage.Triage.Item;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: two records of one child merged and separated again through the API. A merge moves the duplicate's
 * contacts, case and census record under the survivor (one LAchildID, one chronology); an unmerge leaves every one
 * of them exactly as it was. The contacts are of May 2013 so that the 2013-14 census holds only this test's children.
 */
@QuarkusTest
class ChildMergeTest {

    static final String NAI = "NON_ACCIDENTAL_INJURY";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergeMovesContactsCaseAndCensusRecordAndAnUnmergePutsEachBack() throws Exception {
        Item a = contact("2013-05-06T10:00:00Z", List.of(NAI), "2009-02-03", null, "F");
        Item b = contact("2013-05-20T10:00:00Z", List.of(NAI), "2009-03-02", null, "F");
        assertNotEquals(a.childKey(), b.childKey(), "two known children");
        String caseA = decide(a, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        String caseB = decide(b, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        as(WORKER).body("{\"sex\": \"F\", \"ethnicity\": \"WBRI\", \"disabilities\": [\"NONE\"],"
                + " \"upnUnknown\": \"UN2\", \"birthDate\": \"2009-02-03\"}")
                .put("/api/v1/children/" + a.childKey() + "/characteristics").then().statusCode(200);
        startAssessment(a, "2013-05-07");
        startAssessment(b, "2013-05-21");
        as(MANAGER).body("{\"reasonCode\": \"RC7\", \"summary\": \"Moved away.\"}")
                .post("/api/v1/cases/" + caseB + "/close").then().statusCode(200);
        Map<String, Object> before = snapshot(a, b, caseA, caseB);
        assertEquals(2, census(), "two children in the 2013-14 census: " + before);
        assertEquals(List.of(laChildId(a), laChildId(b)), contactsInMay2013());

        JsonPath merge = as(MANAGER).body(body(b.childKey(), "Same school, same mother; the surname was misspelt"))
                .post("/api/v1/children/" + a.childKey() + "/merge").then().statusCode(201)
                .body("childKey", equalTo(a.childKey().toString()))
                .body("duplicate", equalTo(b.childKey().toString()))
                .body("reason", equalTo("Same school, same mother; the surname was misspelt"))
                .body("mergedBy", equalTo(MANAGER_ID)).body("unmergedAt", nullValue())
                .extract().jsonPath();
        UUID mergeId = UUID.fromString(merge.getString("mergeId"));

        // the duplicate's contact, case and census record count under the survivor
        as(WORKER).get("/api/v1/triage-items/" + b.id()).then().statusCode(200)
                .body("childKey", equalTo(a.childKey().toString()));
        assertEquals(a.childKey().toString(),
                value("select known_child_id from care_case where id = ?", UUID.fromString(caseB)));
        assertEquals(b.childKey().toString(),
                value("select recorded_known_child_id from care_case where id = ?", UUID.fromString(caseB)),
                "kept for an unmerge");
        assertEquals(a.childKey().toString(),
                value("select merged_into from child_characteristics where child_key = ?", b.childKey()));
        assertEquals(1, census(), "one child: one LAchildID");
        assertEquals(List.of(laChildId(a), laChildId(a)), contactsInMay2013(), "both contacts under the survivor's");
        as(MANAGER).get("/api/v1/children/" + b.childKey() + "/chronology").then().statusCode(200)
                .body("childKey", equalTo(a.childKey().toString()))
                .body("mergedRecords", contains(b.childKey().toString()))
                .body("entries.findAll { it.type == 'CONTACT' }.triageItemId", contains(a.id(), b.id()))
                .body("entries.findAll { it.type == 'CONTACT' }.childKey",
                        contains(a.childKey().toString(), b.childKey().toString()));
        ChildMerge merged = ChildMerge.from(Triage.awaitEvents(b.childKey(), EventType.CHILD_MERGED, 1).get(0));
        assertEquals(new ChildMerge(a.childKey(), b.childKey(), mergeId, merged.occurredAt()), merged);

        as(MANAGER).body(body(b.childKey(), "Two girls after all: the school has both on roll"))
                .post("/api/v1/children/" + a.childKey() + "/unmerge").then().statusCode(200)
                .body("mergeId", equalTo(mergeId.toString())).body("unmergedBy", equalTo(MANAGER_ID))
                .body("unmergeReason", equalTo("Two girls after all: the school has both on roll"));

        assertEquals(before, snapshot(a, b, caseA, caseB), "every record as before the merge");
        assertEquals(2, census());
        assertEquals(List.of(laChildId(a), laChildId(b)), contactsInMay2013());
        EventEnvelope unmerged = Triage.awaitEvents(b.childKey(), EventType.CHILD_UNMERGED, 1).get(0);
        assertEquals(mergeId, ChildMerge.from(unmerged).mergeId());
        assertEquals(b.childKey(), ChildMerge.from(unmerged).duplicate());
        as(MANAGER).get("/api/v1/children/" + b.childKey() + "/chronology").then().statusCode(200)
                .body("childKey", equalTo(b.childKey().toString())).body("mergedRecords.size()", equalTo(0))
                .body("entries.type", contains("CONTACT", "ASSESSMENT", "DECISION", "CASE_STEP", "CASE_STEP",
                        "RECORDS_MERGED", "RECORDS_SEPARATED"));
        assertEquals(1L, count("audit_entry where action = 'child.merged' and detail like '%merge " + mergeId + "%'"));
        assertEquals(1L, count("audit_entry where action = 'child.unmerged' and detail like '%merge " + mergeId
                + "%'"));
        // the merge stays on record, undone: it can be made again
        as(MANAGER).body(body(b.childKey(), "x")).post("/api/v1/children/" + a.childKey() + "/unmerge").then()
                .statusCode(404);
    }

    @Test
    void aMergedRecordsContactsMeetTheSurvivorsOpenCase() throws Exception {
        Item a = contact("2026-11-02T10:00:00Z", List.of("SIGNS_OF_NEGLECT"), "2015-10-04", null, "F");
        Item b = contact("2026-11-03T10:00:00Z", List.of("SIGNS_OF_NEGLECT"), "2015-10-04", null, "F");
        String caseA = decide(a, decision(3, "EARLY_HELP_TARGETED", null));
        as(MANAGER).body(body(b.childKey(), "Same child")).post("/api/v1/children/" + a.childKey() + "/merge").then()
                .statusCode(201);
        // the duplicate's undecided contact now shows the survivor's case, and its decision joins it
        as(WORKER).get("/api/v1/triage-items/" + b.id()).then().statusCode(200)
                .body("openCase.caseId", equalTo(caseA));
        assertEquals(caseA, decide(b, decision(3, "EARLY_HELP_TARGETED", null)));
        // a later contact about the duplicate's known child is counted under the survivor from intake
        Item later = Triage.contactAbout(b, "2026-11-10T10:00:00Z");
        assertEquals(a.childKey(), later.childKey());
        as(WORKER).get("/api/v1/triage-items/" + later.id()).then().statusCode(200)
                .body("openCase.caseId", equalTo(caseA));
    }

    @Test
    void whatAMergeNeedsIsNamed() throws Exception {
        Item a = contact("2026-11-02T10:00:00Z", List.of(), "2015-05-04", null, "M");
        Item b = contact("2026-11-09T10:00:00Z", List.of(), "2015-05-04", null, "M");
        String path = "/api/v1/children/" + a.childKey() + "/merge";
        as(MANAGER).body("{\"duplicate\": \"" + b.childKey() + "\"}").post(path).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("reason"));
        as(MANAGER).body("{\"duplicate\": \"" + b.childKey() + "\", \"reason\": \"  \"}").post(path).then()
                .statusCode(422).body("errors.field", contains("reason"));
        as(MANAGER).body("{\"reason\": \"Same child\"}").post(path).then().statusCode(422)
                .body("errors.field", contains("duplicate"));
        as(MANAGER).body(body(a.childKey(), "Same child")).post(path).then().statusCode(422)
                .body("errors.field", contains("duplicate"));
        as(MANAGER).body(body(UUID.randomUUID(), "Same child")).post(path).then().statusCode(404);
        as(MANAGER).body(body(b.childKey(), "Same child")).post("/api/v1/children/" + UUID.randomUUID() + "/merge")
                .then().statusCode(404);
        as(MANAGER).body("{\"reason\": \"Same child\"}").post("/api/v1/children/" + a.childKey() + "/unmerge")
                .then().statusCode(422).body("errors.field", contains("duplicate"));
        as(MANAGER).body(body(b.childKey(), "Not merged")).post("/api/v1/children/" + a.childKey() + "/unmerge")
                .then().statusCode(404);
        assertEquals(0L, count("child_merge where survivor = '" + a.childKey() + "'"), "nothing recorded");
    }

    @Test
    void aRecordMergedOnceAndTwoOpenCasesAreRefusedSayingWhatToDo() throws Exception {
        Item a = contact("2026-11-02T10:00:00Z", List.of(), "2015-06-04", null, "M");
        Item b = contact("2026-11-03T10:00:00Z", List.of(), "2015-06-04", null, "M");
        Item c = contact("2026-11-04T10:00:00Z", List.of(), "2015-06-04", null, "M");
        as(MANAGER).body(body(b.childKey(), "Same child")).post("/api/v1/children/" + a.childKey() + "/merge").then()
                .statusCode(201);
        as(MANAGER).body(body(b.childKey(), "Same child")).post("/api/v1/children/" + c.childKey() + "/merge").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already merged into record " + a.childKey()));
        as(MANAGER).body(body(c.childKey(), "Same child")).post("/api/v1/children/" + b.childKey() + "/merge").then()
                .statusCode(409).body("detail", containsString("merge into record " + a.childKey()));
        as(MANAGER).body(body(a.childKey(), "Same child")).post("/api/v1/children/" + b.childKey() + "/merge").then()
                .statusCode(409).body("detail", containsString("into its own merged records"));

        Item d = contact("2026-11-05T10:00:00Z", List.of("SIGNS_OF_NEGLECT"), "2015-07-04", null, "F");
        Item e = contact("2026-11-06T10:00:00Z", List.of("SIGNS_OF_NEGLECT"), "2015-07-04", null, "F");
        decide(d, decision(3, "EARLY_HELP_TARGETED", null));
        decide(e, decision(3, "EARLY_HELP_TARGETED", null));
        as(MANAGER).body(body(e.childKey(), "Same child")).post("/api/v1/children/" + d.childKey() + "/merge").then()
                .statusCode(409).body("detail", containsString("close or transfer one of the cases first"));
        assertEquals(0L, count("child_merge where survivor = '" + d.childKey() + "'"));
    }

    @Test
    void aTeamManagerOrTheWorkerScreeningAContactOfEitherRecordMerges() throws Exception {
        Item a = contact("2026-11-02T10:00:00Z", List.of(), "2015-08-04", null, "F");
        Item b = contact("2026-11-03T10:00:00Z", List.of(), "2015-08-04", null, "F");
        String path = "/api/v1/children/" + a.childKey() + "/merge";
        given().auth().oauth2(DevJwtTestResource.tokens().token("partner", "hillside-primary"))
                .contentType("application/json").body(body(b.childKey(), "Same child")).post(path).then()
                .statusCode(403);
        as(WORKER).body(body(b.childKey(), "Same child")).post(path).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("ask a team manager"));
        as(WORKER).post("/api/v1/triage-items/" + b.id() + "/claim").then().statusCode(200);
        as(WORKER, OTHER_WORKER).body(body(b.childKey(), "Same child")).post(path).then().statusCode(403);
        as(WORKER).body(body(b.childKey(), "Same child")).post(path).then().statusCode(201)
                .body("mergedBy", equalTo(Triage.WORKER_ID));
        assertTrue(count("audit_entry where action = 'child.merge-refused' and detail like '%" + a.childKey()
                + "%'") >= 2);
    }

    @Test
    void notTheSameChildIsRecordedOnceInBothOrders() throws Exception {
        Item a = contact("2026-11-02T10:00:00Z", List.of(), "2015-09-04", null, "F");
        Item b = contact("2026-11-03T10:00:00Z", List.of(), "2015-09-04", null, "F");
        String path = "/api/v1/children/" + a.childKey() + "/not-the-same";
        String twins = "{\"other\": \"" + b.childKey() + "\", \"reason\": \"Twins: different first names\"}";
        as(MANAGER).body(twins).post(path).then().statusCode(201).body("alreadyRecorded", equalTo(false))
                .body("other", equalTo(b.childKey().toString()));
        as(MANAGER).body(twins).post(path).then().statusCode(200).body("alreadyRecorded", equalTo(true));
        as(MANAGER).body("{\"other\": \"" + a.childKey() + "\", \"reason\": \"Twins\"}")
                .post("/api/v1/children/" + b.childKey() + "/not-the-same").then().statusCode(200);
        assertEquals(2L, count("child_not_same where (child_key = '" + a.childKey() + "' and other_key = '"
                + b.childKey() + "') or (child_key = '" + b.childKey() + "' and other_key = '" + a.childKey() + "')"));
        as(MANAGER).body("{\"other\": \"" + b.childKey() + "\"}").post(path).then().statusCode(422)
                .body("errors.field", contains("reason"));
        as(MANAGER).body("{\"reason\": \"Twins\"}").post(path).then().statusCode(422)
                .body("errors.field", contains("other"));
        as(WORKER, OTHER_WORKER).body(twins).post(path).then().statusCode(403);
    }

    static String body(UUID duplicate, String reason) {
        return "{\"duplicate\": \"" + duplicate + "\", \"reason\": \"" + reason + "\"}";
    }

    private static void startAssessment(Item item, String on) {
        as(WORKER).body("{\"startedOn\": \"" + on + "\"}").post("/api/v1/triage-items/" + item.id() + "/assessments")
                .then().statusCode(201);
    }

    /** What a merge changes and an unmerge must give back. */
    private Map<String, Object> snapshot(Item a, Item b, String caseA, String caseB) throws Exception {
        Map<String, Object> s = new LinkedHashMap<>();
        for (Item i : List.of(a, b)) {
            s.put("item " + i.id(), value("select child_key from triage_item where id = ?", UUID.fromString(i.id())));
            s.put("characteristics " + i.childKey(), as(WORKER).get("/api/v1/children/" + i.childKey()
                    + "/characteristics").then().statusCode(200).extract().asString());
            s.put("merged into " + i.childKey(),
                    String.valueOf(value("select merged_into from child_characteristics where child_key = ?",
                            i.childKey())));
        }
        for (String c : List.of(caseA, caseB)) {
            s.put("case " + c, value("select known_child_id from care_case where id = ?", UUID.fromString(c)));
        }
        return s;
    }

    /** The children of the 2013-14 CIN census. */
    private static int census() {
        return as(MANAGER).queryParam("year", "2014").get("/api/v1/returns/cin-census/errors").then().statusCode(200)
                .extract().path("children");
    }

    private static String laChildId(Item item) {
        return as(WORKER).get("/api/v1/children/" + item.childKey() + "/characteristics").then().statusCode(200)
                .extract().path("laChildId");
    }

    /** Annex A list 1 for May 2013: each contact's LAchildID, in order. */
    private static List<String> contactsInMay2013() {
        String csv = new String(as(MANAGER).queryParam("from", "2013-05-01").queryParam("to", "2013-05-31")
                .get("/api/v1/returns/annex-a/lists/1").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> ids = new ArrayList<>();
        csv.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> ids.add(l.split(",")[0].replace("\"", "")));
        return ids;
    }

    private String value(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private long count(String from) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + from);
                ResultSet r = ps.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
