package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.referral.ReferralEvents.eventsOf;
import static org.frontdoor.referral.ReferralEvents.valid;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Young adults (18 or over, care leavers up to 25): who is taken, their consent to share, and what the referrer
 * (a partner) may see of them without it: that the contact was received, nothing more.
 */
@QuarkusTest
class YoungAdultConsentTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aYoungAdultMustBeACareLeaverAndNoOlderThan25() {
        submitAsPartner(referral(aged(19), null, null)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("children[0].careLeaver"))
                .body("errors[0].message", containsString("care leaver"));
        submitAsPartner(referral(aged(19), false, null)).then().statusCode(422)
                .body("errors.field", contains("children[0].careLeaver"));
        submitAsPartner(referral(aged(26), true, null)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("children[0].dateOfBirth"))
                .body("errors[0].message", containsString("care leavers up to 25"));
        // 25 and a day short of 26 is still taken; so is a 17-year-old who is not a care leaver
        submitAsPartner(referral(LocalDate.now(WorkingCalendar.ENGLAND).minusYears(26).plusDays(1), true, null))
                .then().statusCode(201);
        submitAsPartner(referral(aged(17), null, null)).then().statusCode(201);
    }

    @Test
    void consentOnASubmissionMustBeConsistent() {
        submitAsPartner(referral(aged(17), null, "{\"status\": \"GIVEN\"}")).then().statusCode(422)
                .body("errors.field", contains("children[0].sharingConsent"));
        submitAsPartner(referral(aged(19), true, "{\"status\": \"NOT_RECORDED\", \"recordedBy\": \"S. Lee\"}"))
                .then().statusCode(422).body("errors.field", contains("children[0].sharingConsent.recordedBy"));
        submitAsPartner(referral(aged(19), true, "{\"status\": \"GIVEN\", \"recordedAt\": \""
                + Instant.now().plusSeconds(86400) + "\"}"))
                .then().statusCode(422).body("errors.field", contains("children[0].sharingConsent.recordedAt"));
        submitAsPartner(referral(aged(19), true, "{\"status\": \"PERHAPS\"}")).then().statusCode(422)
                .contentType(PROBLEM).body("errors.field", hasItem(containsString("status")));
        submitAsPartner(referral(aged(19), true, "{}")).then().statusCode(422)
                .body("errors.field", contains("children[0].sharingConsent.status"));
    }

    @Test
    void consentGivenWithTheContactTravelsWithIt() throws Exception {
        var created = submitAsFrontDoor(referral(aged(20), true,
                "{\"status\": \"GIVEN\", \"recordedBy\": \"S. Lee, front door\"}").replace("\"2A\"", "\"3A\""))
                .then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        ReferralReceived.Child child = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(referralId, "referral.received"), e -> !e.isEmpty()).get(0)
                .payloadAs(ReferralReceived.class).children().get(0);
        assertTrue(child.youngAdult());
        assertTrue(child.careLeaver());
        assertEquals(SharingConsentStatus.GIVEN, child.sharingConsent().status());
        assertEquals("S. Lee, front door", child.sharingConsent().recordedBy());
        assertTrue(child.sharingConsent().recordedAt() != null, "defaults to now");
        assertTrue(child.sharingConsent().confirmed(), "the front door's own record needs no confirmation");
    }

    @Test
    void theFrontDoorRecordsConsentLaterAndThePartnerSeesProgressOnlyOnceItIsGiven() throws Exception {
        var created = submitAsPartner(referral(aged(19), true, null)).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        EventEnvelope received = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(referralId, "referral.received"), e -> !e.isEmpty()).get(0);
        valid(received);
        ReferralReceived.Child sent = received.payloadAs(ReferralReceived.class).children().get(0);
        assertTrue(sent.youngAdult(), "19 on the contact's date");
        assertEquals(SharingConsentStatus.NOT_RECORDED, sent.sharingConsent().status());
        String json = EventJson.write(received);
        assertTrue(json.contains("\"youngAdult\":true"), json);

        // triage decides; the school, without the young adult's consent, sees only that the contact was received
        EventEnvelope decided = EventEnvelope.of(EventType.TRIAGE_DECIDED, referralId, new TriageDecided(referralId,
                childId, UUID.randomUUID(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP", null,
                "A personal adviser will contact the young person.", "worker-7", Instant.now(), true, false, null,
                false, null, UUID.randomUUID()));
        KafkaProbe.send(Topics.TRIAGE_EVENTS, decided.key(), EventJson.write(decided));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token("front-door"))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].status", equalTo("DECIDED"))
                .body("children[0].sharingConsent.status", equalTo("NOT_RECORDED")));
        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("children[0].status", equalTo("RECEIVED"))
                .body("children[0].youngAdult", equalTo(true))
                .body("children[0].sharingConsent.status", equalTo("NOT_RECORDED"))
                .body("children[0].outcome", nullValue())
                .body("children[0].level", nullValue())
                .body("children[0].referrerFeedback", nullValue())
                .body("timeline.kind", contains("RECEIVED"));

        // the partner cannot record the young adult's consent
        given().auth().oauth2(token("partner")).contentType("application/json").body("{\"status\": \"GIVEN\"}")
                .put(consentPath(referralId, childId)).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("front-door")).contentType("application/json").body("{}")
                .put(consentPath(referralId, childId)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("status"));
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body("{\"status\": \"NOT_RECORDED\"}")
                .put(consentPath(referralId, childId)).then().statusCode(422).body("errors.field", contains("status"));
        given().auth().oauth2(token("front-door")).contentType("application/json").body("{\"status\": \"GIVEN\"}")
                .put(consentPath(referralId, UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM);

        // the front door records it: audited, on the timeline, published
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body("{\"status\": \"GIVEN\", \"recordedBy\": \"S. Lee, front door\"}")
                .put(consentPath(referralId, childId)).then().statusCode(200)
                .body("childId", equalTo(childId.toString()))
                .body("sharingConsent.status", equalTo("GIVEN"))
                .body("sharingConsent.recordedBy", equalTo("S. Lee, front door"))
                .body("sharingConsent.recordedAt", notNullValue());
        EventEnvelope recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(referralId, "referral.consent-recorded"), e -> !e.isEmpty()).get(0);
        valid(recorded);
        SharingConsentRecorded payload = recorded.payloadAs(SharingConsentRecorded.class);
        assertEquals(childId, payload.childId());
        assertTrue(payload.youngAdult());
        assertEquals(SharingConsentStatus.GIVEN, payload.consent().status());
        assertEquals(1, count("select count(*) from audit_entry where referral_id = ? and action = 'referral.sharing-consent'",
                referralId));

        // now the school may see the decision; who recorded the consent stays with staff
        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].status", equalTo("DECIDED"))
                .body("children[0].outcome", equalTo("EARLY_HELP_TARGETED"))
                .body("children[0].sharingConsent.status", equalTo("GIVEN"))
                .body("children[0].sharingConsent.recordedBy", nullValue())
                .body("timeline.kind", hasItem("DECIDED"));
        given().auth().oauth2(token("front-door")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].sharingConsent.recordedBy", equalTo("S. Lee, front door"))
                .body("timeline.kind", hasItem("SHARING_CONSENT"));

        // refused (withdrawn) later: the school is back to "received"
        given().auth().oauth2(token("team-manager")).contentType("application/json").body("{\"status\": \"REFUSED\"}")
                .put(consentPath(referralId, childId)).then().statusCode(200)
                .body("sharingConsent.status", equalTo("REFUSED"));
        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].status", equalTo("RECEIVED"))
                .body("children[0].outcome", nullValue())
                .body("timeline.kind", not(hasItem("DECIDED")));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(referralId, "referral.consent-recorded"),
                e -> e.size() == 2);
    }

    @Test
    void consentIsOnlyForAYoungAdult() {
        var created = submitAsPartner(referral(aged(17), null, null)).then().statusCode(201).extract();
        String referralId = created.path("referralId");
        String childId = created.path("children[0].childId");
        given().auth().oauth2(token("front-door")).contentType("application/json").body("{\"status\": \"GIVEN\"}")
                .put("/api/v1/referrals/" + referralId + "/children/" + childId + "/sharing-consent")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("young adult"));
        // a 17-year-old's progress is the referrer's to see, as before
        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].youngAdult", equalTo(false))
                .body("children", hasSize(1));
    }

    static LocalDate aged(int years) {
        return LocalDate.now(WorkingCalendar.ENGLAND).minusYears(years).minusDays(10);
    }

    /** A school's referral of one young person; {@code careLeaver} and {@code consent} (JSON) when not null. */
    static String referral(LocalDate dateOfBirth, Boolean careLeaver, String consent) {
        return """
                {
                  "referrer": {"sourceCode": "2A", "organisationId": "hillside-primary",
                               "organisationName": "Hillside Primary School", "name": "J. Patel",
                               "email": "dsl@hillside.example"},
                  "children": [{"firstName": "Jo", "lastName": "%s", "dateOfBirth": "%s", "gender": "X"%s%s}],
                  "concerns": {"summary": "Jo is being exploited by older men.", "indicators": [],
                               "immediateRisk": false},
                  "consent": {"familyAware": true, "consentGiven": true}
                }""".formatted(uniqueSurname(), dateOfBirth,
                careLeaver == null ? "" : ", \"careLeaver\": " + careLeaver,
                consent == null ? "" : ", \"sharingConsent\": " + consent);
    }

    private static String consentPath(UUID referralId, UUID childId) {
        return "/api/v1/referrals/" + referralId + "/children/" + childId + "/sharing-consent";
    }

    private long count(String sql, UUID referralId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, referralId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
