package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.MANAGER_ID;
import static org.frontdoor.triage.Triage.OTHER_MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.WORKER_ID;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.awaitEvents;
import static org.frontdoor.triage.Triage.contactAbout;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.events;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.queued;
import static org.frontdoor.triage.Triage.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.Test;

/** Decisions with every rule, the cases they open, caseloads, stepping, closure, and the figures. */
@QuarkusTest
class DecisionAndCaseTest {

    private static final String PROBLEM = "application/problem+json";
    /** Intake's view of a child seen once before today, without an open case. */
    private static final ReferralReceived.PriorInvolvement FIRST_CONTACT_SINCE =
            new ReferralReceived.PriorInvolvement(0, false, null, null, null, 1);

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
    void anOutcomeBelowSocialCareOnImmediateRiskWaitsForAnotherTeamManagersApproval() throws Exception {
        String id = queued(List.of("BULLYING"), true); // suggested 4 because of the immediate risk
        UUID referralId = referralOf(id);
        String nfa = """
                {"level": 1, "outcome": "NO_FURTHER_ACTION",
                 "rationale": "Police attended within the hour: the risk was a misunderstanding, the child is safe at home.",
                 "referrerFeedback": "Thank you. We checked with the police and the child is safe; no further action.",
                 "levelOverrideReason": "Police check shows no risk."}""";

        as(WORKER).body(nfa).post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("outcome", equalTo("NO_FURTHER_ACTION"))
                .body("decidedBy", equalTo(WORKER_ID)).body("approvedBy", nullValue()).body("caseId", nullValue())
                .body("metDeadline", nullValue())
                .body("warnings[0]", startsWith("This decision waits for a team manager's approval (an outcome"
                        + " below social care where the referrer reported immediate risk)"));
        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("decision.awaitingApproval", equalTo(true));
        as(WORKER).body(nfa).post("/api/v1/triage-items/" + id + "/decision").then().statusCode(409)
                .contentType(PROBLEM).body("detail", endsWith("awaits a team manager's approval"));
        as(WORKER).post("/api/v1/triage-items/" + id + "/approve").then().statusCode(403).contentType(PROBLEM);
        as(MANAGER).queryParam("size", 100).get("/api/v1/triage-items/awaiting-approval").then().statusCode(200)
                .body("size", equalTo(100))
                .body("items.find { it.id == '" + id + "' }.decidedBy", equalTo(WORKER_ID))
                .body("items.find { it.id == '" + id + "' }.outcome", equalTo("NO_FURTHER_ACTION"));
        assertEquals(0, events(referralId, EventType.TRIAGE_DECIDED).size(), "nothing reaches the referrer yet");

        as(MANAGER).post("/api/v1/triage-items/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("outcome", equalTo("NO_FURTHER_ACTION"))
                .body("pathway", equalTo("NONE")).body("decidedBy", equalTo(WORKER_ID))
                .body("approvedBy", equalTo(MANAGER_ID)).body("caseId", nullValue())
                .body("becameReferral", equalTo(false)).body("metDeadline", equalTo(true));
        as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decision.approvedBy", equalTo(MANAGER_ID))
                .body("decision.levelOverrideReason", equalTo("Police check shows no risk."))
                .body("history.action", hasItems("AWAITING_APPROVAL", "APPROVED"));
        EventEnvelope decided = awaitEvents(referralId, EventType.TRIAGE_DECIDED, 1).get(0);
        EventSchemas.assertValid(decided);
        TriageDecided payload = decided.payloadAs(TriageDecided.class);
        assertEquals("NONE", payload.pathway());
        assertEquals(1, payload.level());
        assertEquals(MANAGER_ID, payload.approvedBy());
        assertEquals(WORKER_ID, payload.decidedBy());
        assertEquals("Thank you. We checked with the police and the child is safe; no further action.",
                payload.referrerFeedback());
        // approving a decision that needs none (any more) is refused and changes nothing
        as(MANAGER).post("/api/v1/triage-items/" + id + "/approve").then().statusCode(409).contentType(PROBLEM)
                .body("detail", endsWith("only a decision awaiting approval can be approved or sent back"));
        assertEquals(1, events(referralId, EventType.TRIAGE_DECIDED).size());
    }

    @Test
    void aManagerCannotApproveTheirOwnDecisionAndASentBackDecisionReturnsToItsDecider() throws Exception {
        String id = queued(List.of("SEXUAL_EXPLOITATION"), false); // suggested 4, no immediate risk
        UUID referralId = referralOf(id);
        String earlyHelp = withOverride(decision(3, "EARLY_HELP_TARGETED", null), "Exploitation concern not borne out");

        as(MANAGER).body(earlyHelp).post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("decidedBy", equalTo(MANAGER_ID))
                .body("warnings[0]", containsString("where level 4 was suggested"));
        as(MANAGER).post("/api/v1/triage-items/" + id + "/approve").then().statusCode(403).contentType(PROBLEM)
                .body("detail", startsWith("You made this decision: another team manager must approve it"));
        assertEquals(1, count("audit_entry", "action = 'triage-item.approval.refused' and referral_id = '"
                + referralId + "'"));
        as(MANAGER, OTHER_MANAGER).body("{\"reason\": \"\"}").post("/api/v1/triage-items/" + id + "/send-back")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("reason"));
        as(MANAGER, OTHER_MANAGER).body("{\"reason\": \"Speak to the police desk first.\"}")
                .post("/api/v1/triage-items/" + id + "/send-back").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("assignedTo", equalTo(MANAGER_ID))
                .body("decision", nullValue())
                .body("sentBack.by", equalTo("tm-owen-hart"))
                .body("sentBack.reason", equalTo("Speak to the police desk first."));
        as(MANAGER).get("/api/v1/me/alerts").then().statusCode(200)
                .body("find { it.triageItemId == '" + id + "' }.kind", equalTo("DECISION_SENT_BACK"));
        // decided again, and approved by the other manager: in effect
        as(MANAGER).body(earlyHelp).post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL"));
        as(MANAGER, OTHER_MANAGER).post("/api/v1/triage-items/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("approvedBy", equalTo("tm-owen-hart"))
                .body("caseEffect", equalTo("OPENED")).body("leadWorker", startsWith("eh-"));
        assertEquals(1, awaitEvents(referralId, EventType.CASE_OPENED, 1).size());
        // a social care outcome on the same risk needs nobody's approval
        String other = queued(List.of("SEXUAL_EXPLOITATION"), true);
        as(WORKER).body(decision(4, "STRATEGY_DISCUSSION", "N1")).post("/api/v1/triage-items/" + other + "/decision")
                .then().statusCode(200).body("status", equalTo("DECIDED")).body("becameReferral", equalTo(true));
    }

    @Test
    void earlyHelpOpensACaseWithALeadWorkerAndTheDecisionIsPublished() throws Exception {
        String id = queued(List.of("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"), false); // suggested 3
        UUID referralId = referralOf(id);
        as(WORKER).post("/api/v1/triage-items/" + id + "/claim").then().statusCode(200);

        JsonPath result = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("level", equalTo(3)).body("pathway", equalTo("EARLY_HELP"))
                .body("decidedBy", equalTo(WORKER_ID)).body("metDeadline", equalTo(true))
                .body("status", equalTo("DECIDED")).body("becameReferral", equalTo(false))
                .body("referralDate", nullValue()).body("caseEffect", equalTo("OPENED"))
                .body("caseJoined", equalTo(false)).body("leadWorker", startsWith("eh-"))
                .extract().jsonPath();
        String caseId = result.getString("caseId");
        String lead = result.getString("leadWorker");

        as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null)).post("/api/v1/triage-items/" + id + "/decision")
                .then().statusCode(409).contentType(PROBLEM);
        as(WORKER).queryParam("size", 100).get("/api/v1/workers").then().statusCode(200)
                .body("items.find { it.id == '" + lead + "' }.openCases.caseId", hasItem(caseId))
                .body("items.find { it.id == '" + lead + "' }.caseloadBand", notNullValue());
        as(WORKER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("pathway", equalTo("EARLY_HELP"))
                .body("children[0].triageItemId", equalTo(id))
                .body("partnerAgencies", contains("hillside-primary"));

        TriageDecided decided = awaitEvents(referralId, EventType.TRIAGE_DECIDED, 1).get(0).payloadAs(TriageDecided.class);
        assertEquals("EARLY_HELP_TARGETED", decided.outcome());
        assertEquals("EARLY_HELP", decided.pathway());
        assertEquals("Thank you. We have decided how to help the family.", decided.referrerFeedback());
        assertEquals(true, decided.metDeadline());
        assertEquals(false, decided.becameReferral(), "early help leaves it a contact");
        EventEnvelope opened = awaitEvents(referralId, EventType.CASE_OPENED, 1).get(0);
        EventSchemas.assertValid(opened);
        assertEquals(lead, opened.payloadAs(CaseEvent.class).leadWorker());
        assertEquals(caseId, opened.payloadAs(CaseEvent.class).caseId().toString());
        assertEquals(lead, awaitEvents(referralId, EventType.CASE_ALLOCATED, 1).get(0).payloadAs(CaseEvent.class)
                .leadWorker());
    }

