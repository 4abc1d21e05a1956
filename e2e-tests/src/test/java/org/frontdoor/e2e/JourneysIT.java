package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.e2e.Actors.post;
import static org.frontdoor.e2e.Actors.refer;
import static org.frontdoor.e2e.Actors.referralView;
import static org.frontdoor.e2e.Actors.triageItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontdoor.e2e.Actors.Partner;
import org.frontdoor.e2e.Actors.Referral;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journeys of the issue, as the school, the police, a neighbour, an anonymous caller and the MASH meet them. */
class JourneysIT {

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    private static Map<String, Object> decision(int level, String outcome, String primaryNeed, String feedback,
            String overrideReason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("level", level);
        d.put("outcome", outcome);
        if (primaryNeed != null) {
            d.put("primaryNeedCode", primaryNeed);
        }
        d.put("rationale", "Checks made with the partner agencies; the rationale for the record.");
        d.put("referrerFeedback", feedback);
        if (overrideReason != null) {
            d.put("levelOverrideReason", overrideReason);
        }
        return d;
    }

    private static JsonNode claimAndDecide(String itemId, Map<String, Object> decision) {
        String worker = pipeline.token("triage-worker");
        Http.Reply claimed = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/claim", worker, Map.of());
        assertEquals(200, claimed.status(), claimed.body());
        Http.Reply decided = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/decision", worker, decision);
        assertEquals(200, decided.status(), decided.body());
        return decided.json();
    }

