package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.referral.ReferralEvents.eventsOf;
import static org.frontdoor.referral.ReferralEvents.valid;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.rest.YoungAdultConsentTest.aged;
import static org.frontdoor.referral.rest.YoungAdultConsentTest.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a partner may report that a young adult consented to sharing (GIVEN, any date), but it counts only
 * once the front door or a team manager confirms it; until then the referrer hears receipt only.
 */
@QuarkusTest
class ConsentConfirmationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPartnersReportOfConsentCountsOnlyOnceTheFrontDoorConfirmsIt() throws Exception {
        var created = submitAsPartner(referral(aged(19), true,
                "{\"status\": \"GIVEN\", \"recordedAt\": \"2020-01-01T09:00:00Z\"}")).then().statusCode(201).extract();
        UUID referralId = UUID.fromString(created.path("referralId"));
        UUID childId = UUID.fromString(created.path("children[0].childId"));
        ReferralReceived.Child sent = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(referralId, "referral.received"), e -> !e.isEmpty()).get(0)
                .payloadAs(ReferralReceived.class).children().get(0);
        assertEquals(SharingConsentStatus.GIVEN, sent.sharingConsent().status());
        assertFalse(sent.sharingConsent().confirmed(), "the partner's word alone: reported, not confirmed");

        decide(referralId, childId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token("front-door"))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].status", equalTo("DECIDED"))
                .body("children[0].sharingConsent.confirmed", equalTo(false)));
        // the referrer hears receipt only, however it dated the consent
        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("children[0].status", equalTo("RECEIVED"))
                .body("children[0].outcome", nullValue())
                .body("children[0].sharingConsent.status", equalTo("GIVEN"))
                .body("children[0].sharingConsent.confirmed", equalTo(false))
                .body("timeline.kind", contains("RECEIVED"));

        // the partner cannot confirm its own report
        given().auth().oauth2(token("partner")).post(confirmation(referralId, childId)).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("urn:frontdoor:problem:forbidden"));
        assertEquals(1, count("select count(*) from audit_entry where action = 'access.refused' and detail = ?",
                "POST " + confirmation(referralId, childId)));
        given().auth().oauth2(token("front-door")).post(confirmation(referralId, UUID.randomUUID())).then()
                .statusCode(404).contentType(PROBLEM);
        assertEquals(0, eventsOf(referralId, "referral.consent-recorded").size(), "nothing confirmed yet");

        // the front door confirms: audited, on the timeline, published with confirmed
        given().auth().oauth2(token("front-door")).post(confirmation(referralId, childId)).then().statusCode(200)
                .body("childId", equalTo(childId.toString()))
                .body("sharingConsent.status", equalTo("GIVEN"))
                .body("sharingConsent.confirmed", equalTo(true))
                .body("sharingConsent.confirmedBy", equalTo("dev-front-door"))
                .body("sharingConsent.confirmedAt", notNullValue())
                .body("sharingConsent.recordedBy", equalTo("dev-partner"));
        EventEnvelope recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(referralId, "referral.consent-recorded"), e -> !e.isEmpty()).get(0);
        valid(recorded);
        SharingConsentRecorded payload = recorded.payloadAs(SharingConsentRecorded.class);
        assertEquals(childId, payload.childId());
        assertEquals(SharingConsentStatus.GIVEN, payload.consent().status());
        assertTrue(payload.consent().confirmed());
        assertEquals(1, count("select count(*) from audit_entry where referral_id = ?::uuid"
                + " and action = 'referral.sharing-consent.confirmed' and actor = 'dev-front-door'", referralId));

        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].status", equalTo("DECIDED"))
                .body("children[0].outcome", equalTo("EARLY_HELP_TARGETED"))
                .body("children[0].sharingConsent.confirmed", equalTo(true))
                .body("children[0].sharingConsent.confirmedBy", nullValue())
                .body("timeline.kind", hasItem("SHARING_CONSENT_CONFIRMED"));

        // once is enough: a second confirmation changes nothing
        given().auth().oauth2(token("team-manager")).post(confirmation(referralId, childId)).then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("already confirmed by dev-front-door"));
        assertEquals(1, count("select count(*) from audit_entry where referral_id = ?::uuid"
                + " and action = 'referral.sharing-consent.confirm.refused'", referralId));
        Thread.sleep(1500);
        assertEquals(1, eventsOf(referralId, "referral.consent-recorded").size());
    }

    @Test
    void onlyAReportedConsentGivenIsConfirmed() throws Exception {
        var refused = submitAsPartner(referral(aged(20), true, "{\"status\": \"REFUSED\"}")).then().statusCode(201)
                .extract();
        UUID referralId = UUID.fromString(refused.path("referralId"));
        UUID childId = UUID.fromString(refused.path("children[0].childId"));
        given().auth().oauth2(token("team-manager")).post(confirmation(referralId, childId)).then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("consent to share is REFUSED"));
        given().auth().oauth2(token("front-door")).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("children[0].sharingConsent.status", equalTo("REFUSED"))
                .body("children[0].sharingConsent.confirmed", equalTo(false));

        var child = submitAsPartner(referral(aged(16), null, null)).then().statusCode(201).extract();
        given().auth().oauth2(token("front-door")).post(confirmation(UUID.fromString(child.path("referralId")),
                UUID.fromString(child.path("children[0].childId")))).then().statusCode(409)
                .body("detail", containsString("young adult"));

        // consent the front door records itself counts at once: nothing to confirm
        var later = submitAsPartner(referral(aged(21), true, null)).then().statusCode(201).extract();
        UUID laterId = UUID.fromString(later.path("referralId"));
        UUID laterChild = UUID.fromString(later.path("children[0].childId"));
        given().auth().oauth2(token("front-door")).contentType("application/json").body("{\"status\": \"GIVEN\"}")
                .put("/api/v1/referrals/" + laterId + "/children/" + laterChild + "/sharing-consent").then()
                .statusCode(200).body("sharingConsent.confirmed", equalTo(true));
        given().auth().oauth2(token("front-door")).post(confirmation(laterId, laterChild)).then().statusCode(409);
    }

    private static void decide(UUID referralId, UUID childId) throws Exception {
        EventEnvelope decided = EventEnvelope.of(EventType.TRIAGE_DECIDED, referralId, new TriageDecided(referralId,
                childId, UUID.randomUUID(), 3, "EARLY_HELP_TARGETED", "EARLY_HELP", null,
                "A personal adviser will contact the young person.", "worker-7", Instant.now(), true, false, null,
                false, null, UUID.randomUUID()));
        KafkaProbe.send(Topics.TRIAGE_EVENTS, decided.key(), EventJson.write(decided));
    }

    private static String confirmation(UUID referralId, UUID childId) {
        return "/api/v1/referrals/" + referralId + "/children/" + childId + "/sharing-consent/confirmation";
    }

    private long count(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