    @Test
    void caseloadsWarnButNeverBlockADecisionAndAManagerAllocatesWhatWaits() throws Exception {
        String busy = worker(12);
        String full = worker(16);

        String first = queued(List.of("SIGNS_OF_NEGLECT"), false);
        as(WORKER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), busy, null))
                .post("/api/v1/triage-items/" + first + "/decision").then().statusCode(200)
                .body("leadWorker", equalTo(busy)).body("leadWorkerOpenCases", equalTo(13))
                .body("warnings", contains(busy + " will carry 13 open cases, inside the 13-16 band"));

        // a bad lead worker is bad input: refused, nothing saved
        String second = queued(List.of("SIGNS_OF_NEGLECT"), false);
        as(WORKER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), "nobody-we-know", null))
                .post("/api/v1/triage-items/" + second + "/decision").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("leadWorker"));
        as(WORKER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), "sw-ali-khan", null))
                .post("/api/v1/triage-items/" + second + "/decision").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].message", equalTo("sw-ali-khan does not lead EARLY_HELP cases"));
        as(WORKER).get("/api/v1/triage-items/" + second).then().body("status", equalTo("NEW"));

        // a full worker never makes the decision fail: the case waits for a manager's allocation
        String caseId = as(WORKER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), full,
                "Only worker who knows the family")).post("/api/v1/triage-items/" + second + "/decision").then()
                .statusCode(200).body("status", equalTo("DECIDED")).body("caseEffect", equalTo("OPENED"))
                .body("leadWorker", nullValue()).body("allocationDueBy", notNullValue())
                .body("warnings[0]", equalTo(full + " already carries 16 open cases (limit 16): the case waits for a"
                        + " team manager's allocation"))
                .extract().path("caseId");
        UUID secondReferral = referralOf(second);
        CaseEvent opened = awaitEvents(secondReferral, EventType.CASE_OPENED, 1).get(0).payloadAs(CaseEvent.class);
        assertNull(opened.leadWorker(), "opened without a lead worker");
        as(MANAGER).queryParam("size", 100).get("/api/v1/cases/awaiting-allocation").then().statusCode(200)
                .body("items.find { it.id == '" + caseId + "' }.pathway", equalTo("EARLY_HELP"))
                .body("items.find { it.id == '" + caseId + "' }.allocationOverdue", equalTo(false));
        as(WORKER).get("/api/v1/cases/awaiting-allocation").then().statusCode(403);

        // a manager allocates: above the limit only with a reason; never to someone inactive or of another pathway
        as(MANAGER).body("{\"worker\": \"" + full + "\"}").post("/api/v1/cases/" + caseId + "/allocate").then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", contains("worker"))
                .body("errors[0].message", startsWith(full + " already carries 16 open cases; the limit is 16"));
        String gone = worker(0);
        as(MANAGER).post("/api/v1/staff/" + gone + "/deactivate").then().statusCode(200);
        as(MANAGER).body("{\"worker\": \"" + gone + "\"}").post("/api/v1/cases/" + caseId + "/allocate").then()
                .statusCode(422).body("errors[0].message", equalTo(gone + " is not active"));
        as(MANAGER).body("{\"worker\": \"sw-beth-morgan\"}").post("/api/v1/cases/" + caseId + "/allocate").then()
                .statusCode(422).body("errors[0].message", equalTo("sw-beth-morgan does not lead EARLY_HELP cases"));
        as(MANAGER).get("/api/v1/cases/" + caseId).then().body("leadWorker", nullValue());
        as(MANAGER).body("{\"worker\": \"" + full + "\", \"reason\": \"Only worker who knows the family\"}")
                .post("/api/v1/cases/" + caseId + "/allocate").then().statusCode(200)
                .body("leadWorker", equalTo(full)).body("allocationDueBy", nullValue())
                .body("warnings[0]", startsWith(full + " will carry 17 open cases, above the maximum of 16"));
        as(MANAGER).queryParam("size", 100).get("/api/v1/cases/awaiting-allocation").then().statusCode(200)
                .body("items.id", not(hasItem(caseId)));
        assertEquals(full, awaitEvents(secondReferral, EventType.CASE_ALLOCATED, 1).get(0).payloadAs(CaseEvent.class)
                .leadWorker());
        as(MANAGER).queryParam("size", 100).get("/api/v1/workers").then().statusCode(200)
                .body("items.find { it.id == '" + full + "' }.openCaseCount", equalTo(17))
                .body("items.find { it.id == '" + full + "' }.caseloadBand", equalTo("OVER"))
                .body("items.find { it.id == '" + busy + "' }.caseloadBand", equalTo("WITHIN"));

        // a team manager's own decision may go above the limit with a reason
        String third = queued(List.of("SIGNS_OF_NEGLECT"), false);
        as(MANAGER).body(withLead(decision(3, "EARLY_HELP_TARGETED", null), full, "Sibling's worker"))
                .post("/api/v1/triage-items/" + third + "/decision").then().statusCode(200)
                .body("leadWorker", equalTo(full)).body("leadWorkerOpenCases", equalTo(18));
    }

    @Test
    void aStalePageCannotOverwriteANewerChange() throws Exception {
        String id = queued(List.of("POOR_ATTENDANCE"), false);
        String etag = as(WORKER).get("/api/v1/triage-items/" + id).then().statusCode(200)
                .body("version", equalTo(0)).extract().header("ETag");
        assertEquals("\"0\"", etag);
        String claimed = as(WORKER).header("If-Match", etag).post("/api/v1/triage-items/" + id + "/claim").then()
                .statusCode(200).body("version", equalTo(1)).extract().header("ETag");
        assertEquals("\"1\"", claimed);
        // the manager's page still shows version 0
        as(MANAGER).header("If-Match", etag).body("{\"assignee\": \"tw-sam-patel\"}")
                .post("/api/v1/triage-items/" + id + "/assign").then().statusCode(412).contentType(PROBLEM)
                .body("detail", startsWith("Triage item " + id + " has changed since you read it"));
        as(WORKER).header("If-Match", etag).body(decision(2, "EARLY_HELP_SINGLE_AGENCY", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(412);
        as(WORKER).get("/api/v1/triage-items/" + id).then().body("assignedTo", equalTo(WORKER_ID))
                .body("status", equalTo("IN_PROGRESS"));
        String caseId = as(WORKER).header("If-Match", claimed).body(decision(2, "EARLY_HELP_SINGLE_AGENCY", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200).extract().path("caseId");
        String caseTag = as(MANAGER).get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        // a practitioner of this test only, with room whatever other tests gave the demo staff
        String fresh = worker(0);
        as(MANAGER).header("If-Match", caseTag).body("{\"worker\": \"" + fresh + "\"}")
                .post("/api/v1/cases/" + caseId + "/allocate").then().statusCode(200);
        as(MANAGER).header("If-Match", caseTag).body("{\"reasonCode\": \"RC7\", \"summary\": \"Stale close.\"}")
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(412).contentType(PROBLEM);
        as(MANAGER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void twoDecisionsForOneChildAtOnceNeverOpenTwoCases() throws Exception {
        ReferralReceived school = referral(Instant.now(), List.of("SIGNS_OF_NEGLECT"), false, "Kit");
        publish(school);
        ReferralReceived health = contactAbout(school.children().get(0), List.of("SIGNS_OF_NEGLECT"), false,
                FIRST_CONTACT_SINCE);
        publish(health);
        String a = itemIds(school.referralId(), "NEW", 1).get(0);
        String b = itemIds(health.referralId(), "NEW", 1).get(0);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonPath>> results = new ArrayList<>();
            for (String item : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                            .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200)
                            .extract().jsonPath();
                }));
            }
            go.countDown();
            JsonPath first = results.get(0).get(30, TimeUnit.SECONDS);
            JsonPath second = results.get(1).get(30, TimeUnit.SECONDS);
            assertEquals(first.getString("caseId"), second.getString("caseId"), "one case for the child");
            assertEquals(List.of("JOINED", "OPENED"), java.util.stream.Stream.of(first, second)
                    .map(r -> r.getString("caseEffect")).sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSocialCareCaseStepsDownAndClosesAndEveryPartnerAgencyIsTold() throws Exception {
        String id = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        UUID referralId = referralOf(id);
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police", "POLICE", "6");
        PartnerDirectoryFixture.active("doncaster-health", "Doncaster Health Visiting", "HEALTH", "3B");
        as(WORKER).body("""
                {"agency": "POLICE", "organisation": "south-yorkshire-police", "contactName": "DC R. Hughes",
                 "checkedAt": "2026-01-05T11:30:00Z", "findings": "Known to police."}""")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(201);
        as(WORKER).body("""
                {"organisation": "doncaster-health", "contactName": "Health visitor team",
                 "checkedAt": "2026-01-05T12:00:00Z", "findings": "Missed two appointments."}""")
                .post("/api/v1/triage-items/" + id + "/checks").then().statusCode(201);
        String caseId = as(WORKER).body(withLead(decision(4, "STRATEGY_DISCUSSION", "N1"), "sw-ali-khan", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("pathway", equalTo("SOCIAL_CARE")).body("becameReferral", equalTo(true))
                .body("referralDate", equalTo(LocalDate.now(WorkingCalendar.ENGLAND).toString()))
                .extract().path("caseId");

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
                 "rationale": "Assessment complete; risks reduced; panel agreed step down to targeted early help.",
                 "partnerSummary": "Targeted early help now leads; please keep sharing concerns with the lead worker."}"""
                .formatted(panel))
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(200)
                .body("pathway", equalTo("EARLY_HELP")).body("leadWorker", equalTo("eh-ed-walsh"))
                .body("steps[0].direction", equalTo("DOWN")).body("steps[0].fromPathway", equalTo("SOCIAL_CARE"))
                .body("steps[0].panelDate", equalTo(panel))
                .body("steps[0].rationale", startsWith("Assessment complete"))
                .body("steps[0].partnerSummary", startsWith("Targeted early help now leads"));
        EventEnvelope steppedEvent = awaitEvents(referralId, EventType.CASE_STEPPED, 1).get(0);
        EventSchemas.assertValid(steppedEvent);
        CaseEvent stepped = steppedEvent.payloadAs(CaseEvent.class);
        // the worker's rationale stays internal; only what partners may be told is published
        assertNull(stepped.rationale());
        assertFalse(EventJson.write(steppedEvent).contains("Assessment complete"), EventJson.write(steppedEvent));
        assertEquals("Targeted early help now leads; please keep sharing concerns with the lead worker.",
                stepped.summary());
        assertEquals("DOWN", stepped.direction());
        assertEquals("EARLY_HELP", stepped.pathway());
        assertEquals("eh-ed-walsh", stepped.leadWorker());
        assertEquals("sw-ali-khan", stepped.previousLeadWorker());
        // the old and the new lead worker are told at once
        as(WORKER, "ali-khan").get("/api/v1/me/alerts").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.kind", hasItems("CASE_ALLOCATED", "CASE_MOVED_AWAY"));
        as(WORKER, "ed-walsh").get("/api/v1/me/alerts").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.kind", equalTo("CASE_ALLOCATED"));
        as(WORKER, "ed-walsh").get("/api/v1/me/cases").then().statusCode(200).body("items.id", hasItem(caseId));
        assertEquals(List.of("doncaster-health", "hillside-primary", "south-yorkshire-police"), stepped.partnerAgencies());

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
        assertEquals(List.of("doncaster-health", "hillside-primary", "south-yorkshire-police"), closed.partnerAgencies());
        // each agency hears of the contact it knows: the school the one it made, the two checked the one they were
        // asked about (here all the same contact, by its human reference)
        for (CaseEvent told : List.of(stepped, closed)) {
            assertEquals(List.of(new CaseEvent.AgencyContact("doncaster-health", referralId, Triage.referenceOf(referralId)),
                    new CaseEvent.AgencyContact("hillside-primary", referralId, Triage.referenceOf(referralId)),
                    new CaseEvent.AgencyContact("south-yorkshire-police", referralId, Triage.referenceOf(referralId))),
                    told.agencyContacts());
        }
        assertEquals(1, closed.childIds().size());
        assertNull(closed.direction());

        as(MANAGER).body("{\"reasonCode\": \"RC7\", \"summary\": \"again\"}")
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(409).contentType(PROBLEM);
        as(MANAGER).get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        assertEquals(1, count("audit_entry", "action = 'case.closed' and referral_id = '" + referralId + "'"));
    }

    @Test
    void anImmediateRiskContactAboutAChildWithAnOpenCaseIsScreenedDecidedAndSteppedUp() throws Exception {
        ReferralReceived first = referral(Instant.now(), List.of("SIGNS_OF_NEGLECT"), false, "Joe");
        publish(first);
        String firstItem = itemIds(first.referralId(), "NEW", 1).get(0);
        String caseId = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + firstItem + "/decision").then().statusCode(200).extract().path("caseId");
        String lead = as(MANAGER).get("/api/v1/cases/" + caseId).path("leadWorker");
        String leadSubject = as(MANAGER).get("/api/v1/staff/" + lead).path("subject");
        ReferralReceived.Child joe = first.children().get(0);

        // a police disclosure about Joe, immediate risk, while his early help plan is open
        ReferralReceived police = contactAbout(joe, List.of("DOMESTIC_ABUSE"), true, FIRST_CONTACT_SINCE);
        publish(police);
        String contact = itemIds(police.referralId(), "NEW", 1).get(0);
        as(WORKER).get("/api/v1/triage-items/" + contact).then().statusCode(200)
                .body("priority", equalTo("RED")).body("openCase.caseId", equalTo(caseId))
                .body("openCase.leadWorker", equalTo(lead));
        // passing it on is possible only with an open case, and below social care on immediate risk needs approval
        String passed = """
                {"level": 3, "outcome": "PASSED_TO_ALLOCATED_WORKER", "levelOverrideReason": "Incident was last week; plan covers it.",
                 "rationale": "The early help plan already covers domestic abuse support; lead practitioner sees the family tomorrow.",
                 "referrerFeedback": "Thank you. The child has an early help plan; we passed your information to the lead practitioner."}""";
        as(WORKER).body(passed).post("/api/v1/triage-items/" + contact + "/decision").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("pathway", equalTo("EARLY_HELP"));
        as(MANAGER).post("/api/v1/triage-items/" + contact + "/approve").then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("caseEffect", equalTo("PASSED"))
                .body("caseId", equalTo(caseId)).body("becameReferral", equalTo(false));
        TriageDecided told = awaitEvents(police.referralId(), EventType.TRIAGE_DECIDED, 1).get(0)
                .payloadAs(TriageDecided.class);
        assertEquals("PASSED_TO_ALLOCATED_WORKER", told.outcome());
        assertEquals("EARLY_HELP", told.pathway());
        assertEquals(UUID.fromString(caseId), told.caseId());
        assertEquals(MANAGER_ID, told.approvedBy());
        as(WORKER, leadSubject).get("/api/v1/me/alerts").then().statusCode(200)
                .body("findAll { it.triageItemId == '" + contact + "' }.kind",
                        hasItems("CONTACT_ABOUT_OPEN_CASE", "CONTACT_PASSED"));
        as(MANAGER).get("/api/v1/cases/" + caseId).then().statusCode(200).body("children.size()", equalTo(2))
                .body("history.action", hasItems("CONTACT_RECEIVED", "CONTACT_PASSED"));

        // then a disclosure at school: a strategy discussion steps the early help case up and makes a referral
        ReferralReceived school = contactAbout(joe, List.of("NON_ACCIDENTAL_INJURY"), false, FIRST_CONTACT_SINCE);
        publish(school);
        String disclosure = itemIds(school.referralId(), "NEW", 1).get(0);
        as(WORKER).get("/api/v1/triage-items/" + disclosure).then().body("priority", equalTo("AMBER"));
        as(WORKER).body(decision(4, "STRATEGY_DISCUSSION", "N1"))
                .post("/api/v1/triage-items/" + disclosure + "/decision").then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("caseEffect", equalTo("STEPPED_UP"))
                .body("caseId", equalTo(caseId)).body("leadWorker", startsWith("sw-"))
                .body("becameReferral", equalTo(true));
        as(MANAGER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("pathway", equalTo("SOCIAL_CARE")).body("steps[0].direction", equalTo("UP"));
        CaseEvent stepped = awaitEvents(first.referralId(), EventType.CASE_STEPPED, 1).get(0).payloadAs(CaseEvent.class);
        assertEquals("UP", stepped.direction());
        // a step up by a decision: partners are told the decision's feedback to the referrer, never its rationale
        assertNull(stepped.rationale());
        assertEquals("Thank you. We have decided how to help the family.", stepped.summary());
        assertEquals(lead, stepped.previousLeadWorker());
        as(WORKER, leadSubject).get("/api/v1/me/alerts").then()
                .body("find { it.caseId == '" + caseId + "' && it.kind == 'CASE_MOVED_AWAY' }", notNullValue());

        // a child without an open case cannot be passed to a lead worker
        String plain = queued(List.of("BULLYING"), false);
        as(WORKER).body(passed.replace("\"level\": 3", "\"level\": 2"))
                .post("/api/v1/triage-items/" + plain + "/decision").then().statusCode(422)
                .body("errors.find { it.field == 'outcome' }.message",
                        equalTo("PASSED_TO_ALLOCATED_WORKER is for a child with an open case; this child has none"));
    }

    @Test
    void theFiguresForThePartnership() throws Exception {
        String id = queued(List.of("BULLYING"), false);
        as(WORKER).body(decision(2, "EARLY_HELP_SINGLE_AGENCY", null))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200);
        String caseId = as(WORKER).get("/api/v1/triage-items/" + id).path("caseId");
        as(MANAGER).body("{\"direction\": \"UP\", \"pathway\": \"SOCIAL_CARE\", \"rationale\": \"New disclosure.\"}")
                .post("/api/v1/cases/" + caseId + "/step").then().statusCode(200);
        String referral = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        as(WORKER).body(decision(4, "SOCIAL_CARE_ASSESSMENT", "N1")).post("/api/v1/triage-items/" + referral
                + "/decision").then().statusCode(200);
        String from = Instant.now().minusSeconds(3600).toString();
        String to = Instant.now().plusSeconds(60).toString();

        JsonPath figures = as(MANAGER).queryParam("from", from).queryParam("to", to).get("/api/v1/triage/metrics")
                .then().statusCode(200).extract().jsonPath();

        assertTrue(figures.getInt("contactsBySource.'2A'") >= 3, figures.prettify());
        assertTrue(figures.getInt("referralsBySource.'2A'") >= 1, figures.prettify());
        assertTrue(figures.getInt("contactsBySource.'2A'") > figures.getInt("referralsBySource.'2A'"),
                "contacts that stayed contacts are not referrals");
        assertTrue(figures.getInt("outcomes.EARLY_HELP_SINGLE_AGENCY") >= 1);
        assertTrue(figures.getInt("decidedOnTime.count") >= 1);
        assertTrue(figures.getInt("earlyHelpToSocialCare.count") >= 1);
        assertTrue(figures.getInt("earlyHelpToSocialCare.of") >= figures.getInt("earlyHelpToSocialCare.count"));
        assertTrue(figures.getInt("reReferrals.of") >= 1);
        assertEquals(figures.getInt("reReferrals.of"), figures.getMap("referralsBySource").values().stream()
                .mapToInt(v -> ((Number) v).intValue()).sum(), "the re-referral rate is about referrals");
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

    private static String withOverride(String decision, String reason) {
        return decision.replaceFirst("\\{", "{\"levelOverrideReason\": \"" + reason + "\",");
    }

    private static String withLead(String decision, String lead, String reason) {
        return decision.replaceFirst("\\{", "{\"leadWorker\": \"" + lead + "\","
                + (reason == null ? "" : " \"allocationOverrideReason\": \"" + reason + "\","));
    }

    /** An early help practitioner of this test only, already carrying {@code openCases} cases. */
    private String worker(int openCases) throws Exception {
        String id = "eh-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into staff (id, name, team, pathway, role, active) values (?, 'Test Worker', 'Test team',"
                            + " 'EARLY_HELP', 'EARLY_HELP_PRACTITIONER', true)")) {
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