    private static Set<String> errorFields(Http.Reply reply) {
        Set<String> fields = new HashSet<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** Every timeline entry of a kind, as "KIND/childId-or-none". */
    private static List<String> notified(JsonNode view) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : view.get("timeline")) {
            if ("REFERRER_NOTIFIED".equals(e.path("kind").asText())) {
                out.add(e.path("detail").path("kind").asText() + "/" + e.path("childId").asText("none"));
            }
        }
        return out;
    }

    @Test
    void aSchoolIsToldTheOutcomeOfItsLevel2ReferralWithTheWorkersFeedback() {
        try (Partner school = Partner.subscribed(pipeline, "hillside-primary-j1", "2A")) {
            String surname = Actors.surname("Smith");
            JsonNode created = refer(pipeline, school.token(), Referral.from("2A")
                    .referrer("organisationName", "Hillside Primary School").referrer("name", "J. Patel")
                    .referrer("role", "Designated Safeguarding Lead").referrer("email", "dsl@hillside.example")
                    .referrer("externalReference", "HPS-J1")
                    .child("Amy", surname, "2016-04-02", "F", "DN1 1AA")
                    .indicators("POOR_ATTENDANCE")
                    .summary("Attendance has fallen to 78% this term."));
            String referralId = created.get("referralId").asText();
            String childId = created.get("children").get(0).get("childId").asText();

            JsonNode item = triageItems(pipeline, referralId, 1).get(0);
            assertEquals(2, item.get("suggestion").get("level").asInt(), "suggested level");
            assertEquals("GREEN", item.get("priority").asText());
            String itemId = item.get("id").asText();
            String worker = pipeline.token("triage-worker");
            assertEquals(200, post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/claim", worker, Map.of())
                    .status());

            // targeted early help is a level-3 response: at level 2 it is refused, and a level above the
            // suggestion needs its reason
            String feedback = "Thank you. The family will be offered targeted early help; the school is invited to"
                    + " the Team Around the Family.";
            Http.Reply wrongLevel = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/decision", worker,
                    decision(2, "EARLY_HELP_TARGETED", null, feedback, null));
            assertEquals(422, wrongLevel.status(), wrongLevel.body());
            assertTrue(errorFields(wrongLevel).contains("outcome"), wrongLevel.body());
            Http.Reply noReason = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/decision", worker,
                    decision(3, "EARLY_HELP_TARGETED", null, feedback, null));
            assertEquals(422, noReason.status(), noReason.body());
            assertTrue(errorFields(noReason).contains("levelOverrideReason"), noReason.body());

            Http.Reply decided = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/decision", worker,
                    decision(3, "EARLY_HELP_TARGETED", null, feedback,
                            "Attendance, hunger and a young carer role together: several needs at once."));
            assertEquals(200, decided.status(), decided.body());
            assertEquals("EARLY_HELP", decided.json().get("pathway").asText());
            assertFalse(decided.json().get("caseId").isNull(), "an early help case is opened");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertEquals(1, school.messages(referralId, "referral.acknowledged").size(), "one acknowledgement");
                assertEquals(1, school.messages(referralId, "referral.outcome").size(), "one outcome");
            });
            JsonNode ack = school.messages(referralId, "referral.acknowledged").get(0).get("data");
            assertEquals("HPS-J1", ack.get("externalReference").asText());
            assertEquals(childId, ack.get("children").get(0).get("childId").asText());
            JsonNode outcome = school.messages(referralId, "referral.outcome").get(0).get("data");
            assertEquals(childId, outcome.get("childId").asText());
            assertEquals(3, outcome.get("level").asInt());
            assertEquals("EARLY_HELP_TARGETED", outcome.get("outcome").asText());
            assertEquals(feedback, outcome.get("reasons").asText(), "the worker's feedback reaches the school");
            assertTrue(outcome.get("text").asText().contains(feedback));
            assertFalse(outcome.get("text").asText().contains(surname), "no child's name in a message");
            school.assertSignaturesVerify();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode view = referralView(pipeline, school.token(), referralId);
                JsonNode child = view.get("children").get(0);
                assertEquals(3, child.get("level").asInt());
                assertEquals("EARLY_HELP_TARGETED", child.get("outcome").asText());
                assertEquals(feedback, child.get("referrerFeedback").asText());
                List<String> notified = notified(view);
                assertTrue(notified.contains("ACKNOWLEDGEMENT/none"), notified.toString());
                assertTrue(notified.contains("OUTCOME/" + childId), notified.toString());
                assertEquals(2, notified.size(), "each message once on the timeline: " + notified);
            });
            System.out.printf("journey 1 (school, level 2 -> targeted early help): school received %d message(s)%n",
                    school.messages(referralId).size());
        }
    }

    @Test
    void policeReferTwoSiblingsAtImmediateRiskAndEveryPartnerIsToldOfTheStepDownAndClosure() {
        try (Partner police = Partner.subscribed(pipeline, "south-yorkshire-police-j2", "6");
                Partner health = Partner.subscribed(pipeline, "doncaster-health-j2")) {
            String surname = Actors.surname("Green");
            JsonNode created = refer(pipeline, police.token(), Referral.from("6")
                    .referrer("organisationName", "South Yorkshire Police").referrer("name", "PC L. Ward")
                    .referrer("email", "mash.desk@sy-police.example").referrer("externalReference", "SYP-J2")
                    .child("Tom", surname, "2014-02-10", "M", "DN4 5AB")
                    .child("Lily", surname, "2017-09-21", "F", "DN4 5AB")
                    .indicators("NON_ACCIDENTAL_INJURY", "DOMESTIC_ABUSE").immediateRisk()
                    .summary("Officers attended a domestic incident; the elder child has bruising to the face."));
            String referralId = created.get("referralId").asText();
            List<JsonNode> items = triageItems(pipeline, referralId, 2);
            for (JsonNode item : items) {
                assertEquals(4, item.get("suggestion").get("level").asInt());
                assertEquals("RED", item.get("priority").asText());
            }
            String worker = pipeline.token("triage-worker");
            String tom = items.get(0).get("childId").asText();
            String lily = items.get(1).get("childId").asText();
            Http.Reply check = post(pipeline.triage() + "/api/v1/triage-items/" + items.get(1).get("id").asText()
                    + "/checks", worker, Map.of("agency", "HEALTH", "organisation", health.org(),
                            "contactName", "Named nurse for safeguarding", "checkedAt",
                            Instant.now().minusSeconds(60).toString(), "findings", "Missed two health checks."));
            assertTrue(check.status() == 200 || check.status() == 201, check.body());

            JsonNode strategy = claimAndDecide(items.get(0).get("id").asText(), decision(4, "STRATEGY_DISCUSSION",
                    "N1", "A strategy discussion is being held today.", null));
            JsonNode assessment = claimAndDecide(items.get(1).get("id").asText(), decision(4,
                    "SOCIAL_CARE_ASSESSMENT", "N1", "A social care assessment has started.", null));
            assertEquals("SOCIAL_CARE", strategy.get("pathway").asText());
            assertEquals("SOCIAL_CARE", assessment.get("pathway").asText());

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<JsonNode> outcomes = police.messages(referralId, "referral.outcome");
                assertEquals(2, outcomes.size(), "one outcome per child");
                Map<String, String> byChild = new LinkedHashMap<>();
                outcomes.forEach(o -> byChild.put(o.get("data").get("childId").asText(),
                        o.get("data").get("outcome").asText()));
                assertEquals(Map.of(tom, "STRATEGY_DISCUSSION", lily, "SOCIAL_CARE_ASSESSMENT"), byChild);
            });

            String manager = pipeline.token("team-manager");
            String caseId = assessment.get("caseId").asText();
            String partnerSummary = "Early help now leads; please keep sharing concerns with the lead worker.";
            Http.Reply stepped = post(pipeline.triage() + "/api/v1/cases/" + caseId + "/step", manager, Map.of(
                    "direction", "DOWN", "pathway", "EARLY_HELP", "rationale",
                    "Assessment complete; risks reduced; panel agreed targeted early help.",
                    "partnerSummary", partnerSummary,
                    "panelDate", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString()));
            // opened from an immediate-risk contact days ago: the step and the close wait for a second manager
            assertEquals(202, stepped.status(), stepped.body());
            assertEquals("SOCIAL_CARE", stepped.json().get("pathway").asText());
            assertEquals("STEP", stepped.json().get("pendingChange").get("kind").asText());
            String otherManager = pipeline.tokens().builder().role("team-manager").subject("owen-hart").build();
            Http.Reply ownStep = post(pipeline.triage() + "/api/v1/cases/" + caseId + "/change/approve", manager,
                    Map.of());
            assertEquals(403, ownStep.status(), "the approver is never the one who asked: " + ownStep.body());
            stepped = post(pipeline.triage() + "/api/v1/cases/" + caseId + "/change/approve", otherManager, Map.of());
            assertEquals(200, stepped.status(), stepped.body());
            assertEquals("EARLY_HELP", stepped.json().get("pathway").asText());
            Http.Reply asked = post(pipeline.triage() + "/api/v1/cases/" + caseId + "/close", manager, Map.of(
                    "reasonCode", "RC9", "summary", "Assessment complete; the family is supported by early help."));
            assertEquals(202, asked.status(), asked.body());
            Http.Reply closed = post(pipeline.triage() + "/api/v1/cases/" + caseId + "/change/approve",
                    otherManager, Map.of());
            assertEquals(200, closed.status(), closed.body());
            assertEquals("CLOSED", closed.json().get("status").asText());
            List<String> agencies = new ArrayList<>();
            closed.json().get("partnerAgencies").forEach(a -> agencies.add(a.asText()));
            assertTrue(agencies.containsAll(List.of(police.org(), health.org())), agencies.toString());

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (Partner partner : List.of(police, health)) {
                    List<JsonNode> steps = partner.messages(referralId, "case.stepped");
                    List<JsonNode> closures = partner.messages(referralId, "case.closed");
                    assertEquals(1, steps.size(), partner.org() + " told of the step down");
                    assertEquals(1, closures.size(), partner.org() + " told of the closure");
                    assertEquals("DOWN", steps.get(0).get("data").get("direction").asText());
                    // partners are told the manager's partner summary; the rationale stays in triage
                    assertEquals(partnerSummary, steps.get(0).get("data").get("summary").asText());
                    assertTrue(steps.get(0).get("data").path("rationale").isMissingNode(), steps.get(0).toString());
                    assertFalse(steps.get(0).toString().contains("panel agreed targeted early help"),
                            steps.get(0).toString());
                    assertEquals("RC9", closures.get(0).get("data").get("closureReasonCode").asText());
                    assertEquals(lily, closures.get(0).get("data").get("childId").asText());
                }
            });
            assertEquals(0, health.messages(referralId, "referral.outcome").size(),
                    "an agency that was only checked is not sent the referrer's outcome");
            police.assertSignaturesVerify();
            health.assertSignaturesVerify();
            // the notification service keeps referrer, channels and child references: never the children's
            // surname, dates of birth or the concern, in any table (the triage service does hold them)
            for (String personal : List.of(surname, "2014-02-10", "2017-09-21", "bruising to the face")) {
                assertEquals(List.of(), tablesHolding("notification-service", personal),
                        "the notification service's database holds " + personal);
            }
            assertFalse(tablesHolding("triage-service", surname).isEmpty(), "the scan finds what is there");
            System.out.printf("journey 2 (police, two siblings at risk): police received %d, health %d message(s)%n",
                    police.messages(referralId).size(), health.messages(referralId).size());
        }
    }

    @Test
    void aNeighbourWhoPhonesIsAcknowledgedAndToldNoCaseDetailsEver() {
        String frontDoor = pipeline.token("front-door");
        String email = "neighbour." + Actors.surname("n").toLowerCase() + "@mail.example";
        String surname = Actors.surname("Brown");
        String summary = "Neighbour hears shouting most nights and the child is often out late alone.";
        JsonNode created = refer(pipeline, frontDoor, Referral.from("1B").referrer("name", "Mrs D. Okafor")
                .referrer("email", email).referrer("phone", "01632 960123")
                .child("Sam", surname, "2013-05-05", "M", "DN2 6CD").indicators("SIGNS_OF_NEGLECT", "DOMESTIC_ABUSE")
                .summary(summary));
        String referralId = created.get("referralId").asText();
        JsonNode item = triageItems(pipeline, referralId, 1).get(0);
        JsonNode decided = claimAndDecide(item.get("id").asText(), decision(3, "EARLY_HELP_TARGETED", null,
                "Targeted early help with a lead practitioner.", null));
        String manager = pipeline.token("team-manager");
        Http.Reply closed = post(pipeline.triage() + "/api/v1/cases/" + decided.get("caseId").asText() + "/close",
                manager, Map.of("reasonCode", "RC7", "summary", "Early help plan completed."));
        assertEquals(200, closed.status(), closed.body());
        assertTrue(closed.json().get("partnerAgencies").isEmpty(), "a neighbour is not a partner agency");

        awaitNotificationServiceSaw(referralId, "triage.decided", "case.closed");
        List<Mail.Received> mails = Mail.to(pipeline.smtp(), email);
        assertEquals(1, mails.size(), "one generic acknowledgement: " + mails);
        Mail.Received ack = mails.get(0);
        for (String detail : List.of("Sam", surname, summary, "neglect", "NEGLECT", "level", "early help",
                "EARLY_HELP", "2013", item.get("childId").asText())) {
            assertFalse((ack.subject() + ack.body()).contains(detail), "no case detail (" + detail + "): " + ack);
        }
        assertEquals(1, pipeline.count("notification-service", "select count(*) from notification where referral_id = '"
                + referralId + "'"), "nothing but the acknowledgement is ever planned");
        assertEquals(1, pipeline.count("notification-service", "select count(*) from notification where referral_id = '"
                + referralId + "' and kind = 'ACKNOWLEDGEMENT' and status = 'SENT'"));
        System.out.printf("journey 3 (neighbour by phone): %d email(s) to the neighbour, acknowledgement only%n",
                mails.size());
    }

    @Test
    void anAnonymousReferralSendsNothingToAnyone() {
        int mailsBefore = pipeline.smtp().getReceivedMessages().length;
        String frontDoor = pipeline.token("front-door");
        JsonNode created = refer(pipeline, frontDoor, Referral.from("9")
                .child("Kai", Actors.surname("Jones"), "2015-07-07", "M", "DN3 3EF")
                .indicators("POOR_HOUSING").summary("Caller would not give a name; the flat has no heating."));
        String referralId = created.get("referralId").asText();
        JsonNode item = triageItems(pipeline, referralId, 1).get(0);
        claimAndDecide(item.get("id").asText(), decision(2, "EARLY_HELP_SINGLE_AGENCY", null,
                "Housing support offered.", null));
        awaitNotificationServiceSaw(referralId, "triage.decided");
        assertEquals(0, pipeline.count("notification-service", "select count(*) from notification where referral_id = '"
                + referralId + "'"), "nothing planned for an anonymous referrer");
        assertEquals(mailsBefore, pipeline.smtp().getReceivedMessages().length, "no email sent");
        JsonNode view = referralView(pipeline, frontDoor, referralId);
        assertEquals(List.of(), notified(view), "nobody was notified");
        System.out.printf("journey 4 (anonymous): %d notification(s) planned, %d email(s) sent%n", 0,
                pipeline.smtp().getReceivedMessages().length - mailsBefore);
    }

    @Test
    void aChildReferredTwiceOnOneDayAndAgainEightMonthsLaterIsLinkedAndCountedOnce() {
        try (Partner school = Partner.subscribed(pipeline, "oakwood-academy-j5", "2A")) {
            String surname = Actors.surname("Taylor");
            Referral referral = Referral.from("2A").referrer("organisationName", "Oakwood Academy")
                    .referrer("email", "dsl@oakwood.example")
                    .child("Ella", surname, "2012-11-30", "F", "DN5 8GH").indicators("BULLYING")
                    .summary("Ella has been bullied online.");
            String first = refer(pipeline, school.token(), referral).get("referralId").asText();
            String second = refer(pipeline, school.token(), referral).get("referralId").asText();
            JsonNode secondItem = triageItems(pipeline, second, 1).get(0);
            assertEquals(first, secondItem.get("priorInvolvement").get("sameDayFirstReferralId").asText(),
                    "the same-day referral is linked to the first");
            assertEquals(0, secondItem.get("priorInvolvement").get("referralsInLast12Months").asInt());
            // the first contact is decided for an s17 assessment: it becomes a referral
            JsonNode firstItem = triageItems(pipeline, first, 1).get(0);
            JsonNode accepted = claimAndDecide(firstItem.get("id").asText(), decision(4, "SOCIAL_CARE_ASSESSMENT",
                    "N1", "Thank you. Children's social care will assess Ella's needs.",
                    "The online bullying includes threats to harm Ella."));
            assertTrue(accepted.get("becameReferral").asBoolean(), accepted.toString());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("REFERRAL", referralView(
                    pipeline, school.token(), first).get("children").get(0).get("recordType").asText()));

            // those two were eight months ago
            assertEquals(2, pipeline.update("referral-service", "update referral set received_at = received_at"
                    + " - interval '8 months' where id in ('" + first + "', '" + second + "')"));
            String third = refer(pipeline, school.token(), referral).get("referralId").asText();
            JsonNode thirdItem = triageItems(pipeline, third, 1).get(0);
            JsonNode prior = thirdItem.get("priorInvolvement");
            assertTrue(prior.get("reReferral").asBoolean(), "a re-referral within 12 months");
            assertEquals(1, prior.get("referralsInLast12Months").asInt(),
                    "the same-day duplicate is linked, not counted again: " + prior);
            JsonNode staffPrior = referralView(pipeline, pipeline.token("front-door"), third).get("children").get(0)
                    .get("priorInvolvement");
            assertEquals(1, staffPrior.get("contactsInLast12Months").asInt(), "one day of contacts: " + staffPrior);
            assertTrue(prior.get("sameDayFirstReferralId").isNull(), prior.toString());
            JsonNode staffView = referralView(pipeline, pipeline.token("front-door"), third);
            assertEquals(1, staffView.get("children").get(0).get("priorInvolvement").get("referralsInLast12Months")
                    .asInt());
            assertTrue(referralView(pipeline, school.token(), third).get("children").get(0).get("priorInvolvement")
                    .isNull(), "prior involvement is for staff, not the referrer");
            System.out.printf("journey 5 (same day twice, again 8 months later): same-day link %s, re-referral count"
                    + " %d%n", secondItem.get("priorInvolvement").get("sameDayFirstReferralId").asText(),
                    prior.get("referralsInLast12Months").asInt());
        }
    }

    @Test
    void aPoliceDisclosureAboutAChildOnAnEarlyHelpPlanIsScreenedApprovedAndThePoliceAreTold() {
        try (Partner school = Partner.subscribed(pipeline, "hillside-primary-j6", "2A");
                Partner police = Partner.subscribed(pipeline, "south-yorkshire-police-j6", "6")) {
            String surname = Actors.surname("Reid");
            Referral fromSchool = Referral.from("2A").referrer("organisationName", "Hillside Primary School")
                    .referrer("email", "dsl@hillside.example")
                    .child("Noah", surname, "2015-03-14", "M", "DN2 6QT").indicators("SIGNS_OF_NEGLECT")
                    .summary("Noah often arrives hungry and in the same clothes.");
            String contact = refer(pipeline, school.token(), fromSchool).get("referralId").asText();
            JsonNode plan = claimAndDecide(triageItems(pipeline, contact, 1).get(0).get("id").asText(),
                    decision(3, "EARLY_HELP_TARGETED", null, "Thank you. The family will be offered early help.", null));
            String caseId = plan.get("caseId").asText();
            String lead = plan.get("leadWorker").asText();
            // the referral service hears of the case before the police call
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("CASE_OPEN", referralView(
                    pipeline, pipeline.token("front-door"), contact).get("children").get(0).get("status").asText()));

            Referral fromPolice = Referral.from("6").referrer("organisationName", "South Yorkshire Police")
                    .referrer("email", "mash.desk@sy-police.example").referrer("externalReference", "SYP-J6")
                    .child("Noah", surname, "2015-03-14", "M", "DN2 6QT").indicators("DOMESTIC_ABUSE")
                    .immediateRisk().summary("Officers attended a domestic incident at Noah's home last night.");
            String disclosure = refer(pipeline, police.token(), fromPolice).get("referralId").asText();
            JsonNode item = triageItems(pipeline, disclosure, 1).get(0);
            assertEquals("NEW", item.get("status").asText(), "screened like any other contact");
            assertEquals("RED", item.get("priority").asText(), "immediate risk stays red");
            assertEquals(caseId, item.get("openCase").get("caseId").asText());
            assertEquals(lead, item.get("openCase").get("leadWorker").asText());
            assertEquals(caseId, item.get("priorInvolvement").get("openCaseId").asText());

            // a team manager decides to pass it to the lead practitioner: that needs another manager's approval
            String manager = pipeline.token("team-manager");
            String itemId = item.get("id").asText();
            Map<String, Object> passed = decision(3, "PASSED_TO_ALLOCATED_WORKER", null,
                    "Thank you. Noah has an early help plan; we passed your information to his lead practitioner.",
                    "The incident is covered by the family's early help plan.");
            Http.Reply decided = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/decision", manager,
                    passed);
            assertEquals(200, decided.status(), decided.body());
            assertEquals("AWAITING_APPROVAL", decided.json().get("status").asText());
            Http.Reply own = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/approve", manager, Map.of());
            assertEquals(403, own.status(), "the approver is never the decider: " + own.body());
            String otherManager = pipeline.tokens().builder().role("team-manager").subject("owen-hart").build();
            Http.Reply approved = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/approve",
                    otherManager, Map.of());
            assertEquals(200, approved.status(), approved.body());
            assertEquals("PASSED", approved.json().get("caseEffect").asText());
            assertEquals(caseId, approved.json().get("caseId").asText());

            // whatever happens, the referrer gets an outcome
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertEquals(1, police.messages(disclosure, "referral.outcome").size()));
            JsonNode outcome = police.messages(disclosure, "referral.outcome").get(0).get("data");
            assertEquals("PASSED_TO_ALLOCATED_WORKER", outcome.get("outcome").asText());
            assertFalse(outcome.get("referral").asBoolean(), "it stays a contact");
            assertTrue(outcome.get("text").asText().contains("allocated worker"), outcome.toString());
            assertFalse(outcome.get("text").asText().contains(surname), "no child's name in a message");
            police.assertSignaturesVerify();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("PASSED_TO_ALLOCATED_WORKER",
                    referralView(pipeline, police.token(), disclosure).get("children").get(0).get("status").asText()));
            System.out.printf("journey 6 (police disclosure, open early help case): passed to %s, police told%n", lead);
        }
    }

    @Test
    void twinsWhoShareSurnameBirthdayAndPostcodeStayTwoChildren() {
        try (Partner school = Partner.subscribed(pipeline, "oakwood-academy-j7", "2A")) {
            String surname = Actors.surname("Okafor");
            String amy = refer(pipeline, school.token(), Referral.from("2A").referrer("organisationName", "Oakwood Academy").referrer("email", "dsl@oakwood.example")
                    .child("Amy", surname, "2016-07-01", "F", "DN3 1AB").indicators("BULLYING")
                    .summary("Amy is being bullied.")).get("referralId").asText();
            triageItems(pipeline, amy, 1);
            String ava = refer(pipeline, school.token(), Referral.from("2A").referrer("organisationName", "Oakwood Academy").referrer("email", "dsl@oakwood.example")
                    .child("Ava", surname, "2016-07-01", "F", "DN3 1AB").indicators("BULLYING")
                    .summary("Ava is being bullied.")).get("referralId").asText();
            String amyAgain = refer(pipeline, school.token(), Referral.from("2A").referrer("organisationName", "Oakwood Academy").referrer("email", "dsl@oakwood.example")
                    .child("Amy", surname, "2016-07-01", "F", "DN3 1AB").indicators("BULLYING")
                    .summary("Amy again.")).get("referralId").asText();
            assertTrue(triageItems(pipeline, ava, 1).get(0).get("priorInvolvement").get("sameDayFirstReferralId")
                    .isNull(), "Ava is not Amy");
            assertEquals(amy, triageItems(pipeline, amyAgain, 1).get(0).get("priorInvolvement")
                    .get("sameDayFirstReferralId").asText(), "Amy is Amy");
        }
    }

    @Test
    void aNineteenYearOldCareLeaverWithoutConsentIsOnlyAcknowledgedToThePolice() {
        try (Partner police = Partner.subscribed(pipeline, "south-yorks-police-j8", "3A")) {
            String surname = Actors.surname("Reed");
            String dateOfBirth = LocalDate.now(ZoneId.of("Europe/London")).minusYears(19).minusDays(40).toString();
            JsonNode created = refer(pipeline, police.token(), Referral.from("3A")
                    .referrer("organisationName", "South Yorkshire Police").referrer("name", "PC R. Ash")
                    .referrer("email", "r.ash@police.example").referrer("externalReference", "SYP-J8")
                    .child("Jo", surname, dateOfBirth, "X", "DN4 8JJ").careLeaver()
                    .indicators("POOR_HOUSING").summary("Jo, a care leaver, is sofa-surfing with older men."));
            String referralId = created.get("referralId").asText();
            String childId = created.get("children").get(0).get("childId").asText();

            JsonNode item = triageItems(pipeline, referralId, 1).get(0);
            claimAndDecide(item.get("id").asText(), decision(2, "EARLY_HELP_SINGLE_AGENCY", null,
                    "The leaving care team will offer Jo housing support.", null));
            awaitNotificationServiceSaw(referralId, "triage.decided");

            // the police hear that the contact was received, and never the outcome about the young adult
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1,
                    police.messages(referralId, "referral.acknowledged").size(), "the acknowledgement"));
            String ops = pipeline.token("ops");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Http.Reply list = Http.get(pipeline.notification() + "/api/v1/notifications?referralId=" + referralId,
                        ops);
                assertEquals(200, list.status(), list.body());
                JsonNode outcome = null;
                for (JsonNode n : list.json().get("items")) {
                    if ("OUTCOME".equals(n.path("kind").asText())) {
                        outcome = n;
                    }
                }
                assertNotNull(outcome, list.body());
                assertEquals("WITHHELD_NO_CONSENT", outcome.path("status").asText(), list.body());
                assertEquals(childId, outcome.path("childId").asText());
                assertTrue(outcome.path("withheldReason").asText().contains("consent"), list.body());
            });
            JsonNode ack = police.messages(referralId, "referral.acknowledged").get(0).get("data");
            for (String detail : List.of("Jo", surname, "sofa-surfing", dateOfBirth, "EARLY_HELP", "housing")) {
                assertFalse(ack.toString().contains(detail), "no case detail (" + detail + "): " + ack);
            }
            // the police's own view of the contact says "received", nothing more
            JsonNode view = referralView(pipeline, police.token(), referralId);
            assertEquals("RECEIVED", view.get("children").get(0).get("status").asText(), view.toString());
            assertTrue(view.get("children").get(0).path("outcome").isNull()
                    || view.get("children").get(0).path("outcome").isMissingNode(), view.toString());
            // a partner cannot record the young adult's consent for them
            Http.Reply byPartner = Http.send("PUT", pipeline.referral() + "/api/v1/referrals/" + referralId
                    + "/children/" + childId + "/sharing-consent", police.token(), "application/json",
                    "{\"status\": \"GIVEN\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
            assertEquals(403, byPartner.status(), byPartner.body());
            try {
                Thread.sleep(3000); // the dispatcher polls every second: it would have sent it by now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(List.of(), police.messages(referralId, "referral.outcome"), "never the outcome");
            assertEquals(1, police.messages(referralId).size(), "only the acknowledgement");
            police.assertSignaturesVerify();
            System.out.printf("journey 8 (19-year-old care leaver, no consent): the police received %d message(s),"
                    + " the outcome is withheld%n", police.messages(referralId).size());
        }
    }

    /** The tables of a service's database with any row holding the text (any column, any type, as text). */
    static List<String> tablesHolding(String service, String text) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("'", "''") + "%";
        return pipeline.strings(service, "select t.table_name from information_schema.tables t"
                + " where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
                + " and cast(query_to_xml(format('select 1 from %I x where lower(cast(x as text)) like %L limit 1',"
                + " t.table_name, '" + like + "'), false, true, '') as text) <> ''");
    }

    /** Waits until the notification service has handled the triage service's events of these types for a referral. */
    static void awaitNotificationServiceSaw(String referralId, String... eventTypes) {
        List<String> ids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ids.clear();
            for (String type : eventTypes) {
                List<String> found = pipeline.strings("triage-service", "select cast(event_id as text) from outbox_event"
                        + " where message_key = '" + referralId + "' and event_type = '" + type + "'");
                assertFalse(found.isEmpty(), type + " published");
                ids.addAll(found);
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(ids.size(), pipeline.count(
                "notification-service", "select count(*) from inbox_event where event_id in ('"
                        + String.join("','", ids) + "')"), "the notification service handled " + ids));
        assertNotNull(ids);
    }
}
