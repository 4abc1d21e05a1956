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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.testsupport.GreenMailTestResource;
import org.frontdoor.testsupport.GreenMailTestResource.ReceivedMail;
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
        assertTrue(ack.body().contains(referralId.toString()), ack.body());
        assertTrue(ack.body().contains("child 1: " + leo.childId()), ack.body());

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
        // triage-events and referral-events are separate topics: nothing orders one after the other
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
        await().atMost(WAIT).until(() -> org.frontdoor.testsupport.KafkaProbe.readAll("triage-events.dlq").stream()
                .anyMatch(r -> r.value().contains(key)));
    }

    @Test
    void anAnonymousReferrerGetsNothing() throws Exception {
        UUID referralId = UUID.randomUUID();
        Scenario.Child child = child();
        EventEnvelope referral = received(referralId, Instant.now(), "9", "ANONYMOUS", null, null, "A worry", child);
        EventEnvelope decision = decided(referralId, child.childId(), 2, "EARLY_HELP_UNIVERSAL", "EARLY_HELP", "x");
        EventEnvelope closure = closed(referralId, List.of(child.childId()), List.of());
        send(referral);
        send(decision);
        send(closure);
        awaitConsumed(db, referral);
        awaitConsumed(db, decision);
        awaitConsumed(db, closure);

        notificationsOf(referralId).then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        assertTrue(GreenMailTestResource.received().stream().noneMatch(m -> m.body().contains(referralId.toString())));
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
            EventEnvelope decision = decided(referralId, child.childId(), 2, "EARLY_HELP_UNIVERSAL", "EARLY_HELP",
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
