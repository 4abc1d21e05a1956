package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.awaitEvents;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.events;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.queued;
import static org.frontdoor.triage.Triage.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageDecided;
import org.junit.jupiter.api.Test;

/** Decisions with every rule, the cases they open, caseloads, stepping, closure, and the figures. */
@QuarkusTest
class DecisionAndCaseTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDecisionThatContradictsItsLevelIsRefusedWithEveryBadFieldAndNothingSaved() throws Exception {
        String id = queued(List.of("SEXUAL_EXPLOITATION"), false); // suggested level 4
        UUID referralId = referralOf(id);

        as(WORKER).body("""
                {"level": 4, "outcome": "EARLY_HELP_TARGETED", "primaryNeedCode": "N12", "rationale": "",
                 "leadWorker": "eh-dana-price"}""")
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("outcome", "primaryNeedCode", "rationale",
                        "referrerFeedback"))
                .body("errors.find { it.field == 'outcome' }.message", equalTo("EARLY_HELP_TARGETED contradicts"
                        + " level 4: level 4 allows SOCIAL_CARE_ASSESSMENT, STRATEGY_DISCUSSION"));
        as(WORKER).body(decision(4, "SOCIAL_CARE_ASSESSMENT", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(422)
                .body("errors.field", contains("primaryNeedCode"))
                .body("errors[0].message", equalTo("is required for a social care outcome: N0-N9"));
        as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(422)
                .body("errors.field", contains("levelOverrideReason"));
        as(WORKER).body(decision(4, "MAGIC", null)).post("/api/v1/triage-items/" + id + "/decision")
                .then().statusCode(422).body("errors.field", hasItem("outcome"));
        as(WORKER).body("{\"level\": \"four\"}").post("/api/v1/triage-items/" + id + "/decision")
                .then().statusCode(422).body("errors.field", contains("level"));
        as(WORKER).body("{").post("/api/v1/triage-items/" + id + "/decision").then().statusCode(400)
                .contentType(PROBLEM);

        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("status", equalTo("NEW")).body("decision", nullValue()).body("caseId", nullValue());
        awaitEvents(referralId, EventType.TRIAGE_QUEUED, 1);
        assertTrue(events(referralId, EventType.TRIAGE_DECIDED).isEmpty());
        as(WORKER).body(decision(4, "STRATEGY_DISCUSSION", "N1"))
                .post("/api/v1/triage-items/" + UUID.randomUUID() + "/decision").then().statusCode(404);
    }

    @Test
    void noFurtherActionOnImmediateRiskNeedsATeamManager() throws Exception {
        String id = queued(List.of("BULLYING"), true); // suggested 4 because of the immediate risk
        UUID referralId = referralOf(id);
        String nfa = """
                {"level": 1, "outcome": "NO_FURTHER_ACTION",
                 "rationale": "Police attended within the hour: the risk was a misunderstanding, the child is safe at home.",
                 "referrerFeedback": "Thank you. We checked with the police and the child is safe; no further action.",
                 "levelOverrideReason": "Police check shows no risk."}""";

        as(WORKER).body(nfa).post("/api/v1/triage-items/" + id + "/decision").then().statusCode(403)
                .contentType(PROBLEM).body("detail", startsWith("The referrer flagged immediate risk"));
        as(WORKER).get("/api/v1/triage-items/" + id).then().body("status", equalTo("NEW"));

        as(MANAGER).body(nfa).post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("outcome", equalTo("NO_FURTHER_ACTION")).body("pathway", equalTo("NONE"))
                .body("approvedBy", equalTo("dev-team-manager")).body("caseId", nullValue())
                .body("metDeadline", equalTo(true));
        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decision.approvedBy", equalTo("dev-team-manager"))
                .body("decision.levelOverrideReason", equalTo("Police check shows no risk."));
        EventEnvelope decided = awaitEvents(referralId, EventType.TRIAGE_DECIDED, 1).get(0);
        EventSchemas.assertValid(decided);
        TriageDecided payload = decided.payloadAs(TriageDecided.class);
        assertEquals("NONE", payload.pathway());
        assertEquals(1, payload.level());
        assertEquals("Thank you. We checked with the police and the child is safe; no further action.",
                payload.referrerFeedback());
        assertEquals(1, count("audit_entry", "action = 'triage-item.decision.refused' and referral_id = '"
                + referralId + "'"));
    }

    @Test
    void earlyHelpOpensACaseWithALeadWorkerAndTheDecisionIsPublished() throws Exception {
        String id = queued(List.of("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"), false); // suggested 3
        UUID referralId = referralOf(id);
        as(WORKER).post("/api/v1/triage-items/" + id + "/claim").then().statusCode(200);

        JsonPath result = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("level", equalTo(3)).body("pathway", equalTo("EARLY_HELP"))
                .body("decidedBy", equalTo("dev-triage-worker")).body("metDeadline", equalTo(true))
                .body("caseJoined", equalTo(false)).body("leadWorker", startsWith("eh-"))
                .extract().jsonPath();
        String caseId = result.getString("caseId");
        String lead = result.getString("leadWorker");

        as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null)).post("/api/v1/triage-items/" + id + "/decision")
                .then().statusCode(409).contentType(PROBLEM);
        as(WORKER).get("/api/v1/workers").then().statusCode(200)
                .body("find { it.id == '" + lead + "' }.openCases.caseId", hasItem(caseId))
                .body("find { it.id == '" + lead + "' }.caseloadBand", notNullValue());
        as(WORKER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("pathway", equalTo("EARLY_HELP"))
                .body("children[0].triageItemId", equalTo(id))
                .body("partnerAgencies", contains("hillside-primary"));

        TriageDecided decided = awaitEvents(referralId, EventType.TRIAGE_DECIDED, 1).get(0).payloadAs(TriageDecided.class);
        assertEquals("EARLY_HELP_TARGETED", decided.outcome());
        assertEquals("EARLY_HELP", decided.pathway());
        assertEquals("Thank you. We have decided how to help the family.", decided.referrerFeedback());
        assertEquals(true, decided.metDeadline());
        EventEnvelope opened = awaitEvents(referralId, EventType.CASE_OPENED, 1).get(0);
        EventSchemas.assertValid(opened);
        assertEquals(lead, opened.payloadAs(CaseEvent.class).leadWorker());
        assertEquals(caseId, opened.payloadAs(CaseEvent.class).caseId().toString());
        assertEquals(lead, awaitEvents(referralId, EventType.CASE_ALLOCATED, 1).get(0).payloadAs(CaseEvent.class)
                .leadWorker());
    }

    @Test
    void allocationWarnsInsideTheBandAndRefusesAboveTheMaximumUnlessAManagerGivesAReason() throws Exception {
        String busy = worker(12);
        String full = worker(16);

        String first = queued(List.of("SIGNS_OF_NEGLECT"), false);
        as(WORKER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), busy, null))
                .post("/api/v1/triage-items/" + first + "/decision").then().statusCode(200)
                .body("leadWorker", equalTo(busy)).body("leadWorkerOpenCases", equalTo(13))
                .body("warnings", contains(busy + " will carry 13 open cases, inside the 13-16 band"));

        String second = queued(List.of("SIGNS_OF_NEGLECT"), false);
        as(WORKER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), full, "Only worker who knows the family"))
                .post("/api/v1/triage-items/" + second + "/decision").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("leadWorker"))
                .body("errors[0].message", startsWith(full + " already carries 16 open cases; the maximum is 16"));
        as(MANAGER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), full, null))
                .post("/api/v1/triage-items/" + second + "/decision").then().statusCode(422);
        as(WORKER).get("/api/v1/triage-items/" + second).then().body("status", equalTo("NEW"));

        as(MANAGER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), full, "Only worker who knows the family"))
                .post("/api/v1/triage-items/" + second + "/decision").then().statusCode(200)
                .body("leadWorker", equalTo(full)).body("leadWorkerOpenCases", equalTo(17))
                .body("warnings[0]", startsWith(full + " will carry 17 open cases, above the maximum of 16"));
        as(MANAGER).get("/api/v1/workers").then().statusCode(200)
                .body("find { it.id == '" + full + "' }.openCaseCount", equalTo(17))
                .body("find { it.id == '" + full + "' }.caseloadBand", equalTo("OVER"))
                .body("find { it.id == '" + busy + "' }.caseloadBand", equalTo("WITHIN"));
    }

    @Test
    void aSocialCareCaseStepsDownAndClosesAndEveryPartnerAgencyIsTold() throws Exception {
        String id = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        UUID referralId = referralOf(id);
        as(WORKER).body("""
                {"agency": "POLICE", "organisation": "south-yorkshire-police", "contactName": "DC R. Hughes",
                 "checkedAt": "2026-01-05T11:30:00Z", "findings": "Known to police."}""")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(201);
        as(WORKER).body("""
                {"agency": "HEALTH", "contactName": "Health visitor team", "checkedAt": "2026-01-05T12:00:00Z",
                 "findings": "Missed two appointments."}""")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(201);
        String caseId = as(WORKER).body(withLead(decision(4, "STRATEGY_DISCUSSION", "N1"), "sw-ali-khan", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("pathway", equalTo("SOCIAL_CARE")).extract().path("caseId");

        as(WORKER).body("{\"direction\": \"DOWN\", \"pathway\": \"EARLY_HELP\", \"rationale\": \"x\"}")
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(403);
        as(MANAGER).body("{\"direction\": \"DOWN\", \"pathway\": \"SOCIAL_CARE\", \"rationale\": \"\","
                + " \"panelDate\": \"2999-01-01\"}")
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("pathway", "rationale", "panelDate"));
        as(MANAGER).body("{\"direction\": \"DOWN\", \"pathway\": \"EARLY_HELP\", \"rationale\": \"Risks reduced.\"}")
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(422)
                .body("errors[0].field", equalTo("panelDate"));

        String panel = LocalDate.now().minusDays(2).toString();
        as(MANAGER).body("""
                {"direction": "DOWN", "pathway": "EARLY_HELP", "panelDate": "%s", "leadWorker": "eh-ed-walsh",
                 "rationale": "Assessment complete; risks reduced; panel agreed step down to targeted early help."}"""
                .formatted(panel))
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(200)
                .body("pathway", equalTo("EARLY_HELP")).body("leadWorker", equalTo("eh-ed-walsh"))
                .body("steps[0].direction", equalTo("DOWN")).body("steps[0].fromPathway", equalTo("SOCIAL_CARE"))
                .body("steps[0].panelDate", equalTo(panel));
        CaseEvent stepped = awaitEvents(referralId, EventType.CASE_STEPPED, 1).get(0).payloadAs(CaseEvent.class);
        assertEquals("DOWN", stepped.direction());
        assertEquals("EARLY_HELP", stepped.pathway());
        assertEquals(List.of("HEALTH", "hillside-primary", "south-yorkshire-police"), stepped.partnerAgencies());

        as(MANAGER).body("{\"reasonCode\": \"RC12\", \"summary\": \"\"}").post("/api/v1/cases/" + caseId + "/close")
                .then().statusCode(422).body("errors.field", containsInAnyOrder("reasonCode", "summary"));
        as(MANAGER).body("{\"reasonCode\": \"RC7\", \"summary\": \"Early help plan completed.\"}")
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closureReasonCode", equalTo("RC7"))
                .body("history.action", hasItems("OPENED", "ALLOCATED", "STEPPED", "CLOSED"));
        EventEnvelope closedEvent = awaitEvents(referralId, EventType.CASE_CLOSED, 1).get(0);
        EventSchemas.assertValid(closedEvent);
        CaseEvent closed = closedEvent.payloadAs(CaseEvent.class);
        assertEquals("RC7", closed.closureReasonCode());
        assertEquals("Early help plan completed.", closed.summary());
        assertEquals(List.of("HEALTH", "hillside-primary", "south-yorkshire-police"), closed.partnerAgencies());
        assertEquals(1, closed.childIds().size());
        assertNull(closed.direction());

        as(MANAGER).body("{\"reasonCode\": \"RC7\", \"summary\": \"again\"}")
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(409).contentType(PROBLEM);
        as(MANAGER).get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        assertEquals(1, count("audit_entry", "action = 'case.closed' and referral_id = '" + referralId + "'"));
    }

    @Test
    void aLaterReferralOfAChildWithAnOpenCaseJoinsIt() throws Exception {
        ReferralReceived first = referral(Instant.now(), List.of("SIGNS_OF_NEGLECT"), false, "Joe");
        publish(first);
        String firstItem = itemIds(first.referralId(), "NEW", 1).get(0);
        String caseId = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + firstItem + "/decision").then().statusCode(200).extract().path("caseId");
        // the same child again (same known child), before the referral service knew of the case
        ReferralReceived base = referral(Instant.now(), List.of("SIGNS_OF_NEGLECT"), false);
        ReferralReceived.Child joe = first.children().get(0);
        ReferralReceived again = new ReferralReceived(base.referralId(), base.receivedAt(), base.acknowledgementDueBy(),
                base.referrer(), base.submittedBy(), List.of(new ReferralReceived.Child(UUID.randomUUID(), 0,
                        joe.knownChildId(), "Joe", "Smith", joe.dateOfBirth(), null, "M", null, null, null,
                        new ReferralReceived.PriorInvolvement(1, true, null, null, null))),
                List.of(), base.concerns(), base.consent());
        publish(again);
        String secondItem = itemIds(again.referralId(), "NEW", 1).get(0);

        as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + secondItem + "/decision").then().statusCode(200)
                .body("caseId", equalTo(caseId)).body("caseJoined", equalTo(true));
        as(MANAGER).get("/api/v1/cases/" + caseId).then().statusCode(200).body("children.size()", equalTo(2));

        // once the referral service knows the case, a contact about Joe goes to the lead worker instead
        String lead = as(MANAGER).get("/api/v1/cases/" + caseId).path("leadWorker");
        ReferralReceived third = new ReferralReceived(UUID.randomUUID(), base.receivedAt(), base.acknowledgementDueBy(),
                base.referrer(), base.submittedBy(), List.of(new ReferralReceived.Child(UUID.randomUUID(), 0,
                        joe.knownChildId(), "Joe", "Smith", joe.dateOfBirth(), null, "M", null, null, null,
                        new ReferralReceived.PriorInvolvement(2, true, null, UUID.fromString(caseId), lead))),
                List.of(), base.concerns(), base.consent());
        publish(third);
        String contact = itemIds(third.referralId(), "WITH_ALLOCATED_WORKER", 1).get(0);
        as(WORKER).get("/api/v1/triage-items/" + contact).then().statusCode(200)
                .body("assignedTo", equalTo(lead)).body("caseId", equalTo(caseId));
        as(MANAGER).get("/api/v1/cases/" + caseId).then().statusCode(200).body("children.size()", equalTo(3))
                .body("history.action", hasItem("CONTACT_RECEIVED"));
        as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + contact + "/decision").then().statusCode(409);
    }

    @Test
    void theFiguresForThePartnership() throws Exception {
        String id = queued(List.of("BULLYING"), false);
        as(WORKER).body(decision(2, "EARLY_HELP_SINGLE_AGENCY", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200);
        String caseId = as(WORKER).get("/api/v1/triage-items/" + id).path("caseId");
        as(MANAGER).body("{\"direction\": \"UP\", \"pathway\": \"SOCIAL_CARE\", \"rationale\": \"New disclosure.\"}")
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(200);
        String from = Instant.now().minusSeconds(3600).toString();
        String to = Instant.now().plusSeconds(60).toString();

        JsonPath figures = as(MANAGER).queryParam("from", from).queryParam("to", to).get("/api/v1/triage/metrics")
                .then().statusCode(200).extract().jsonPath();

        assertTrue(figures.getInt("referralsBySource.'2A'") >= 1, figures.prettify());
        assertTrue(figures.getInt("outcomes.EARLY_HELP_SINGLE_AGENCY") >= 1);
        assertTrue(figures.getInt("decidedOnTime.count") >= 1);
        assertTrue(figures.getInt("earlyHelpToSocialCare.count") >= 1);
        assertTrue(figures.getInt("earlyHelpToSocialCare.of") >= figures.getInt("earlyHelpToSocialCare.count"));
        assertTrue(figures.getInt("reReferrals.of") >= 1);
        assertTrue(figures.getList("caseloads.worker").contains("sw-ali-khan"));
        as(MANAGER).queryParam("from", "yesterday").queryParam("to", from).get("/api/v1/triage/metrics")
                .then().statusCode(422).body("errors.field", contains("from"));
        as(MANAGER).queryParam("from", to).queryParam("to", from).get("/api/v1/triage/metrics")
                .then().statusCode(422).body("errors.field", contains("from"));
        as(WORKER).get("/api/v1/triage/metrics").then().statusCode(403);
    }

    private UUID referralOf(String itemId) {
        return UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + itemId).path("referralId"));
    }

    private static String withLead(String decision, String lead, String reason) {
        return decision.replaceFirst("\\{", "{\"leadWorker\": \"" + lead + "\","
                + (reason == null ? "" : " \"allocationOverrideReason\": \"" + reason + "\","));
    }

    /** A worker of this test only, already carrying {@code openCases} cases. */
    private String worker(int openCases) throws Exception {
        String id = "eh-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into worker (id, name, team, pathway, active) values (?, 'Test Worker', 'Test team', 'SOCIAL_CARE', true)")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            for (int i = 0; i < openCases; i++) {
                try (PreparedStatement ps = c.prepareStatement("insert into care_case (id, referral_id, pathway,"
                        + " opened_pathway, lead_worker, status, opened_at, opened_by) values (?, ?, 'EARLY_HELP',"
                        + " 'EARLY_HELP', ?, 'OPEN', now(), 'test')")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, UUID.randomUUID());
                    ps.setString(3, id);
                    ps.executeUpdate();
                }
            }
        }
        return id;
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
