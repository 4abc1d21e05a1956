package org.frontdoor.notification;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.assertVerifies;
import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.closed;
import static org.frontdoor.notification.Scenario.decided;
import static org.frontdoor.notification.Scenario.notificationEvents;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.testsupport.GreenMailTestResource.ReceivedMail;
import org.frontdoor.testsupport.GreenMailTestResource;
import org.frontdoor.testsupport.KafkaProbe;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** Who is told what (domain.md, "Feedback rules"), over a real HTTP receiver and a real SMTP server. */
@QuarkusTest
class FeedbackRulesTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Test
    void aProfessionalWithAWebhookGetsASignedAcknowledgementAndTheOutcomeEvenAfterA500() throws Exception {
        String org = uniqueOrg("hillside");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            Scenario.Child amy = child();
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", org, "dsl@hillside.example",
                    "Arrives hungry most days", amy));

            WebhookReceiver.Request ack = await().atMost(WAIT)
                    .until(() -> partner.requestsWith(referralId.toString()), r -> r.size() == 1).get(0);
            assertEquals("POST", ack.method());
            assertVerifies(ack);
            // a partner library rejects a body that was altered in transit
            assertFalse(Scenario.verifies(Scenario.SECRET, new WebhookReceiver.Request(ack.method(), ack.path(),
                    ack.headers(), ack.body().replace("referral.acknowledged", "referral.outcome"), 200)));
            JsonNode ackBody = EventJson.mapper().readTree(ack.body());
            assertEquals("referral.acknowledged", ackBody.path("type").asText());
            assertEquals(referralId.toString(), ackBody.path("data").path("referralId").asText());
            assertEquals(amy.childId().toString(), ackBody.path("data").path("children").path(0).path("childId").asText());
            assertTrue(ackBody.path("data").path("text").asText().contains("01632 960999"), "names a contact");

            // the partner's endpoint fails once; the outcome is retried and arrives with the same webhook-id
            partner.answerNext(500);
            send(decided(referralId, amy.childId(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                    "Several level-2 needs at once: attendance and hunger. Early help is offered."));
            List<WebhookReceiver.Request> outcome = await().atMost(WAIT).until(
                    () -> partner.requests(r -> r.body().contains("\"referral.outcome\"")
                            && r.body().contains(referralId.toString())),
                    r -> r.size() == 2);
            assertEquals(500, outcome.get(0).answeredWith());
            assertEquals(200, outcome.get(1).answeredWith());
            assertEquals(outcome.get(0).header("webhook-id"), outcome.get(1).header("webhook-id"));
            assertNotEquals(ack.header("webhook-id"), outcome.get(1).header("webhook-id"));
            assertEquals(outcome.get(0).body(), outcome.get(1).body(), "a retry sends the same message");
            assertVerifies(outcome.get(1));
            JsonNode data = EventJson.mapper().readTree(outcome.get(1).body()).path("data");
            assertEquals(amy.childId().toString(), data.path("childId").asText());
            assertEquals(3, data.path("level").asInt());
            assertEquals("EARLY_HELP_TARGETED", data.path("outcome").asText());
            assertEquals("Targeted early help", data.path("outcomeLabel").asText());
            assertEquals("EARLY_HELP", data.path("pathway").asText());
            assertFalse(data.path("referral").asBoolean(true), "early help leaves it a contact");
            assertEquals("Several level-2 needs at once: attendance and hunger. Early help is offered.",
                    data.path("reasons").asText());
            String text = data.path("text").asText();
            assertTrue(text.contains("Several level-2 needs at once"), text);
            assertTrue(text.contains("What happens next") && text.contains("Early Help Assessment"), text);
            assertTrue(text.contains("01632 960999"), "names a contact: " + text);

            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items", hasSize(2))
                    .body("items.find { it.kind == 'OUTCOME' }.status", equalTo("SENT"))
                    .body("items.find { it.kind == 'OUTCOME' }.channel", equalTo("WEBHOOK"))
                    .body("items.find { it.kind == 'OUTCOME' }.attempts", equalTo(2))
                    .body("items.find { it.kind == 'OUTCOME' }.deliveredAt", notNullValue())
                    .body("items.find { it.kind == 'OUTCOME' }.deadline", equalTo("MET"))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", equalTo("SENT")));

            // referral status learns what the referrer was told, through the outbox
            List<EventEnvelope> told = await().atMost(WAIT).until(() -> notificationEvents(referralId),
                    e -> e.size() == 2);
            assertTrue(told.stream().allMatch(e -> e.type().equals("notification.sent")));
            NotificationOutcome toldOutcome = told.stream().map(e -> e.payloadAs(NotificationOutcome.class))
                    .filter(o -> o.kind().equals("OUTCOME")).findFirst().orElseThrow();
            assertEquals(amy.childId(), toldOutcome.childId());
            assertEquals("WEBHOOK", toldOutcome.channel());
            assertEquals(org, toldOutcome.recipientOrganisation());
            assertEquals(2, toldOutcome.attempts());
        }
    }

    @Test
    void aProfessionalWithoutAWebhookIsToldByEmail() throws Exception {
        String org = uniqueOrg("police");
        String email = "pc-" + UUID.randomUUID().toString().substring(0, 8) + "@police.example";
        UUID referralId = UUID.randomUUID();
        Scenario.Child leo = child();
        send(received(referralId, Instant.now(), "6", "PROFESSIONAL", org, email, "Found alone at night", leo));

        ReceivedMail ack = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                m -> m.size() == 1).get(0);
        assertTrue(ack.subject().contains("Referral received"), ack.subject());
        assertTrue(ack.body().contains("Please quote our reference " + Scenario.referenceOf(referralId)),
                ack.body());
        assertTrue(ack.body().contains("  - child 1 (" + leo.firstName().charAt(0) + "." + leo.lastName().charAt(0)
                + "., born April 2016)"), ack.body());
        assertFalse(ack.body().contains(leo.childId().toString()), "a child is named, not numbered by id");

        send(decided(referralId, leo.childId(), 1, "NO_FURTHER_ACTION", null,
                "Needs are met by universal services; the school nurse will follow up."));
        ReceivedMail outcome = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                m -> m.size() == 2).get(1);
        assertTrue(outcome.subject().contains("Outcome for child 1"), outcome.subject());
        assertTrue(outcome.body().contains("Needs are met by universal services; the school nurse will follow up."));
        assertTrue(outcome.body().contains("Level of need: 1 - Universal"), outcome.body());
        assertTrue(outcome.body().contains("no further action"), outcome.body());
        await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                .body("items.channel", containsInAnyOrder("EMAIL", "EMAIL"))
                .body("items.status", containsInAnyOrder("SENT", "SENT")));
    }

    @Test
    void aDecisionThatArrivesBeforeItsReferralIsStillToldAndCaseStepsReachEveryAgency() throws Exception {
        String org = uniqueOrg("nursery");
        String otherAgency = uniqueOrg("cafcass");
        String email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@nursery.example";
        UUID referralId = UUID.randomUUID();
        Scenario.Child mia = child();
        // triage-events and referral-notices are separate topics: nothing orders one after the other
        EventEnvelope decision = decided(referralId, mia.childId(), 4, "SOCIAL_CARE_ASSESSMENT", "SOCIAL_CARE",
                "Disclosure of harm; a social worker will assess.");
        send(decision);
        awaitConsumed(db, decision);
        send(received(referralId, Instant.now(), "8", "PROFESSIONAL", org, email, "x", mia));

        List<ReceivedMail> mails = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                m -> m.size() == 2);
        assertTrue(mails.stream().anyMatch(m -> m.body().contains("Disclosure of harm; a social worker will assess.")
                && m.body().contains("children's social care")));

        try (WebhookReceiver cafcass = WebhookReceiver.start()) {
            subscribe(otherAgency, cafcass);
            send(Scenario.stepped(referralId, List.of(mia.childId()), List.of(org, otherAgency)));
            WebhookReceiver.Request step = await().atMost(WAIT)
                    .until(() -> cafcass.requestsWith(referralId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(step);
            JsonNode data = EventJson.mapper().readTree(step.body()).path("data");
            assertEquals("DOWN", data.path("direction").asText());
            assertEquals("EARLY_HELP", data.path("pathway").asText());
            ReceivedMail toReferrer = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                    m -> m.size() == 3).get(2);
            assertTrue(toReferrer.subject().contains("Case stepped down to Early help"), toReferrer.subject());
            assertTrue(toReferrer.body().contains("Needs now met by a family support plan."), toReferrer.body());
        }
    }

    @Test
    void aContactAboutAChildWithAnOpenCaseTellsTheReferrerItWentToTheAllocatedWorker() throws Exception {
        String org = uniqueOrg("health-visiting");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            Scenario.Child knownToEarlyHelp = child();
            Scenario.Child knownToSocialCare = child();
            send(received(referralId, Instant.now(), "3B", "PROFESSIONAL", org, null, "Missed two health checks",
                    knownToEarlyHelp, knownToSocialCare));
            UUID earlyHelpCase = UUID.randomUUID();
            // the MASH screened the contact and passed it to each child's open case: the pathway is the case's
            send(decided(referralId, knownToEarlyHelp.childId(), 2, "PASSED_TO_ALLOCATED_WORKER", "EARLY_HELP",
                    "Shared with the family's lead practitioner, who is already working on health appointments.",
                    false, earlyHelpCase));
            send(decided(referralId, knownToSocialCare.childId(), 4, "PASSED_TO_ALLOCATED_WORKER", "SOCIAL_CARE",
                    "Shared with the child's social worker.", false, UUID.randomUUID()));

            List<WebhookReceiver.Request> outcomes = await().atMost(WAIT).until(
                    () -> partner.requests(r -> r.body().contains("\"referral.outcome\"")
                            && r.body().contains(referralId.toString())),
                    r -> r.size() == 2);
            JsonNode earlyHelp = null;
            JsonNode socialCare = null;
            for (WebhookReceiver.Request r : outcomes) {
                assertVerifies(r);
                JsonNode data = EventJson.mapper().readTree(r.body()).path("data");
                if (data.path("childId").asText().equals(knownToEarlyHelp.childId().toString())) {
                    earlyHelp = data;
                } else {
                    socialCare = data;
                }
            }
            assertEquals("PASSED_TO_ALLOCATED_WORKER", earlyHelp.path("outcome").asText());
            assertEquals("Passed to the allocated worker of the child's open case",
                    earlyHelp.path("outcomeLabel").asText());
            assertEquals("EARLY_HELP", earlyHelp.path("pathway").asText());
            assertFalse(earlyHelp.path("referral").asBoolean(true), "no new referral for a child with an open case");
            assertTrue(earlyHelp.path("referral").isBoolean(), "referral is always stated: " + earlyHelp);
            assertEquals(earlyHelpCase.toString(), earlyHelp.path("caseId").asText());
            assertEquals("Shared with the family's lead practitioner, who is already working on health appointments.",
                    earlyHelp.path("reasons").asText());
            String text = earlyHelp.path("text").asText();
            assertTrue(text.contains("Decision: Passed to the allocated worker of the child's open case"), text);
            assertTrue(text.contains("What happens next\nThe child is already known to early help"), text);
            assertTrue(text.contains("passed the information you gave us to the child's allocated worker, who will"
                    + " act on it"), text);
            assertFalse(text.contains("Early Help Assessment"), "not a new early help offer: " + text);
            assertFalse(text.toLowerCase().contains("no further action"), "not no further action: " + text);

            assertEquals("SOCIAL_CARE", socialCare.path("pathway").asText());
            assertTrue(socialCare.path("text").asText().contains("already known to children's social care"),
                    socialCare.path("text").asText());
            assertFalse(socialCare.path("text").asText().contains("accepted as a referral"),
                    socialCare.path("text").asText());

            for (WebhookReceiver.Request r : outcomes) {
                assertNoChildDetails(r.body(), knownToEarlyHelp, knownToSocialCare);
            }
        }
    }

    @Test
    void aStatutoryDecisionTellsTheReferrerTheContactBecameAReferral() throws Exception {
        String org = uniqueOrg("police");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            Scenario.Child older = child();
            Scenario.Child younger = child();
            send(received(referralId, Instant.now(), "6", "PROFESSIONAL", org, null, "Domestic abuse call-out",
                    older, younger));
            send(decided(referralId, older.childId(), 4, "STRATEGY_DISCUSSION", "SOCIAL_CARE",
                    "Injury seen by officers; a strategy discussion is arranged today."));
            send(decided(referralId, younger.childId(), 4, "SOCIAL_CARE_ASSESSMENT", "SOCIAL_CARE",
                    "Witnessed the incident; a social worker will assess."));

            List<WebhookReceiver.Request> outcomes = await().atMost(WAIT).until(
                    () -> partner.requests(r -> r.body().contains("\"referral.outcome\"")
                            && r.body().contains(referralId.toString())),
                    r -> r.size() == 2);
            for (WebhookReceiver.Request r : outcomes) {
                JsonNode data = EventJson.mapper().readTree(r.body()).path("data");
                String text = data.path("text").asText();
                assertTrue(data.path("referral").asBoolean(false), "a statutory outcome is a referral: " + data);
                assertTrue(data.hasNonNull("referralDate"), data.toString());
                assertEquals("SOCIAL_CARE", data.path("pathway").asText());
                assertTrue(text.contains("accepted as a referral to children's social care"), text);
                if (data.path("childId").asText().equals(older.childId().toString())) {
                    assertEquals("STRATEGY_DISCUSSION", data.path("outcome").asText());
                    assertEquals("Strategy discussion (s47)", data.path("outcomeLabel").asText());
                    assertTrue(text.contains("strategy discussion") && text.contains("section 47"), text);
                } else {
                    assertEquals("SOCIAL_CARE_ASSESSMENT", data.path("outcome").asText());
                    assertEquals("Children's social care assessment (s17)", data.path("outcomeLabel").asText());
                    assertTrue(text.contains("section 17"), text);
                    assertFalse(text.contains("section 47"), text);
                }
                assertNoChildDetails(r.body(), older, younger);
            }
        }
    }

    @Test
    void anOutcomeThisServiceDoesNotKnowGoesToTheDeadLetterTopicAndStaysOwed() throws Exception {
        String org = uniqueOrg("school");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            Scenario.Child first = child();
            Scenario.Child second = child();
            EventEnvelope referral = received(referralId, Instant.now(), "2A", "PROFESSIONAL", org, null, "x", first,
                    second);
            send(referral);
            awaitConsumed(db, referral);
            // a newer producer's outcome: the referrer must not get words that may be wrong, and the consumer
            // must not retry it for ever
            EventEnvelope unknown = decided(referralId, first.childId(), 3, "FAMILY_GROUP_CONFERENCE", "EARLY_HELP",
                    "x");
            send(unknown);
            ConsumerRecord<String, String> dead = await().atMost(WAIT).until(
                    () -> KafkaProbe.readAll("triage-events.notification-service.dlq").stream()
                            .filter(r -> r.value().contains(unknown.eventId().toString())).findFirst(),
                    Optional::isPresent).get();
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the reason travels with it");
            String why = new String(reason.value(), StandardCharsets.UTF_8);
            assertTrue(why.contains("unknown outcome 'FAMILY_GROUP_CONFERENCE'"), why);

            // the partition is not blocked: the next decision of the same referral is told
            send(decided(referralId, second.childId(), 1, "INFORMATION_AND_ADVICE", "NONE",
                    "Advice given on attendance support."));
            WebhookReceiver.Request told = await().atMost(WAIT).until(
                    () -> partner.requests(r -> r.body().contains("\"referral.outcome\"")
                            && r.body().contains(referralId.toString())),
                    r -> r.size() == 1).get(0);
            JsonNode data = EventJson.mapper().readTree(told.body()).path("data");
            assertEquals(second.childId().toString(), data.path("childId").asText());
            assertEquals("INFORMATION_AND_ADVICE", data.path("outcome").asText());
            assertEquals("NONE", data.path("pathway").asText());
            assertTrue(data.path("text").asText().contains("information and advice"), data.path("text").asText());

            // the first child's outcome is still owed, so the overdue list keeps showing it
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items.find { it.kind == 'OUTCOME' && it.childId == '" + first.childId() + "' }.status",
                            equalTo("AWAITING_DECISION"))
                    .body("items.find { it.kind == 'OUTCOME' && it.childId == '" + second.childId() + "' }.status",
                            equalTo("SENT")));
        }
    }

    /** A message to a referrer names children by position and id only (architecture.md, "Personal data"). */
    private static void assertNoChildDetails(String body, Scenario.Child... children) {
        for (Scenario.Child c : children) {
            assertFalse(body.contains(c.firstName()) || body.contains(c.lastName()), "no child's name: " + body);
        }
        assertFalse(body.contains("2016-04-02") || body.contains("2 April 2016"), "no date of birth: " + body);
        assertFalse(body.contains("Quillfeather"), "no household member: " + body);
        assertFalse(body.contains("rationale"), "never the worker's rationale: " + body);
        assertFalse(body.contains("worker-7"), "not who decided: " + body);
    }

    @Test
    void aMemberOfThePublicGetsAGenericAcknowledgementAndNeverCaseDetails() throws Exception {
        String agency = uniqueOrg("health");
        String gran = "gran-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String concern = "Shouting most nights and the child left alone in the garden " + UUID.randomUUID();
        try (WebhookReceiver healthVisitors = WebhookReceiver.start()) {
            subscribe(agency, healthVisitors);
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            send(received(referralId, Instant.now(), "1A", "INDIVIDUAL", null, gran, concern, child));

            ReceivedMail ack = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(gran),
                    m -> m.size() == 1).get(0);
            String message = ack.subject() + "\n" + ack.body();
            assertTrue(message.contains("we have received your message"), message);
            assertTrue(message.contains("01632 960999"), "names a contact: " + message);
            assertFalse(message.contains(child.firstName()), "no child's name");
            assertFalse(message.contains(child.lastName()), "no child's surname");
            assertFalse(message.contains(child.childId().toString()), "no child id");
            assertFalse(message.contains(concern), "no concern text");
            assertFalse(message.contains("Quillfeather"), "no household member");
            assertFalse(message.toLowerCase().contains("level"), "no threshold level");

            // the decision and the closure reach the partner agency involved, never the relative
            send(decided(referralId, child.childId(), 4, "STRATEGY_DISCUSSION", "SOCIAL_CARE", "Risk of harm."));
            send(closed(referralId, List.of(child.childId()), List.of(agency)));
            WebhookReceiver.Request closure = await().atMost(WAIT).until(
                    () -> healthVisitors.requestsWith(referralId.toString()), r -> r.size() == 1).get(0);
            assertVerifies(closure);
            JsonNode body = EventJson.mapper().readTree(closure.body());
            assertEquals("case.closed", body.path("type").asText());
            assertEquals("RC9", body.path("data").path("closureReasonCode").asText());
            assertTrue(body.path("data").path("text").asText().contains("referred to early help"));

            assertEquals(1, GreenMailTestResource.receivedBy(gran).size(), "the relative hears nothing more");
            notificationsOf(referralId).then().statusCode(200)
                    .body("items.kind", containsInAnyOrder("ACKNOWLEDGEMENT", "CASE_CLOSED"))
                    .body("items.find { it.kind == 'CASE_CLOSED' }.recipientOrganisation", equalTo(agency))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.recipientEmail", equalTo("g***@example.org"));
        }
    }

    @Test
    void anEventThatCanNeverBeProcessedGoesToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        String garbage = "{\"this is\": \"not an event\", \"marker\": \"" + key + "\"}";
        org.frontdoor.testsupport.KafkaProbe.send("triage-events", key, garbage);
        await().atMost(WAIT).until(() -> org.frontdoor.testsupport.KafkaProbe.readAll("triage-events.notification-service.dlq").stream()
                .anyMatch(r -> r.value().contains(key)));
    }

    @Test
    void anAnonymousReferrerGetsNothing() throws Exception {
        UUID referralId = UUID.randomUUID();
        Scenario.Child child = child();
        EventEnvelope referral = received(referralId, Instant.now(), "9", "ANONYMOUS", null, null, "A worry", child);
        EventEnvelope decision = decided(referralId, child.childId(), 2, "EARLY_HELP_SINGLE_AGENCY", "EARLY_HELP", "x");
        EventEnvelope closure = closed(referralId, List.of(child.childId()), List.of());
        send(referral);
        send(decision);
        send(closure);
        awaitConsumed(db, referral);
        awaitConsumed(db, decision);
        awaitConsumed(db, closure);

        notificationsOf(referralId).then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        // messages quote the human reference, no longer the id: neither may be in any mail
        assertTrue(GreenMailTestResource.received().stream().noneMatch(m -> m.body().contains(referralId.toString())
                || m.body().contains(Scenario.referenceOf(referralId))));
        assertTrue(notificationEvents(referralId).isEmpty());
    }

    @Test
    void aRedeliveredOrRepublishedEventSendsNothingNew() throws Exception {
        String org = uniqueOrg("gp");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            Scenario.Child child = child();
            EventEnvelope referral = received(referralId, Instant.now(), "3A", "PROFESSIONAL", org, null, "x", child);
            // the same event twice (a consumer redelivery), and again under a new event id (a producer's retry)
            EventEnvelope republished = new EventEnvelope(UUID.randomUUID(), referral.type(), referral.schemaVersion(),
                    referral.occurredAt(), referral.referralId(), referral.payload());
            send(referral);
            send(referral);
            send(republished);
            EventEnvelope decision = decided(referralId, child.childId(), 2, "EARLY_HELP_SINGLE_AGENCY", "EARLY_HELP",
                    "Single-agency support from the practice.");
            send(decision);
            send(decision);
            awaitConsumed(db, republished);
            awaitConsumed(db, decision);

            // every event is consumed and both messages are delivered: a SENT message is never sent again
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.status", containsInAnyOrder("SENT", "SENT")));
            List<WebhookReceiver.Request> all = partner.requestsWith(referralId.toString());
            assertEquals(1, all.stream().filter(r -> r.body().contains("\"referral.acknowledged\"")).count());
            assertEquals(1, all.stream().filter(r -> r.body().contains("\"referral.outcome\"")).count());
            notificationsOf(referralId).then().body("items", hasSize(2));
            assertEquals(2, notificationEvents(referralId).size());
        }
    }
}
