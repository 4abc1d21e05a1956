package org.frontdoor.referral.gate;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.partnerToken;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, "the directory is the gate", on intake: an organisation that is not in the partner directory, or no
 * longer active there, neither posts nor reads (403, audited, nothing stored); a partner files only with its own
 * organisation's CIN source code (422 on referrer.sourceCode), while the front door keying in a call still chooses.
 */
@QuarkusTest
class PartnerDirectoryGateTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_ADMITTED = "urn:frontdoor:problem:partner-not-admitted";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeactivatedOrganisationNeitherPostsNorReadsItsOldContacts() throws Exception {
        String org = "closing-school-" + UUID.randomUUID().toString().substring(0, 8);
        PartnerDirectoryFixture.active(org, "Closing School", "SCHOOL", "2A");
        String old = post(org, ownReferral()).then().statusCode(201)
                .extract().path("referralId");
        given().auth().oauth2(partnerToken(org)).get("/api/v1/referrals/" + old).then().statusCode(200);

        PartnerDirectoryFixture.deactivated(org, "Closing School", "SCHOOL", "2A");
        String refusal = "Organisation " + org + " (Closing School) is no longer active in the partner directory";
        post(org, ownReferral()).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(NOT_ADMITTED))
                .body("status", equalTo(403))
                .body("detail", equalTo(refusal))
                .body("instance", equalTo("/api/v1/referrals"));
        assertEquals(1, count("select count(*) from referral where organisation_id = ?", org), "nothing new stored");
        assertEquals(1, count("select count(*) from idempotency_record where scope = ?", "org:" + org),
                "no idempotency key claimed either");

        given().auth().oauth2(partnerToken(org)).get("/api/v1/referrals/" + old).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo(NOT_ADMITTED)).body("detail", equalTo(refusal));
        assertEquals(1, count("select count(*) from audit_entry where action = 'referral.read' and referral_id = ?::uuid",
                old), "only the read made while it was active");
        assertEquals(List.of("POST /api/v1/referrals: " + refusal, "GET /api/v1/referrals/" + old + ": " + refusal),
                refusals(org));
    }

    @Test
    void anOrganisationNeverRegisteredCannotPost() throws Exception {
        String org = "unknown-org-" + UUID.randomUUID().toString().substring(0, 8);
        String refusal = "Organisation " + org + " is not in the partner directory: ask the front door to add it";
        post(org, ownReferral()).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(NOT_ADMITTED))
                .body("title", equalTo("Organisation not admitted by the partner directory"))
                .body("detail", equalTo(refusal));
        // and the catalogue or anything else a partner token reaches
        given().auth().oauth2(partnerToken(org)).get("/api/v1/indicators").then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo(NOT_ADMITTED));
        assertEquals(0, count("select count(*) from referral where organisation_id = ?", org));
        assertEquals(0, count("select count(*) from idempotency_record where scope = ?", "org:" + org));
        assertEquals(List.of("POST /api/v1/referrals: " + refusal, "GET /api/v1/indicators: " + refusal),
                refusals(org));
    }

    @Test
    void aSchoolCannotFileWithThePolicesSourceCode() throws Exception {
        String org = "filing-school-" + UUID.randomUUID().toString().substring(0, 8);
        PartnerDirectoryFixture.active(org, "Filing School", "SCHOOL", "2A");
        String asPolice = ownReferral().replace("\"sourceCode\": \"2A\"", "\"sourceCode\": \"6\"");
        post(org, asPolice).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:frontdoor:problem:validation"))
                .body("errors.field", contains("referrer.sourceCode"))
                .body("errors[0].message", equalTo("must be 2A, the CIN source code of Filing School in the"
                        + " partner directory: a partner system refers as its own organisation"));
        assertEquals(0, count("select count(*) from referral where organisation_id = ?", org), "nothing stored");
        assertEquals(0, count("select count(*) from idempotency_record where scope = ?", "org:" + org));
        assertEquals(1, count("select count(*) from audit_entry where action = 'referral.source-code.refused'"
                + " and organisation = ? and detail = 'source 6 is not " + org + "''s 2A'", org));

        // its own code is taken
        post(org, asPolice.replace("\"sourceCode\": \"6\"", "\"sourceCode\": \"2A\"")).then().statusCode(201);
        assertEquals(1, count("select count(*) from referral where organisation_id = ?", org));
    }

    @Test
    void theFrontDoorKeyingInACallStillChoosesTheSource() throws Exception {
        // the school nurse rang: the front door records her as health (3A), naming the school (2A in the directory)
        String created = submitAsFrontDoor(schoolReferral(uniqueSurname(), null)
                .replace("\"sourceCode\": \"2A\"", "\"sourceCode\": \"3A\"")).then().statusCode(201)
                .extract().path("referralId");
        given().auth().oauth2(token("front-door")).get("/api/v1/referrals/" + created).then().statusCode(200)
                .body("referrer.sourceCode", equalTo("3A"));
    }

    /** A school's referral that names no organisation id: the token's org is the organisation. */
    private static String ownReferral() {
        return schoolReferral(uniqueSurname(), null).replace("\"organisationId\": \"hillside-primary\",", "");
    }

    private static io.restassured.response.Response post(String org, String body) {
        return given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/referrals");
    }

    /** The access.refused entries of this organisation's partner, oldest first. */
    private List<String> refusals(String org) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select detail from audit_entry where action = 'access.refused' and organisation = ?"
                        + " and roles = 'partner' order by id")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> found = new java.util.ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                return found;
            }
        }
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
