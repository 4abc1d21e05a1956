package org.frontdoor.notification;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.assertVerifies;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.decided;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.referenceOf;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.testsupport.GreenMailTestResource;
import org.frontdoor.testsupport.GreenMailTestResource.ReceivedMail;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Messages a person can act on (issue 28): each quotes the contact's human reference and the referrer's own, names
 * each child by position, initials and month and year of birth, never by name or id; and an agency told of a case
 * hears of the contact it knows.
 */
@QuarkusTest
class MessagesPeopleCanActOnTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    AgroalDataSource db;

    @Test
    void anOutcomeByEmailQuotesBothReferencesAndNamesTheChildByInitialsAndMonthOfBirth() throws Exception {
        String org = uniqueOrg("school");
        String email = "dsl-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        UUID referralId = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Scenario.Child first = child();
        Scenario.Child amira = new Scenario.Child(UUID.randomUUID(), "Amira" + tag, "Sallow" + tag)
                .bornOn(LocalDate.of(2016, 3, 14));
        send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", org, email, "x", first, amira));
        String ours = referenceOf(referralId);
        String theirs = "HPS-" + referralId.toString().substring(0, 4);

        ReceivedMail ack = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                m -> m.size() == 1).get(0);
        assertTrue(ack.subject().contains("(our ref " + ours + ", your ref " + theirs + ")"), ack.subject());
        assertTrue(ack.body().contains("  - child 2 (A.S., born March 2016)"), ack.body());
        assertTrue(ack.body().contains("Please quote our reference " + ours + "."), ack.body());
        assertNoIdNameOrBirthday(ack, amira);

        send(decided(referralId, amira.childId(), 1, "NO_FURTHER_ACTION", null, "Universal services will help."));
        ReceivedMail outcome = await().atMost(WAIT).until(() -> GreenMailTestResource.receivedBy(email),
                m -> m.size() == 2).get(1);
        assertEquals("Children's Front Door: Outcome for child 2 (our ref " + ours + ", your ref " + theirs + ")",
                outcome.subject());
        assertTrue(outcome.body().contains("the response to your referral " + ours + " (your reference " + theirs
                + ") for child 2 (A.S., born March 2016)."), outcome.body());
        assertTrue(outcome.body().contains("Please quote our reference " + ours + "."), outcome.body());
        assertNoIdNameOrBirthday(outcome, amira);

        // what is kept: initials and the month of birth, never the name nor the day
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select initials, born_in,"
                + " (select reference from referral_record r where r.referral_id = ch.referral_id)"
                + " from referral_record_child ch where child_id = ?")) {
            s.setObject(1, amira.childId());
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals("A.S.", r.getString(1));
                assertEquals("2016-03", r.getString(2));
                assertEquals(ours, r.getString(3));
            }
        }
        assertEquals(0, rowsHolding(amira.firstName()) + rowsHolding(amira.lastName()) + rowsHolding("2016-03-14"),
                "no name nor date of birth anywhere in the messages");
    }

    @Test
    void anOutcomeByWebhookCarriesTheReferencesAndTheChildAsMessagesNameThem() throws Exception {
        String org = uniqueOrg("school");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            UUID referralId = UUID.randomUUID();
            String tag = UUID.randomUUID().toString().substring(0, 6);
            Scenario.Child amira = new Scenario.Child(UUID.randomUUID(), "Amira" + tag, "Sallow" + tag)
                    .bornOn(LocalDate.of(2016, 3, 14));
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", org, null, "x", child(), amira));
            send(decided(referralId, amira.childId(), 2, "EARLY_HELP_TARGETED", "EARLY_HELP", "Family support."));

            WebhookReceiver.Request told = await().atMost(WAIT).until(() -> partner.requests(
                    r -> r.body().contains("\"referral.outcome\"") && r.body().contains(referralId.toString())),
                    r -> !r.isEmpty()).get(0);
            assertVerifies(told);
            JsonNode data = EventJson.mapper().readTree(told.body()).path("data");
            assertEquals(referenceOf(referralId), data.path("reference").asText());
            assertEquals("HPS-" + referralId.toString().substring(0, 4), data.path("externalReference").asText());
            assertEquals(amira.childId().toString(), data.path("childId").asText(), "systems still match on ids");
            assertEquals(2, data.path("childNumber").asInt());
            assertEquals("A.S.", data.path("initials").asText());
            assertEquals("2016-03", data.path("bornIn").asText());
            assertEquals("child 2 (A.S., born March 2016)", data.path("label").asText());
            String text = data.path("text").asText();
            assertTrue(text.contains("Please quote our reference " + referenceOf(referralId)), text);
            assertFalse(UUID_TEXT.matcher(text).find(), "no UUID in the text: " + text);
            assertFalse(told.body().contains(amira.firstName()) || told.body().contains("2016-03-14"), told.body());
        }
    }

    @Test
    void anAgencyOnlyCheckedHearsOfTheClosureUnderTheContactItWasAskedAbout() throws Exception {
        String school = uniqueOrg("school");
        String police = uniqueOrg("police");
        try (WebhookReceiver schoolHook = WebhookReceiver.start(); WebhookReceiver policeHook = WebhookReceiver.start()) {
            subscribe(school, schoolHook);
            subscribe(police, policeHook);
            UUID opening = UUID.randomUUID();
            UUID checkedAbout = UUID.randomUUID();
            Scenario.Child amira = child().bornOn(LocalDate.of(2016, 3, 14));
            send(received(opening, Instant.now(), "2A", "PROFESSIONAL", school, null, "x", amira));
            // a later contact about the child, from a member of the public; the police were checked about it
            send(received(checkedAbout, Instant.now(), "1C", "INDIVIDUAL", null, null, "y", child()));
            EventEnvelope closure = EventEnvelope.of(EventType.CASE_CLOSED, opening, new CaseEvent(UUID.randomUUID(),
                    opening, List.of(amira.childId()), "EARLY_HELP", "worker-9", null, null, "RC9", "Closed.",
                    List.of(school, police), Instant.now(), null,
                    List.of(new CaseEvent.AgencyContact(school, opening, referenceOf(opening)),
                            new CaseEvent.AgencyContact(police, checkedAbout, referenceOf(checkedAbout)))));
            send(closure);

            JsonNode toPolice = data(await().atMost(WAIT).until(() -> policeHook.requestsWith(opening.toString()),
                    r -> r.size() == 1).get(0));
            assertEquals(referenceOf(checkedAbout), toPolice.path("reference").asText(), "the contact it knows");
            assertTrue(toPolice.path("externalReference").isMissingNode(), "not the school's own reference");
            String text = toPolice.path("text").asText();
            assertTrue(text.contains("Please quote our reference " + referenceOf(checkedAbout) + "."), text);
            assertTrue(text.contains("The case of child 1 (Z.Q., born March 2016) of contact "
                    + referenceOf(opening) + " was closed"), text);
            assertFalse(UUID_TEXT.matcher(text).find(), text);

            JsonNode toSchool = data(await().atMost(WAIT).until(() -> schoolHook.requestsWith(opening.toString()),
                    r -> r.stream().anyMatch(q -> q.body().contains("\"case.closed\""))).stream()
                    .filter(q -> q.body().contains("\"case.closed\"")).findFirst().orElseThrow());
            assertEquals(referenceOf(opening), toSchool.path("reference").asText(), "the contact it made");
            assertEquals("HPS-" + opening.toString().substring(0, 4), toSchool.path("externalReference").asText());
            assertTrue(toSchool.path("text").asText().contains("The case of child 1 (Z.Q., born March 2016) was"),
                    toSchool.path("text").asText());
        }
    }

    private static JsonNode data(WebhookReceiver.Request request) throws Exception {
        assertVerifies(request);
        return EventJson.mapper().readTree(request.body()).path("data");
    }

    private static void assertNoIdNameOrBirthday(ReceivedMail mail, Scenario.Child child) {
        String message = mail.subject() + "\n" + mail.body();
        assertFalse(UUID_TEXT.matcher(message).find(), "no UUID: " + message);
        assertFalse(message.contains(child.firstName()), "no first name: " + message);
        assertFalse(message.contains(child.lastName()), "no surname: " + message);
        assertFalse(message.contains("14 March") || message.contains("2016-03-14"), "no day of birth: " + message);
    }

    private int rowsHolding(String value) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from"
                + " notification where text_body like ? or cast(data as text) like ? or subject like ?")) {
            for (int i = 1; i <= 3; i++) {
                s.setString(i, "%" + value + "%");
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
