package org.frontdoor.referral.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.ChildMerge;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The MASH's merges of records, as triage publishes them: the referral service follows {@code child.merged} and
 * {@code child.unmerged}, so that a later contact about any record of the child shows what is known of all of them,
 * and only its own again once separated; an event applied twice changes nothing.
 */
@QuarkusTest
class ChildMergeEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aContactAboutTheDuplicateCountsTheSurvivorsContactsAndOpenCaseUntilTheMergeIsUndone() throws Exception {
        // A: a referral five months ago, and a case open now
        Record a = record(uniqueSurname(), 5, true);
        UUID caseId = UUID.randomUUID();
        EventEnvelope opened = EventEnvelope.of(EventType.CASE_OPENED, a.referralId(), new CaseEvent(caseId,
                a.referralId(), List.of(a.childId()), "SOCIAL_CARE", "sw-3", null, null, null, null, List.of(),
                Instant.now(), null));
        sendApplied(opened);
        // B, the same child recorded under a misspelt surname: a contact three months ago that led to nothing more
        Record b = record(uniqueSurname(), 3, false);
        UUID mergeId = UUID.randomUUID();
        ChildMerge merge = new ChildMerge(a.knownChildId(), b.knownChildId(), mergeId, Instant.now());

        EventEnvelope merged = EventEnvelope.about(EventType.CHILD_MERGED, merge);
        sendApplied(merged);
        sendApplied(merged);
        sendApplied(copyOf(merged));
        assertEquals(Arrays.asList(null, a.knownChildId(), null, a.knownChildId()), forest(a, b));

        String duringMerge = submitAsFrontDoor(schoolReferral(b.surname(), null)).then().statusCode(201)
                .extract().path("referralId");
        priorInvolvement(duringMerge)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(2))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.reReferral", equalTo(true))
                .body("children[0].priorInvolvement.openCaseId", equalTo(caseId.toString()));
        assertEquals(b.knownChildId(), knownChildOf(duringMerge), "the record matched: triage resolves the root");

        EventEnvelope unmerged = EventEnvelope.about(EventType.CHILD_UNMERGED, merge);
        sendApplied(unmerged);
        sendApplied(unmerged);
        sendApplied(copyOf(unmerged));
        sendApplied(copyOf(merged)); // the merge once more, after it was undone: it stays undone
        assertEquals(Arrays.asList(null, null, null, null), forest(a, b));

        String separated = submitAsFrontDoor(schoolReferral(b.surname(), null)).then().statusCode(201)
                .extract().path("referralId");
        priorInvolvement(separated)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(0))
                .body("children[0].priorInvolvement.reReferral", equalTo(false))
                .body("children[0].priorInvolvement.sameDayFirstReferralId", equalTo(duringMerge))
                .body("children[0].priorInvolvement.openCaseId", nullValue());
        String aAgain = submitAsFrontDoor(schoolReferral(a.surname(), null)).then().statusCode(201)
                .extract().path("referralId");
        priorInvolvement(aAgain)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.sameDayFirstReferralId", nullValue())
                .body("children[0].priorInvolvement.openCaseId", equalTo(caseId.toString()));
    }

    @Test
    void aRecordMergedIntoTheDuplicateFollowsItIntoTheSurvivorsTreeAndBackOut() throws Exception {
        Record a = record(uniqueSurname(), 6, true);
        Record b = record(uniqueSurname(), 4, false);
        Record c = record(uniqueSurname(), 2, false);
        ChildMerge cIntoB = new ChildMerge(b.knownChildId(), c.knownChildId(), UUID.randomUUID(), Instant.now());
        ChildMerge bIntoA = new ChildMerge(a.knownChildId(), b.knownChildId(), UUID.randomUUID(), Instant.now());
        // published in this order, but on two partitions (keyed by the duplicate): applied the other way round
        sendApplied(EventEnvelope.about(EventType.CHILD_MERGED, bIntoA));
        sendApplied(EventEnvelope.about(EventType.CHILD_MERGED, cIntoB));
        assertEquals(a.knownChildId(), rootOf(c.knownChildId()));

        String aboutC = submitAsFrontDoor(schoolReferral(c.surname(), null)).then().statusCode(201)
                .extract().path("referralId");
        priorInvolvement(aboutC)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(3))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1));

        sendApplied(EventEnvelope.about(EventType.CHILD_UNMERGED, bIntoA));
        assertEquals(b.knownChildId(), rootOf(c.knownChildId()), "C stays merged into B, B's tree its own again");
        assertEquals(null, rootOf(b.knownChildId()));
        String cAgain = submitAsFrontDoor(schoolReferral(c.surname(), null)).then().statusCode(201)
                .extract().path("referralId");
        priorInvolvement(cAgain)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(2))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(0));
    }

    /** A record: one child's contact {@code monthsAgo}, which became a referral or not. */
    private record Record(String surname, UUID referralId, UUID childId, UUID knownChildId) {
    }

    private Record record(String surname, int monthsAgo, boolean becameReferral) throws Exception {
        var created = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        execute("update referral set received_at = received_at - interval '" + monthsAgo + " months' where id = '"
                + referralId + "'");
        if (becameReferral) {
            execute("update referral_child set became_referral = true, referral_date = current_date - interval '"
                    + monthsAgo + " months' where referral_id = '" + referralId + "'");
        }
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        return new Record(surname, referralId, childId, knownChildOf(referralId.toString()));
    }

    /** The same event published again under another event id: the inbox cannot tell it is a repeat. */
    private static EventEnvelope copyOf(EventEnvelope event) {
        return new EventEnvelope(UUID.randomUUID(), event.type(), event.schemaVersion(), event.occurredAt(), null,
                event.payload());
    }

    /** Published as triage does (keyed by the duplicate), and applied. */
    private void sendApplied(EventEnvelope event) throws Exception {
        String key = event.referralId() != null ? event.key() : ChildMerge.from(event).duplicate().toString();
        KafkaProbe.send(Topics.TRIAGE_EVENTS, key, EventJson.write(event));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
                ps.setObject(1, event.eventId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "event " + event.type() + " applied");
                }
            }
        });
    }

    /** A's and B's merged_into, then their root_id. */
    private List<UUID> forest(Record a, Record b) throws Exception {
        List<UUID> values = new ArrayList<>();
        for (String column : List.of("merged_into", "root_id")) {
            for (Record r : List.of(a, b)) {
                values.add(uuid("select " + column + " from known_child where id = '" + r.knownChildId() + "'"));
            }
        }
        return values;
    }

    private UUID rootOf(UUID knownChildId) throws Exception {
        return uuid("select root_id from known_child where id = '" + knownChildId + "'");
    }

    private UUID knownChildOf(String referralId) throws Exception {
        return uuid("select known_child_id from referral_child where referral_id = '" + referralId
                + "' and position = 0");
    }

    private UUID uuid(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static ValidatableResponse priorInvolvement(String referralId) {
        return given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
