package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.e2e.Actors.post;
import static org.frontdoor.e2e.Actors.refer;
import static org.frontdoor.e2e.Actors.triageItem;
import static org.frontdoor.e2e.Actors.triageItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.frontdoor.e2e.Actors.Partner;
import org.frontdoor.e2e.Actors.Referral;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, done when: a partner's system runs as a real HTTP receiver; a request reaches it signed, it reads the
 * request with its own token, answers by API, and the worker sees the answer on the item; another organisation
 * cannot read it; an unanswered red request turns overdue after 4 hours (triage's clock moved, across its restart)
 * and is chased; a strategy discussion with police and health attending tells both the outcome.
 */
class InformationSharingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POLICE = "i27-police";
    private static final String HEALTH = "i27-health";
    private static final String HEALTH_MAILBOX = "mash-i27@health.example";
    /** triage's clock moved past a RED request's 4 hours; its overdue job runs every minute */
    private static final String FOUR_HOURS_ON = "PT4H5M";

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void thePoliceAreAskedAnswerByApiAreChasedWhenLateAndAreToldTheStrategyDiscussionsOutcome() throws Exception {
        Partner.inDirectory(pipeline, HEALTH, "3B", "HEALTH", HEALTH_MAILBOX);
        try (Partner school = Partner.subscribed(pipeline, "i27-school", "2A");
                Partner police = Partner.subscribed(pipeline, POLICE, "6", "POLICE")) {
            String surname = Actors.surname("Thorne");
            JsonNode created = refer(pipeline, school.token(), Referral.from("2A")
                    .referrer("organisationName", "Hillside Primary School").referrer("name", "J. Patel")
                    .referrer("email", "dsl-i27@hillside.example")
                    .child("Ruby", surname, "2015-06-01", "F", "DN2 5QT")
                    .indicators("SIGNS_OF_NEGLECT").summary("Bruising seen on Monday; the child was withdrawn."));
            String referralId = created.get("referralId").asText();
            String itemId = triageItems(pipeline, referralId, 1).get(0).get("id").asText();
            String worker = pipeline.token("triage-worker");
            Http.Reply claimed = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/claim", worker, Map.of());
            assertEquals(200, claimed.status(), claimed.body());

            // asked: the police system is told by a signed webhook, with no child's details
            String requestId = ask(itemId, "Any incidents or concerns at the address in the last 12 months?");
            JsonNode told = awaitWebhook(police, referralId, "information.requested", requestId);
            police.assertSignaturesVerify();
            JsonNode data = told.path("data");
            assertEquals("RED", data.path("urgency").asText());
            assertEquals("/api/v1/information-requests/" + requestId, data.path("link").asText());
            Instant deadline = Instant.parse(data.path("deadline").asText());
            assertTrue(Math.abs(Duration.between(Instant.now().plus(4, ChronoUnit.HOURS), deadline).toMinutes()) <= 2,
                    "a RED request is due in 4 hours: " + deadline);
            assertFalse(told.toString().contains(surname), "the webhook names the child: " + told);
            assertFalse(told.toString().contains("Bruising"), "the webhook holds the concern: " + told);

            // the police system reads it with its own token, by the link it was given: the question and the children
            Http.Reply read = Http.get(pipeline.triage() + data.path("link").asText(), police.token());
            assertEquals(200, read.status(), read.body());
            assertEquals("Any incidents or concerns at the address in the last 12 months?",
                    read.json().path("question").asText());
            assertEquals(surname, read.json().path("children").path(0).path("lastName").asText());
            assertEquals("2015-06-01", read.json().path("children").path(0).path("dateOfBirth").asText());
            // another organisation's system cannot read it nor answer it
            String housing = pipeline.token("partner", "doncaster-housing");
            assertEquals(404, Http.get(pipeline.triage() + "/api/v1/information-requests/" + requestId, housing)
                    .status());
            assertEquals(404, post(pipeline.triage() + "/api/v1/information-requests/" + requestId + "/response",
                    housing, Map.of("findings", "Nothing")).status());
            // it answers
            Http.Reply answered = post(pipeline.triage() + "/api/v1/information-requests/" + requestId + "/response",
                    police.token(), Map.of("findings", "Two domestic incidents at the address in 2026; no arrests."));
            assertEquals(200, answered.status(), answered.body());
            // and the worker sees the answer on the item
            JsonNode onItem = triageItem(pipeline, itemId).path("informationRequests").path(0);
            assertEquals(requestId, onItem.path("id").asText());
            assertEquals("ANSWERED", onItem.path("status").asText());
            assertEquals("Two domestic incidents at the address in 2026; no arrests.", onItem.path("findings").asText());

            // a strategy discussion with police (webhook) and health (email) attending: both are told the outcome
            String discussionId = strategyDiscussion(itemId);
            JsonNode outcome = awaitWebhook(police, referralId, "strategy-discussion.outcome", discussionId);
            assertTrue(outcome.path("data").path("section47Enquiry").asBoolean(), outcome.toString());
            assertEquals("Children stay with their grandmother tonight.",
                    outcome.path("data").path("immediateProtectiveAction").asText());
            Mail.Received toHealth = await().atMost(WAIT).until(() -> Mail.to(pipeline.smtp(), HEALTH_MAILBOX),
                    m -> m.stream().anyMatch(r -> r.subject().contains("Strategy discussion outcome"))).stream()
                    .filter(r -> r.subject().contains("Strategy discussion outcome")).findFirst().orElseThrow();
            assertTrue(toHealth.body().contains("a section 47 child protection enquiry will be made"), toHealth.body());
            assertFalse(toHealth.body().contains("Chair:"), "the minutes stay in triage: " + toHealth.body());
            police.assertSignaturesVerify();

            // a second RED request, left unanswered: four hours on it is OVERDUE, on the team's list, and chased
            String unanswered = ask(itemId, "Is the family known to the domestic abuse unit?");
            awaitWebhook(police, referralId, "information.requested", unanswered);
            try {
                restartTriage(FOUR_HOURS_ON);
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Http.Reply r = Http.get(pipeline.triage() + "/api/v1/information-requests/" + unanswered, worker);
                    assertEquals("OVERDUE", r.json().path("status").asText(), r.body());
                });
                Http.Reply overdue = Http.get(pipeline.triage() + "/api/v1/information-requests?status=OVERDUE&size=100",
                        pipeline.token("team-manager"));
                assertEquals(200, overdue.status(), overdue.body());
                assertTrue(overdue.body().contains(unanswered), overdue.body());
                JsonNode chase = awaitWebhook(police, referralId, "information.chased", unanswered);
                assertEquals("/api/v1/information-requests/" + unanswered, chase.path("data").path("link").asText());
                police.assertSignaturesVerify();
                // the answered one is not chased
                assertTrue(police.messages(referralId, "information.chased").stream()
                        .noneMatch(m -> requestId.equals(m.path("data").path("requestId").asText())));
            } finally {
                restartTriage("PT0S");
            }
        }
    }

    /** A RED request to the police from the item; its id. */
    private static String ask(String itemId, String question) {
        Http.Reply asked = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/information-requests",
                pipeline.token("triage-worker"), Map.of("organisation", POLICE, "question", question,
                        "urgency", "RED"));
        assertEquals(201, asked.status(), asked.body());
        return asked.json().path("id").asText();
    }

    private static String strategyDiscussion(String itemId) {
        Map<String, Object> body = Map.of(
                "heldAt", Instant.now().toString(),
                "staff", List.of("tw-tara-jones"),
                "agencies", List.of(
                        Map.of("organisation", POLICE, "attended", true, "shared", "Two domestic incidents."),
                        Map.of("organisation", HEALTH, "attended", true, "shared", "Missed health visits.")),
                "section47Enquiry", true,
                "immediateProtectiveAction", "Children stay with their grandmother tonight.",
                "minutes", "Chair: T. Jones. Threshold for s47 met: joint visit today.");
        Http.Reply held = post(pipeline.triage() + "/api/v1/triage-items/" + itemId + "/strategy-discussions",
                pipeline.token("triage-worker"), body);
        assertEquals(201, held.status(), held.body());
        return held.json().path("id").asText();
    }

    /** The first webhook of this type about this request or discussion the partner received. */
    private static JsonNode awaitWebhook(Partner partner, String referralId, String type, String id) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> partner.messages(referralId, type).stream()
                        .filter(m -> id.equals(m.path("data").path("requestId").asText())
                                || id.equals(m.path("data").path("discussionId").asText()))
                        .toList(), found -> !found.isEmpty())
                .get(0);
    }

    /** Triage stopped and started again with its clock this far ahead of the wall clock (frontdoor.clock.offset). */
    private static void restartTriage(String offset) {
        ServiceProcess triage = pipeline.service("triage-service");
        triage.stop();
        triage.putEnv(Map.of("FRONTDOOR_CLOCK_OFFSET", offset));
        triage.start();
    }
}
