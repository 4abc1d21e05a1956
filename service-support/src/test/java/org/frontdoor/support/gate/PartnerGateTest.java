package org.frontdoor.support.gate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.junit.jupiter.api.Test;

/**
 * The gate as a mechanism, on a test endpoint any partner may call: the copy (db/test V1_2401) holds an active
 * school and a deactivated one; any other organisation is unknown. Each refusal is a 403 problem, the endpoint never
 * runs, and the attempt is in the audit trail as access.refused with who, which organisation and why.
 */
@QuarkusTest
class PartnerGateTest {

    private static final String VALID = """
            {"sourceCode":"2A","children":[{"firstName":"Amy","dateOfBirth":"2016-04-02"}],"level":2}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anActiveOrganisationOfTheDirectoryIsLetThrough() {
        given().auth().oauth2(partner("hillside-primary", "sys-" + UUID.randomUUID())).contentType("application/json")
                .body(VALID).post("/api/v1/probe")
                .then().statusCode(200).body("children[0].firstName", equalTo("Amy"));
    }

    @Test
    void anOrganisationTheDirectoryDoesNotHoldIsRefusedAndAudited() throws Exception {
        String who = "sys-" + UUID.randomUUID();
        given().auth().oauth2(partner("never-registered", who)).contentType("application/json").body(VALID)
                .post("/api/v1/probe")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:frontdoor:problem:partner-not-admitted"))
                .body("status", equalTo(403))
                .body("detail", equalTo("Organisation never-registered is not in the partner directory: ask the"
                        + " front door to add it"))
                .body("instance", equalTo("/api/v1/probe"));
        assertRefusal(who, "never-registered", "POST /api/v1/probe: Organisation never-registered is not in the"
                + " partner directory: ask the front door to add it");
    }

    @Test
    void aDeactivatedOrganisationIsRefusedOnReadsToo() throws Exception {
        String who = "sys-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        // a read the endpoint would answer 404: the gate answers first, so nothing about the id is told
        given().auth().oauth2(partner("closed-academy", who)).get("/api/v1/probe/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:frontdoor:problem:partner-not-admitted"))
                .body("detail", equalTo("Organisation closed-academy (Closed Academy) is no longer active in the"
                        + " partner directory"));
        assertRefusal(who, "closed-academy", "GET /api/v1/probe/" + id + ": Organisation closed-academy (Closed"
                + " Academy) is no longer active in the partner directory");
    }

    @Test
    void aPartnerTokenWithoutOrganisationIsRefused() throws Exception {
        String who = "sys-" + UUID.randomUUID();
        String token = DevJwtTestResource.tokens().builder().role("partner").subject(who).build();
        given().auth().oauth2(token).contentType("application/json").body(VALID).post("/api/v1/probe")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:frontdoor:problem:partner-not-admitted"));
        assertRefusal(who, null, "POST /api/v1/probe: Your token names no organisation (org claim): a partner"
                + " system acts for one organisation of the partner directory");
    }

    @Test
    void staffArePassedWithoutAnOrganisation() {
        given().auth().oauth2(DevJwtTestResource.tokens().token("front-door")).contentType("application/json")
                .body(VALID).post("/api/v1/probe")
                .then().statusCode(200);
    }

    private static String partner(String org, String subject) {
        return DevJwtTestResource.tokens().builder().role("partner").org(org).subject(subject).build();
    }

    private void assertRefusal(String who, String org, String detail) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select action, roles, organisation, detail from audit_entry where actor = ?")) {
            ps.setString(1, who);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the refusal is in the audit trail");
                assertEquals("access.refused", rs.getString(1));
                assertEquals("partner", rs.getString(2));
                assertEquals(org, rs.getString(3));
                assertEquals(detail, rs.getString(4));
                assertTrue(!rs.next(), "one entry, and nothing else done by the refused caller");
            }
        }
    }
}
