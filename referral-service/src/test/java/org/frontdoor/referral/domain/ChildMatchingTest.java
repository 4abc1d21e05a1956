package org.frontdoor.referral.domain;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueNhsNumber;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Matching a referred child to one the front door has heard of, and what that shows the worker. */
@QuarkusTest
class ChildMatchingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSameChildTwiceOnOneDayIsLinkedToTheFirstAndAgainEightMonthsLaterIsAReReferral() throws Exception {
        String nhs = uniqueNhsNumber();
        String surname = uniqueSurname();
        String older = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");
        // that first referral was eight months ago
        execute("update referral set received_at = received_at - interval '8 months' where id = '" + older + "'");
        String first = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");
        String second = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");

        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + first)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.reReferral", equalTo(true))
                .body("children[0].priorInvolvement.sameDayFirstReferralId", nullValue());
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + second)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.sameDayFirstReferralId", equalTo(first))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1));
        assertEquals(knownChildOf(older), knownChildOf(second), "one child, three referrals, none merged away");
    }

    @Test
    void withoutAnNhsNumberSurnameBirthDateAndPostcodeMatchWhateverTheirSpelling() throws Exception {
        String surname = "O'" + uniqueSurname();
        String a = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201).extract().path("referralId");
        String b = submitAsFrontDoor(schoolReferral(surname.replace("'", "").toUpperCase(), null)
                .replace("DN1 1AA", "dn11aa")).then().statusCode(201).extract().path("referralId");
        String otherChild = submitAsFrontDoor(schoolReferral(surname, null).replace("2016-04-02", "2016-04-03"))
                .then().statusCode(201).extract().path("referralId");

        assertEquals(knownChildOf(a), knownChildOf(b));
        assertNotEquals(knownChildOf(a), knownChildOf(otherChild), "another birth date is another child");
    }

    @Test
    void anNhsNumberGivenLaterJoinsTheChildKnownByDemographics() throws Exception {
        String surname = uniqueSurname();
        String withoutNhs = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201)
                .extract().path("referralId");
        String nhs = uniqueNhsNumber();
        String withNhs = submitAsFrontDoor(schoolReferral(surname, nhs)).then().statusCode(201)
                .extract().path("referralId");
        String nhsOnly = submitAsFrontDoor(schoolReferral(surname, nhs).replace("DN1 1AA", "S1 2HE"))
                .then().statusCode(201).extract().path("referralId");

        assertEquals(knownChildOf(withoutNhs), knownChildOf(withNhs));
        assertEquals(knownChildOf(withNhs), knownChildOf(nhsOnly), "moved house: the NHS number still matches");
    }

    private UUID knownChildOf(String referralId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select known_child_id from referral_child where referral_id = ?::uuid and position = 0")) {
            ps.setString(1, referralId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
