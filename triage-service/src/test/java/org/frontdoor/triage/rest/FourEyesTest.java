package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.MANAGER_ID;
import static org.frontdoor.triage.Triage.OTHER_MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.awaitEvents;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.events;
import static org.frontdoor.triage.Triage.queued;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.TriageDecided;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: four eyes by the person, not the record. Each test walks one hole as the issue found it and shows it
 * closed: a manager approving her own decision through a second staff record, a manager editing her own record,
 * a risky case closed or stepped at once by one manager, a triage worker authorising an assessment.
 */
@QuarkusTest
class FourEyesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NFA = """
            {"level": 1, "outcome": "NO_FURTHER_ACTION",
             "rationale": "Police attended: a misunderstanding, the child is safe at home.",
             "referrerFeedback": "Thank you. We checked with the police and the child is safe; no further action.",
             "levelOverrideReason": "Police check shows no risk."}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aManagerCannotApproveHerOwnDecisionThroughASecondStaffRecord() throws Exception {
        String id = "tm-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "idp-" + UUID.randomUUID();
        manager(MANAGER, id, subject).then().statusCode(201);
        String item = queued(List.of("BULLYING"), true);
        UUID referralId = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + item).path("referralId"));

        // she decides an immediate-risk contact below social care: it waits, and she may not approve it herself
        as(MANAGER, subject).body(NFA).post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("decidedBy", equalTo(id));
        as(MANAGER, subject).post("/api/v1/triage-items/" + item + "/approve").then().statusCode(403)
                .contentType(PROBLEM);
        // the walk-round: she drops her sign-in from her own record, and links it to a second one
        as(MANAGER, subject).body(staffRecord(id, null, "TEAM_MANAGER")).put("/api/v1/staff/" + id).then()
                .statusCode(403).contentType(PROBLEM).body("errors.field", contains("subject"));
        as(MANAGER).get("/api/v1/staff/" + id).then().body("subject", equalTo(subject));
        String second = id + "-2";
        manager(MANAGER, subject, second, subject).then().statusCode(422).contentType(PROBLEM)
                .body("errors.find { it.field == 'subject' }.message", equalTo("is already the sign-in of " + id));

        // even when another manager moves her sign-in to a second record (allowed, audited), she is still herself
        as(MANAGER).body(staffRecord(id, null, "TEAM_MANAGER")).put("/api/v1/staff/" + id).then().statusCode(200)
                .body("subject", nullValue());
        manager(MANAGER, subject, second, subject).then().statusCode(403).contentType(PROBLEM)
                .body("errors.field", contains("subject"));
        manager(MANAGER, second, subject).then().statusCode(201);
        // linked at first, unlinked, linked to the second record: each audited with who moved it
        assertEquals(3, count("audit_entry", "action = 'staff.sign-in-moved' and detail like '%" + subject + "%'"
                + " and detail like '%by " + MANAGER_ID + "%'"));
        as(MANAGER, subject).get("/api/v1/me").then().statusCode(200).body("id", equalTo(second));

        as(MANAGER, subject).post("/api/v1/triage-items/" + item + "/approve").then().statusCode(403)
                .contentType(PROBLEM).body("detail", startsWith("You made this decision: another team manager must"
                        + " approve it"));
        as(WORKER).get("/api/v1/triage-items/" + item).then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("decision.approvedBy", nullValue())
                .body("decision.decidedBy", equalTo(id)).body("decision.decidedBySubject", equalTo(subject));
        assertEquals(0, events(referralId, EventType.TRIAGE_DECIDED).size(), "nothing reached the referrer");
        assertEquals(2, count("audit_entry", "action = 'triage-item.approval.refused' and referral_id = '"
                + referralId + "'"));

        // another person approves: history keeps both the staff id and the sign-in of each
        as(MANAGER, OTHER_MANAGER).post("/api/v1/triage-items/" + item + "/approve").then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("approvedBy", equalTo("tm-owen-hart"));
        as(WORKER).get("/api/v1/triage-items/" + item).then()
                .body("decision.approvedBySubject", equalTo(OTHER_MANAGER))
                .body("history.find { it.action == 'AWAITING_APPROVAL' }.actor", equalTo(id))
                .body("history.find { it.action == 'AWAITING_APPROVAL' }.actorSubject", equalTo(subject))
                .body("history.find { it.action == 'APPROVED' }.actor", equalTo("tm-owen-hart"))
                .body("history.find { it.action == 'APPROVED' }.actorSubject", equalTo(OTHER_MANAGER));
        TriageDecided told = awaitEvents(referralId, EventType.TRIAGE_DECIDED, 1).get(0).payloadAs(TriageDecided.class);
        assertEquals("tm-owen-hart", told.approvedBy());
    }

    @Test
    void nobodyChangesTheirOwnRoleOrActiveFlag() {
        String id = "tm-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "idp-" + UUID.randomUUID();
        manager(MANAGER, id, subject).then().statusCode(201);

        as(MANAGER, subject).body(staffRecord(id, subject, "TRIAGE_WORKER")).put("/api/v1/staff/" + id).then()
                .statusCode(403).contentType(PROBLEM).body("errors.field", contains("role"));
        as(MANAGER, subject).body(staffRecord(id, subject, "TEAM_MANAGER").replace("}", ", \"active\": false}"))
                .put("/api/v1/staff/" + id).then().statusCode(403).body("errors.field", contains("active"));
        as(MANAGER, subject).post("/api/v1/staff/" + id + "/deactivate").then().statusCode(403)
                .contentType(PROBLEM).body("errors.field", contains("active"));
        as(MANAGER).get("/api/v1/staff/" + id).then().body("role", equalTo("TEAM_MANAGER"))
                .body("active", equalTo(true)).body("version", equalTo(0));
        // the rest of her own record is hers to keep up to date; role and active flag are another manager's
        as(MANAGER, subject).body(staffRecord(id, subject, "TEAM_MANAGER").replace("MASH", "MASH east"))
                .put("/api/v1/staff/" + id).then().statusCode(200).body("team", equalTo("MASH east"));
        as(MANAGER).body(staffRecord(id, subject, "TRIAGE_WORKER")).put("/api/v1/staff/" + id).then().statusCode(200)
                .body("role", equalTo("TRIAGE_WORKER"));
    }

    @Test
    void aRiskyCaseClosesInItsFirstTenWorkingDaysOnlyWithASecondManager() throws Exception {
        String caseId = riskyCase();
        UUID referralId = UUID.fromString(as(MANAGER).get("/api/v1/cases/" + caseId).path("referralId"));
        String close = "{\"reasonCode\": \"RC8\", \"summary\": \"Strategy discussion found no role for social care.\"}";

        as(MANAGER).body(close).post("/api/v1/cases/" + caseId + "/close").then().statusCode(202)
                .body("status", equalTo("OPEN")).body("pendingChange.kind", equalTo("CLOSE"))
                .body("pendingChange.reasonCode", equalTo("RC8"))
                .body("pendingChange.requestedBy", equalTo(MANAGER_ID))
                .body("pendingChange.requestedBySubject", equalTo("dev-team-manager"))
                .body("warnings[0]", startsWith("This close (RC8) waits for another team manager's approval"));
        as(MANAGER).body(close).post("/api/v1/cases/" + caseId + "/close").then().statusCode(409).contentType(PROBLEM);
        as(MANAGER).post("/api/v1/cases/" + caseId + "/change/approve").then().statusCode(403).contentType(PROBLEM)
                .body("detail", startsWith("You asked for this close: another team manager must approve it"));
        as(WORKER).post("/api/v1/cases/" + caseId + "/change/approve").then().statusCode(403);
        as(MANAGER).get("/api/v1/cases/" + caseId).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("closedAt", nullValue());
        assertEquals(0, events(referralId, EventType.CASE_CLOSED).size(), "nobody was told of a closure");
        as(MANAGER, OTHER_MANAGER).get("/api/v1/cases/awaiting-approval").then().statusCode(200)
                .body("items.find { it.caseId == '" + caseId + "' }.change.kind", equalTo("CLOSE"));

        as(MANAGER, OTHER_MANAGER).post("/api/v1/cases/" + caseId + "/change/approve").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closureReasonCode", equalTo("RC8"))
                .body("pendingChange", nullValue())
                .body("history.action", hasItems("CLOSE_REQUESTED", "CLOSE_APPROVED", "CLOSED"))
                .body("history.find { it.action == 'CLOSE_APPROVED' }.actorSubject", equalTo(OTHER_MANAGER))
                .body("history.find { it.action == 'CLOSED' }.actor", equalTo(MANAGER_ID));
        CaseEvent closed = awaitEvents(referralId, EventType.CASE_CLOSED, 1).get(0).payloadAs(CaseEvent.class);
        assertEquals("RC8", closed.closureReasonCode());
        as(MANAGER, OTHER_MANAGER).get("/api/v1/cases/awaiting-approval").then()
                .body("items.caseId", org.hamcrest.Matchers.not(hasItem(caseId)));
    }

    @Test
    void aRiskyCaseStepDeclinedStaysAsItIsAndTheAskerIsTold() throws Exception {
        String caseId = riskyCase();
        String step = """
                {"direction": "DOWN", "pathway": "EARLY_HELP", "panelDate": "%s",
                 "rationale": "Risks reduced after the strategy discussion."}""".formatted(LocalDate.now().minusDays(1));

        as(MANAGER).body(step).post("/api/v1/cases/" + caseId + "/step").then().statusCode(202)
                .body("pathway", equalTo("SOCIAL_CARE")).body("pendingChange.kind", equalTo("STEP"))
                .body("pendingChange.direction", equalTo("DOWN"));
        as(MANAGER, OTHER_MANAGER).body("{\"reason\": \"\"}").post("/api/v1/cases/" + caseId + "/change/decline")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("reason"));
        as(MANAGER, OTHER_MANAGER).body("{\"reason\": \"Hold the child protection conference first.\"}")
                .post("/api/v1/cases/" + caseId + "/change/decline").then().statusCode(200)
                .body("pathway", equalTo("SOCIAL_CARE")).body("pendingChange", nullValue())
                .body("steps.size()", equalTo(0)).body("history.action", hasItem("STEP_DECLINED"));
        as(MANAGER).get("/api/v1/me/alerts").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.kind", equalTo("CASE_CHANGE_DECLINED"));
        as(MANAGER, OTHER_MANAGER).post("/api/v1/cases/" + caseId + "/change/approve").then().statusCode(409);
    }

    @Test
    void authorisingAnAssessmentAndRulingOutAConferenceAreATeamManagersActs() throws Exception {
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        as(WORKER).body(decision(4, "STRATEGY_DISCUSSION", "N1")).post("/api/v1/triage-items/" + item + "/decision")
                .then().statusCode(200).body("becameReferral", equalTo(true));
        String today = LocalDate.now(org.frontdoor.support.calendar.WorkingCalendar.ENGLAND).toString();
        String started = "{\"startedOn\": \"" + today + "\"}";
        String authorised = "{\"startedOn\": \"" + today + "\", \"authorisedOn\": \"" + today
                + "\", \"factors\": [\"21\"], \"requiresSupport\": false}";
        String assessment = as(WORKER).body(started).post("/api/v1/triage-items/" + item + "/assessments").then()
                .statusCode(201).extract().path("id");

        as(WORKER).body(authorised).put("/api/v1/assessments/" + assessment).then().statusCode(403)
                .contentType(PROBLEM).body("errors.field", contains("authorisedOn"));
        as(MANAGER).body(authorised).put("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("authorisedOn", equalTo(today)).body("authorisedBy", equalTo(MANAGER_ID))
                .body("authorisedBySubject", equalTo("dev-team-manager"));
        // a worker keeps the rest up to date, but does not take the authorisation back
        as(WORKER).body(authorised.replace("{", "{\"childSeen\": true, ")).put("/api/v1/assessments/" + assessment)
                .then().statusCode(200).body("childSeen", equalTo(true)).body("authorisedBy", equalTo(MANAGER_ID));
        as(WORKER).body(started).put("/api/v1/assessments/" + assessment).then().statusCode(403)
                .body("errors.field", contains("authorisedOn"));

        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"" + today + "\"}")
                .post("/api/v1/triage-items/" + item + "/section47-enquiries").then().statusCode(201)
                .extract().path("id");
        String notRequired = "{\"strategyDiscussionOn\": \"" + today + "\", \"icpcNotRequired\": true}";
        as(WORKER).body(notRequired).put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(403)
                .contentType(PROBLEM).body("errors.field", contains("icpcNotRequired"));
        as(WORKER).queryParam("size", 100).get("/api/v1/timescales").then()
                .body("items.find { it.id == '" + enquiry + "' }", notNullValue());
        as(MANAGER).body(notRequired).put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200)
                .body("icpcNotRequired", equalTo(true)).body("icpcNotRequiredBy", equalTo(MANAGER_ID))
                .body("icpcNotRequiredBySubject", equalTo("dev-team-manager"));
        as(WORKER).get("/api/v1/triage-items/" + item).then()
                .body("history.find { it.action == 'ICPC_RECORDED' }.actorSubject", equalTo("dev-team-manager"));
    }

    /** A social care case opened just now from an immediate-risk contact: no approval needed to open it. */
    private static String riskyCase() throws Exception {
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), true);
        return as(MANAGER).body(decision(4, "STRATEGY_DISCUSSION", "N1"))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("caseEffect", equalTo("OPENED")).extract().path("caseId");
    }

    private static io.restassured.response.Response manager(String role, String id, String subject) {
        return as(role).body(staffRecord(id, subject, "TEAM_MANAGER")).post("/api/v1/staff");
    }

    private static io.restassured.response.Response manager(String role, String signedInAs, String id,
            String subject) {
        return as(role, signedInAs).body(staffRecord(id, subject, "TEAM_MANAGER")).post("/api/v1/staff");
    }

    private static String staffRecord(String id, String subject, String role) {
        return """
                {"id": "%s", %s "name": "Test Manager", "team": "MASH", "role": "%s"}"""
                .formatted(id, subject == null ? "" : "\"subject\": \"" + subject + "\",", role);
    }

    private long count(String table, String condition) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where " + condition);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
