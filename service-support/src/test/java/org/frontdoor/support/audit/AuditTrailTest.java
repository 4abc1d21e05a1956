package org.frontdoor.support.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditLog audit;

    @Inject
    AuditChain chain;

    @Inject
    AgroalDataSource dataSource;

    private static String token(String role) {
        return DevJwtTestResource.tokens().token(role, "frontdoor");
    }

    @Test
    void anAuditRowCannotBeChangedDeletedOrTruncatedByTheServiceRole() {
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", referralId, "a read"));

        for (String sql : new String[] {
                "update audit_entry set detail = 'nothing happened' where referral_id = '" + referralId + "'",
                "update audit_entry set actor = 'someone else' where referral_id = '" + referralId + "'",
                "delete from audit_entry where referral_id = '" + referralId + "'",
                "truncate audit_entry" }) {
            // the service's own connection, as its code or anyone with its credentials would use it
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
        }
        var entries = audit.search(AuditQuery.aboutReferral(referralId));
        assertEquals(1, entries.total());
        assertEquals("a read", entries.items().get(0).detail(), "unchanged");
    }

    @Test
    void theHashChainShowsARowChangedAroundTheTrigger() throws Exception {
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", referralId, "the true detail"));
        while (chain.seal() > 0) {
            // seal everything written so far
        }
        assertTrue(chain.verify().intact(), "intact before");
        long id = audit.search(AuditQuery.aboutReferral(referralId)).items().get(0).id();

        // someone with the database's superuser turns triggers off for a session and edits a sealed row
        tamper("update audit_entry set detail = 'a forged detail' where id = " + id);
        try {
            AuditChain.Verification v = chain.verify();
            assertEquals(false, v.intact());
            assertEquals(id, v.brokenAtEntryId(), "the changed entry is named");
            given().auth().oauth2(token("information-governance")).get("/api/v1/audit/chain")
                    .then().statusCode(200).body("intact", equalTo(false)).body("brokenAtEntryId", equalTo((int) id));
        } finally {
            tamper("update audit_entry set detail = 'the true detail' where id = " + id);
        }
        assertTrue(chain.verify().intact(), "intact once put back");
    }

    @Test
    void informationGovernanceSearchesByRecordUserAndTimeAndExportsForASubjectAccessRequest() {
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("referral.read", referralId, "first");
            audit.record("referral.changed", referralId, "second, with \"quotes\", and a comma");
            audit.record("referral.read", UUID.randomUUID(), "another child");
        });

        given().auth().oauth2(token("information-governance")).contentType("application/json")
                .body("{\"referralId\": \"" + referralId + "\"}")
                .when().post("/api/v1/audit/searches")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.detail", org.hamcrest.Matchers.contains("first", "second, with \"quotes\", and a comma"))
                .body("items.actor", everyItem(equalTo("system")));
        given().auth().oauth2(token("information-governance")).contentType("application/json")
                .body("{\"referralId\": \"" + referralId + "\", \"action\": \"referral.changed\"}")
                .when().post("/api/v1/audit/searches")
                .then().statusCode(200).body("total", equalTo(1));
        // the search itself is in the trail, with its criteria and who ran it
        given().auth().oauth2(token("information-governance")).contentType("application/json")
                .body("{\"actor\": \"dev-information-governance\", \"action\": \"audit.search\","
                        + " \"referralId\": \"" + referralId + "\"}")
                .when().post("/api/v1/audit/searches")
                .then().statusCode(200)
                .body("items[0].detail", startsWith("referralId=" + referralId + "; page 0: 2 of 2 entries"));

        String csv = given().auth().oauth2(token("information-governance")).contentType("application/json")
                .body("{\"referralId\": \"" + referralId + "\"}")
                .when().post("/api/v1/audit/exports")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("audit-" + referralId + ".csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,at,actor,roles,organisation,action,referral_id,detail,seal_seq", lines[0]);
        assertTrue(lines[2].contains(",referral.changed," + referralId + ",\"second, with \"\"quotes\"\", and a comma\""),
                lines[2]);
        // header, the two entries, and the three searches about the contact above
        assertEquals(6, lines.length, csv);
        assertTrue(lines[5].contains(",audit.search," + referralId + ","), lines[5]);

        given().auth().oauth2(token("ops")).contentType("application/json").body("{}")
                .when().post("/api/v1/audit/searches").then().statusCode(403);
        given().auth().oauth2(token("information-governance")).contentType("application/json")
                .body("{\"size\": 5000, \"referralId\": \"not-a-uuid\"}")
                .when().post("/api/v1/audit/searches")
                .then().statusCode(422).body("errors[0].field", equalTo("referralId"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void tamper(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            try {
                st.execute(sql);
            } finally {
                st.execute("set session_replication_role = origin");
            }
        }
    }
}
