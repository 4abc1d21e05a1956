package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.frontdoor.notification.Scenario.SECRET;
import static org.frontdoor.notification.Scenario.partner;
import static org.frontdoor.notification.Scenario.partnerTokenAsIs;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, "the directory is the gate", where the directory lives: a partner whose organisation is not in it, or
 * deactivated, cannot set, read or remove a webhook (403, audited, nothing changed). A deactivation applies at once,
 * as this service asks its own directory.
 */
@QuarkusTest
class PartnerGateTest {

    private static final String NOT_ADMITTED = "urn:frontdoor:problem:partner-not-admitted";

    @Inject
    AgroalDataSource db;

    @Test
    void aDeactivatedOrganisationCanNoLongerTouchItsWebhook() throws Exception {
        String org = uniqueOrg("closing-school");
        partner(org, "Closing School", "SCHOOL", "2A");
        subscribe(org, "http://127.0.0.1:9/before");
        given().auth().oauth2(token("front-door")).post("/api/v1/partners/" + org + "/deactivate").then()
                .statusCode(200).body("active", equalTo(false));

        String refusal = "Organisation " + org + " (Closing School) is no longer active in the partner directory";
        given().auth().oauth2(partnerTokenAsIs(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"http://127.0.0.1:9/after\", \"secret\": \"" + SECRET + "\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(NOT_ADMITTED))
                .body("status", equalTo(403))
                .body("detail", equalTo(refusal))
                .body("instance", equalTo("/api/v1/subscriptions"));
        given().auth().oauth2(partnerTokenAsIs(org)).get("/api/v1/subscriptions").then().statusCode(403)
                .body("type", equalTo(NOT_ADMITTED));
        given().auth().oauth2(partnerTokenAsIs(org)).delete("/api/v1/subscriptions").then().statusCode(403)
                .body("type", equalTo(NOT_ADMITTED));

        assertEquals(List.of("http://127.0.0.1:9/before"), callbacks(org), "the webhook is as it was");
        assertEquals(List.of("PUT /api/v1/subscriptions: " + refusal, "GET /api/v1/subscriptions: " + refusal,
                "DELETE /api/v1/subscriptions: " + refusal), refusals(org));
    }

    @Test
    void anOrganisationNotInTheDirectoryCannotSubscribe() throws Exception {
        String org = uniqueOrg("stranger");
        String refusal = "Organisation " + org + " is not in the partner directory: ask the front door to add it";
        given().auth().oauth2(partnerTokenAsIs(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"http://127.0.0.1:9/hooks\", \"secret\": \"" + SECRET + "\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(NOT_ADMITTED))
                .body("title", equalTo("Organisation not admitted by the partner directory"))
                .body("detail", equalTo(refusal));
        assertEquals(List.of(), callbacks(org), "nothing saved");
        assertEquals(List.of("PUT /api/v1/subscriptions: " + refusal), refusals(org));
    }

    private List<String> callbacks(String org) throws Exception {
        return strings("select callback_url from subscription where organisation_id = ?", org);
    }

    private List<String> refusals(String org) throws Exception {
        return strings("select detail from audit_entry where action = 'access.refused' and organisation = ?"
                + " and roles = 'partner' order by id", org);
    }

    private List<String> strings(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                return found;
            }
        }
    }
}
