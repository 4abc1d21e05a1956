package org.frontdoor.referral.domain;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.referral.StatementCounter;
import org.junit.jupiter.api.Test;

/**
 * A run of status events costs a fixed number of statements, whatever its length: the children's rows in one
 * statement, the timeline in one insert, the contacts' status once (issue 29). Applied here straight through
 * {@link StatusUpdater}, as the inbox hands it a run, and counted on this thread.
 */
@QuarkusTest
class StatusInBatchesTest {

    @Inject
    StatusUpdater status;

    /** A contact's id and its one child's. */
    private record Contact(UUID referralId, UUID childId) {
    }

    @Test
    void aRunOfStatusEventsTakesTheSameStatementsForOneEventAsForMany() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var created = submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201).extract();
            contacts.add(new Contact(UUID.fromString(created.path("referralId")),
                    UUID.fromString(created.path("children[0].childId"))));
        }
        List<Contact> one = contacts.subList(0, 1);
        List<Contact> five = contacts.subList(1, 6);

        int queuedOne = statements(one, this::queued, status::queued);
        assertEquals(queuedOne, statements(five, this::queued, status::queued), "queued: one event or five");
        assertEquals(3, queuedOne, "queued: the children, the timeline, the contacts' status");
        int decidedOne = statements(one, this::decided, status::decided);
        assertEquals(decidedOne, statements(five, this::decided, status::decided), "decided: one event or five");
        assertEquals(3, decidedOne, "decided: the children, the timeline, the contacts' status");
        int toldOne = statements(one, this::told, status::notified);
        assertEquals(toldOne, statements(five, this::told, status::notified), "sent: one event or five");
        assertEquals(1, toldOne, "sent: the timeline alone");

        for (Contact c : contacts) {
            given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + c.referralId())
                    .then().statusCode(200)
                    .body("status", equalTo("DECIDED"))
                    .body("children.status", everyItem(equalTo("DECIDED")))
                    .body("timeline.kind", contains("RECEIVED", "IN_TRIAGE", "DECIDED", "REFERRER_NOTIFIED"));
        }
    }

    @Test
    void aChildThatComesAgainInARunEndsAsItWouldEventByEvent() {
        var created = submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201).extract();
        Contact c = new Contact(UUID.fromString(created.path("referralId")),
                UUID.fromString(created.path("children[0].childId")));
        List<EventEnvelope> run = List.of(decided(c, "NO_FURTHER_ACTION", 1), decided(c, "EARLY_HELP_TARGETED", 3));
        QuarkusTransaction.requiringNew().run(() -> status.decided(run));
        given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + c.referralId())
                .then().statusCode(200)
                .body("children[0].outcome", equalTo("EARLY_HELP_TARGETED"))
                .body("children[0].level", equalTo(3))
                .body("timeline.kind", contains("RECEIVED", "DECIDED", "DECIDED"));
    }

    /** The statements {@code apply} takes for one event per contact, in one transaction. */
    private static int statements(List<Contact> contacts, Function<Contact, EventEnvelope> event,
            java.util.function.Consumer<List<EventEnvelope>> apply) {
        List<EventEnvelope> run = contacts.stream().map(event).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            int before = StatementCounter.onThisThread();
            apply.accept(run);
            return StatementCounter.onThisThread() - before;
        });
    }

    private EventEnvelope queued(Contact c) {
        Instant now = Instant.now();
        return EventEnvelope.of(EventType.TRIAGE_QUEUED, c.referralId(), new TriageQueued(c.referralId(),
                c.childId(), UUID.randomUUID(), "GREEN", now.plusSeconds(3600), false, now, null, null));
    }

    private EventEnvelope decided(Contact c) {
        return decided(c, "NO_FURTHER_ACTION", 1);
    }

    private static EventEnvelope decided(Contact c, String outcome, int level) {
        return EventEnvelope.of(EventType.TRIAGE_DECIDED, c.referralId(), new TriageDecided(c.referralId(),
                c.childId(), UUID.randomUUID(), level, outcome,
                Outcome.valueOf(outcome).pathway().name(), null, "What the school may be told.",
                "worker-7", Instant.now(), true, false, null, false, null, null));
    }

    private EventEnvelope told(Contact c) {
        Instant now = Instant.now();
        return EventEnvelope.of(EventType.NOTIFICATION_SENT, c.referralId(), new NotificationOutcome(
                UUID.randomUUID(), c.referralId(), c.childId(), "ACKNOWLEDGEMENT", "WEBHOOK", "hillside-primary",
                now.plusSeconds(86400), now, 1, null));
    }
}
