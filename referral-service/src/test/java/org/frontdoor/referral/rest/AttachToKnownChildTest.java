package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.frontdoor.referral.domain.Surname;
import org.junit.jupiter.api.Test;

/**
 * Attaching a contact's child to a child the front door found by searching: the contact is linked to that known
 * child (its root, when merged) whatever the details keyed in, and those details then find the child too.
 */
@QuarkusTest
class AttachToKnownChildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChildAttachedToAKnownChildIsLinkedToItAndItsDetailsFindTheChildFromThenOn() throws Exception {
        String surname = uniqueSurname();
        String first = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201)
                .extract().path("referralId");
        UUID known = knownChildOf(first);
        // the police's spelling, another date of birth and no address: no key of the child's matches
        String misspelt = surname + "e";
        String police = schoolReferral(misspelt, null).replace("2016-04-02", "2016-02-04")
                .replace("\"address\": {\"line1\": \"1 High St\", \"town\": \"Doncaster\", \"postcode\": \"DN1 1AA\"},",
                        "\"childKey\": \"" + known + "\",");

        String attached = submitAsFrontDoor(police).then().statusCode(201).extract().path("referralId");

        assertEquals(known, knownChildOf(attached));
        assertEquals(1L, count("select count(*) from audit_entry where action = 'referral.submitted' and referral_id = '"
                + attached + "' and detail like '%attached to known child " + known + " (linked to " + known + ")'"));
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + attached)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.sameDayFirstReferralId", equalTo(first));
        assertEquals(known, uuid("select known_child_id from child_identity where match_key = 'name:"
                + Surname.key(misspelt) + "|AMY|2016-02-04'"), "the keyed-in details are the child's keys now");
        String again = submitAsFrontDoor(police.replace("\"childKey\": \"" + known + "\",", "")).then()
                .statusCode(201).extract().path("referralId");
        assertEquals(known, knownChildOf(again));
    }

    @Test
    void aChildAttachedToAMergedRecordIsLinkedToTheRecordItWasMergedInto() throws Exception {
        UUID survivor = knownChildOf(submitAsFrontDoor(schoolReferral(uniqueSurname(), null)).then().statusCode(201)
                .extract().path("referralId"));
        UUID duplicate = knownChildOf(submitAsFrontDoor(schoolReferral(uniqueSurname(), null)).then()
                .statusCode(201).extract().path("referralId"));
        // as child.merged leaves them (ChildMergeEventsTest publishes the event)
        execute("update known_child set merged_into = '" + survivor + "', root_id = '" + survivor
                + "', merge_id = gen_random_uuid() where id = '" + duplicate + "'");

        String attached = submitAsFrontDoor(attachedTo(schoolReferral(uniqueSurname(), null), duplicate)).then()
                .statusCode(201).extract().path("referralId");

        assertEquals(survivor, knownChildOf(attached));
    }

    @Test
    void aChildKeyTheFrontDoorDoesNotKnowIsRefusedByNameAndNothingIsStored() throws Exception {
        String surname = uniqueSurname();
        String body = attachedTo(schoolReferral(surname, null), UUID.randomUUID());

        submitAsFrontDoor(body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("children[0].childKey"))
                .body("errors[0].message", containsString("not a child the front door knows"));

        assertEquals(0L, count("select count(*) from referral_child where surname_key = '" + Surname.key(surname)
                + "'"));
        assertEquals(0L, count("select count(*) from child_identity where match_key like 'name:"
                + Surname.key(surname) + "|%'"));
    }

    private static String attachedTo(String body, UUID childKey) {
        return body.replace("\"school\": \"Hillside Primary School\"}",
                "\"school\": \"Hillside Primary School\", \"childKey\": \"" + childKey + "\"}");
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

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
