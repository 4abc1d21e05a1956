package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: the front door officer follows up the contacts they keyed in (the console's "My contacts"): their own,
 * newest first, paged, audited; nobody else's, and no other role lists them this way.
 */
@QuarkusTest
class MyReferralsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFrontDoorOfficerListsTheContactsTheyKeyedInNewestFirst() throws Exception {
        String officer = "fd-" + UUID.randomUUID();
        String other = "fd-" + UUID.randomUUID();
        String first = submit(officer, uniqueSurname());
        String second = submit(officer, uniqueSurname());
        submit(other, uniqueSurname());
        submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201);

        given().auth().oauth2(tokenFor(officer)).queryParam("size", 1).get("/api/v1/referrals/mine")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("items.referralId", contains(second))
                .body("items[0].sourceCode", equalTo("1B"))
                .body("items[0].status", equalTo("RECEIVED"))
                .body("items[0].children[0].firstName", equalTo("Leo"))
                .body("items[0].children[0].recordType", equalTo("CONTACT"));
        given().auth().oauth2(tokenFor(officer)).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/referrals/mine")
                .then().statusCode(200).body("total", equalTo(2)).body("items.referralId", contains(first));
        assertEquals(1, count("action = 'referral.list.mine' and actor = '" + officer + "' and detail = 'page 1: 1 of 2 "
                + first + "'"), "what was shown, and to whom, is audited");

        given().auth().oauth2(tokenFor(officer)).queryParam("size", 101).get("/api/v1/referrals/mine")
                .then().statusCode(422);
        // a partner system, and the screening roles, do not list contacts this way
        given().auth().oauth2(token("partner")).get("/api/v1/referrals/mine").then().statusCode(403);
        given().auth().oauth2(token("triage-worker")).get("/api/v1/referrals/mine").then().statusCode(403);
        given().get("/api/v1/referrals/mine").then().statusCode(401);
    }

    @Test
    void theirContactsAreFoundByAnIndexOfWhoKeyedThemInInTheOrderTheyAreShown() throws Exception {
        // the query behind GET /api/v1/referrals/mine: one person's contacts, newest first, a page at a time
        String plan = plan("select * from referral where submitted_by = 'fd-someone' order by received_at desc, id"
                + " limit 20");
        assertTrue(plan.contains("referral_submitted_by_idx"), plan);
        assertFalse(plan.contains("Sort"), "the index gives the order, nothing is sorted: " + plan);
    }

    /** The planner's plan, sequential scans priced out: the test table is too small for the planner to care. */
    private String plan(String query) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            try (var rs = s.executeQuery("explain " + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("reset enable_seqscan");
            }
        }
        return plan.toString();
    }

    private static String tokenFor(String subject) {
        return DevJwtTestResource.tokens().builder().role("front-door").subject(subject).build();
    }

    private static String submit(String subject, String surname) {
        String body = """
                {"referrer": {"sourceCode": "1B", "name": "A neighbour", "phone": "01632 960111"},
                 "children": [{"firstName": "Leo", "lastName": "%s", "dateOfBirth": "2019-09-14", "gender": "M"}],
                 "concerns": {"summary": "Shouting most nights.", "immediateRisk": false},
                 "consent": {"familyAware": true, "consentGiven": true}}""".formatted(surname);
        return given().auth().oauth2(tokenFor(subject)).contentType("application/json").body(body)
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
    }

    private long count(String condition) throws Exception {
        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("select count(*) from audit_entry where " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
