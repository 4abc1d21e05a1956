package org.frontdoor.triage.children;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.testsupport.KafkaProbe;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.frontdoor.triage.Triage.Item;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: one chronology per child, across merged records. A February of work on two records of one child, the
 * service's clock moved on with it, then the records merged: every kind of entry, oldest first, a page at a time.
 */
@QuarkusTest
class ChronologyTest {

    @Inject
    AgroalDataSource dataSource;

    static void standAt(String instant) {
        QuarkusMock.installMockForType(Triage.StandingClock.at(Instant.parse(instant)), Clock.class);
    }

    @Test
    void everyKindOfEntryOldestFirstAcrossAMergeAPageAtATime() throws Exception {
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police", "POLICE", "6");
        standAt("2026-02-02T12:00:00Z");
        Item a = contact("2026-02-02T09:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2012-10-10", null, "M");
        as(WORKER).body("""
                {"organisation": "south-yorkshire-police", "contactName": "DC R. Hughes",
                 "checkedAt": "2026-02-02T10:00:00Z", "findings": "Known to police."}""")
                .post("/api/v1/triage-items/" + a.id() + "/checks").then().statusCode(201);
        String caseId = decide(a, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));

        standAt("2026-02-04T12:00:00Z");
        String assessment = as(WORKER).body("{\"startedOn\": \"2026-02-03\"}")
                .post("/api/v1/triage-items/" + a.id() + "/assessments").then().statusCode(201).extract().path("id");
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2026-02-04\"}")
                .post("/api/v1/triage-items/" + a.id() + "/section47-enquiries").then().statusCode(201)
                .extract().path("id");

        standAt("2026-02-09T12:00:00Z");
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-02-04\", \"icpcOn\": \"2026-02-06\","
                + " \"planStartedOn\": \"2026-02-06\", \"planCategory\": \"NEG\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200);
        as(MANAGER).body("{\"startedOn\": \"2026-02-03\", \"authorisedOn\": \"2026-02-09\", \"factors\": [\"3A\"],"
                + " \"requiresSupport\": true}").put("/api/v1/assessments/" + assessment).then().statusCode(200);

        standAt("2026-02-10T12:00:00Z");
        Item b = contact("2026-02-10T09:00:00Z", List.of(), "2012-10-01", null, "M");
        decide(b, decision(1, "NO_FURTHER_ACTION", null));
        outcomeDelivered(b.referralId(), "2026-02-10T13:00:00Z");

        standAt("2026-02-11T12:00:00Z");
        as(MANAGER).body(ChildMergeTest.body(b.childKey(), "Same child: date of birth mistyped"))
                .post("/api/v1/children/" + a.childKey() + "/merge").then().statusCode(201);

        standAt("2026-02-12T12:00:00Z");
        as(MANAGER).body("{\"reasonCode\": \"RC7\", \"summary\": \"Plan ended.\"}")
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(200);

        List<Map<String, Object>> entries = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath p = as(WORKER).queryParam("page", page).queryParam("size", 5)
                    .get("/api/v1/children/" + b.childKey() + "/chronology").then().statusCode(200)
                    .body("childKey", equalTo(a.childKey().toString()))
                    .body("mergedRecords", contains(b.childKey().toString()))
                    .body("page", equalTo(page)).body("size", equalTo(5)).body("total", equalTo(14))
                    .extract().jsonPath();
            entries.addAll(p.getList("entries"));
        }
        assertEquals(List.of("CONTACT", "CHECK", "DECISION", "CASE_STEP", "ASSESSMENT", "SECTION47_ENQUIRY",
                "SECTION47_ENQUIRY", "SECTION47_ENQUIRY", "ASSESSMENT", "CONTACT", "DECISION", "MESSAGE_TO_REFERRER",
                "RECORDS_MERGED", "CASE_STEP"), entries.stream().map(e -> e.get("type")).toList());
        assertEquals(List.of("Contact from Schools (professional referrer), priority amber",
                "Check with police (south-yorkshire-police)",
                "Decision: Children's social care assessment (s17) (Social care), level 4",
                "Social care case opened",
                "Assessment (s17) started",
                "Strategy discussion: s47 enquiry started",
                "Initial child protection conference held",
                "Child protection plan started (neglect)",
                "Assessment (s17) authorised: the child needs the local authority's support",
                "Contact from Schools (professional referrer), priority green",
                "Decision: No further action (No service), level 1",
                "Outcome of the contact delivered to the referrer",
                "Record " + b.childKey() + " merged into record " + a.childKey() + ": one child",
                "Case closed: Services ceased for any other reason, including child no longer in need"),
                entries.stream().map(e -> e.get("summary")).toList());
        List<Instant> at = entries.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
        for (int i = 1; i < at.size(); i++) {
            assertFalse(at.get(i).isBefore(at.get(i - 1)), "oldest first: " + entries);
        }
        assertEquals(Instant.parse("2026-02-02T09:00:00Z"), at.get(0));
        assertEquals(Instant.parse("2026-02-03T00:00:00Z"), at.get(4), "a date: the day's start in England");
        assertEquals(b.id(), entries.get(9).get("triageItemId"));
        assertEquals(b.childKey().toString(), entries.get(9).get("childKey"), "the record it was recorded under");
        assertEquals(caseId, entries.get(13).get("caseId"));
        assertEquals(b.referralId().toString(), entries.get(11).get("referralId"));

        // a page past the end is empty; size over 100 is refused; a record nobody knows is a 404
        as(WORKER).queryParam("page", 3).queryParam("size", 5).get("/api/v1/children/" + a.childKey()
                + "/chronology").then().statusCode(200).body("entries.size()", equalTo(0)).body("total", equalTo(14));
        as(WORKER).queryParam("size", 101).get("/api/v1/children/" + a.childKey() + "/chronology").then()
                .statusCode(422);
        as(WORKER).get("/api/v1/children/" + UUID.randomUUID() + "/chronology").then().statusCode(404);
        as(WORKER).get("/api/v1/children/" + a.childKey() + "/characteristics").then().statusCode(200);
        assertTrue(entries.stream().noneMatch(e -> String.valueOf(e.get("summary")).contains("Known to police")),
                "never the findings or the concern");
    }

    /** What the notification service reports of the outcome message to the referrer. */
    private void outcomeDelivered(UUID referralId, String at) throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.NOTIFICATION_SENT, referralId, new NotificationOutcome(
                UUID.randomUUID(), referralId, UUID.randomUUID(), "OUTCOME", "WEBHOOK", "hillside-primary",
                Instant.parse(at).plus(Duration.ofDays(1)), Instant.parse(at), 1, null));
        KafkaProbe.send(Topics.NOTIFICATION_EVENTS, event.key(), EventJson.write(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(referralId));
    }

    private boolean delivered(UUID referralId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from feedback_delivery where referral_id = ?")) {
            ps.setObject(1, referralId);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() && r.getLong(1) > 0;
            }
        }
    }
}
