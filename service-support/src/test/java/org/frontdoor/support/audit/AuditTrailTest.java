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
import java.util.List;
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
                "truncate audit_entry",
                // nor switch the rule off: only the owner may alter the table
                "alter table audit_entry disable trigger audit_entry_append_only",
                // nor prune it closer to now than six years
                "select prune_audit_entries(now())" }) {
            // the service's own connection (its role, not the owner), as its code or anyone with its credentials would
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

    /**
     * The superuser edits a sealed row around the trigger and seals it again the only way open to someone without
     * the key: a plain SHA-256 over the edited row, re-chaining every row after it (first keeping their algorithm,
     * then also labelling them unkeyed). The check names the edited entry either way.
     */
    @Test
    void whoeverCanEditTheTableCannotSealItAgain() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", UUID.randomUUID(), "before"));
        sealAll();
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", referralId, "the true detail"));
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", UUID.randomUUID(), "after"));
        sealAll();
        assertTrue(chain.verify().intact(), "intact before");
        long id = audit.search(AuditQuery.aboutReferral(referralId)).items().get(0).id();
        List<String[]> original = sealsFrom(id);
        try {
            rechainWithPlainSha256(id, "a forged detail", false);
            AuditChain.Verification v = chain.verify();
            assertEquals(false, v.intact(), "a plain SHA-256 does not pass for the keyed seal");
            assertEquals(id, v.brokenAtEntryId(), "the changed entry is named");

            rechainWithPlainSha256(id, "a forged detail", true);
            v = chain.verify();
            assertEquals(false, v.intact(), "nor do entries relabelled as sealed before the chain was keyed");
            // (no request here: its audit entry, sealed onto the forged tail, would stay after the repair)
            assertEquals(id, v.brokenAtEntryId());
        } finally {
            restore(original);
        }
        assertTrue(chain.verify().intact(), "intact once put back");
    }

    /**
     * An upgrade: the trail as the unkeyed version left it (every entry sealed with plain SHA-256, seal_alg 1, as
     * migration V0_9 labels them). The check wants the keyed chain after it; the sealer's first pass writes and
     * seals the audit.chain-keyed entry, whose MAC covers the last unkeyed hash, and the chain is intact. From then
     * on the unkeyed part is pinned: an entry of it edited and the unkeyed part re-chained breaks the chain.
     */
    @Test
    void entriesSealedBeforeTheChainWasKeyedArePinnedByTheFirstKeyedEntry() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", UUID.randomUUID(), "old"));
        sealAll();
        long first;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select id from audit_entry where seal_seq is not null"
                        + " order by seal_seq limit 1")) {
            rs.next();
            first = rs.getLong(1);
        }
        rechainWithPlainSha256(first, null, true); // as the version before the key sealed them
        List<String[]> unkeyed = sealsFrom(first);
        long lastUnkeyed = Long.parseLong(unkeyed.get(unkeyed.size() - 1)[0]);
        AuditChain.Verification v = chain.verify();
        assertEquals(false, v.intact(), "an unkeyed end: not sealed since the upgrade, or relabelled");
        assertEquals(lastUnkeyed, v.brokenAtEntryId());

        sealAll();
        assertTrue(chain.verify().intact(), "the keyed chain goes on from the unkeyed one");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select id, action, seal_alg, prev_hash from audit_entry"
                        + " where seal_seq = (select seal_seq + 1 from audit_entry where id = " + lastUnkeyed + ")")) {
            assertTrue(rs.next());
            assertEquals(AuditChain.KEYED, rs.getString("action"), "the first keyed entry is the sealer's own");
            assertEquals(ChainSeal.HMAC_SHA256.version(), rs.getInt("seal_alg"));
            assertEquals(unkeyed.get(unkeyed.size() - 1)[3], rs.getString("prev_hash"), "its MAC covers the last"
                    + " unkeyed hash");
            long keyedEntry = rs.getLong("id");

            List<String[]> before = sealsFrom(first);
            try {
                rechainWithPlainSha256(first, "an old entry forged", true, lastUnkeyed);
                v = chain.verify();
                assertEquals(false, v.intact(), "the unkeyed part cannot be re-chained");
                assertEquals(keyedEntry, v.brokenAtEntryId(), "the keyed entry no longer links to it");
            } finally {
                restore(before);
            }
        }
        assertTrue(chain.verify().intact(), "intact once put back");
    }

    @Test
    void theChainsHeadIsExportedForInformationGovernanceAndTheExportIsAudited() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> audit.record("referral.read", UUID.randomUUID(), "a read"));
        sealAll();
        given().auth().oauth2(token("ops")).get("/api/v1/audit/chain/head").then().statusCode(403);
        var head = given().auth().oauth2(token("information-governance")).get("/api/v1/audit/chain/head")
                .then().statusCode(200).body("algorithm", equalTo("HMAC_SHA256"))
                .extract().jsonPath();
        long seq = head.getLong("sealSeq");
        String mac = head.getString("mac");
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "select " + AuditChainColumns.ALL + ", prev_hash, hash"
                        + " from audit_entry where seal_seq = ?")) {
            ps.setLong(1, seq);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "an entry of that sequence");
                assertEquals(head.getLong("entryId"), rs.getLong("id"));
                assertEquals(rs.getString("hash"), mac, "its MAC");
                assertTrue(mac.matches("[0-9a-f]{64}"));
                assertTrue(!mac.equals(ChainSeal.SHA256.seal(null, AuditChain.content(rs.getString("prev_hash"), rs))),
                        "keyed: not the plain SHA-256 of the entry");
            }
        }
        var exported = audit.search(new AuditQuery(null, "dev-information-governance", "audit.chain-head-exported",
                null, null, null, 1000));
        assertTrue(exported.items().stream().anyMatch(e -> e.detail().contains(mac)), "the export is audited");
    }

    @Test
    void withoutAChainKeyTheServiceDoesNotStart() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ChainSeal.key(java.util.Optional.empty()));
        assertTrue(missing.getMessage().contains("FRONTDOOR_AUDIT_CHAIN_KEY"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> ChainSeal.key(java.util.Optional.of("c2hvcnQ=")));
    }

    private void sealAll() {
        while (chain.seal() > 0) {
            // seal everything written so far
        }
    }

    /** id, detail, prev_hash, hash and seal_alg of every sealed row from this entry's seal on. */
    private List<String[]> sealsFrom(long id) throws SQLException {
        List<String[]> rows = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select id, detail, prev_hash, hash, seal_alg from audit_entry"
                        + " where seal_seq >= (select seal_seq from audit_entry where id = " + id + ")"
                        + " order by seal_seq")) {
            while (rs.next()) {
                rows.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) });
            }
        }
        return rows;
    }

    /** As the superuser would: edit the entry, then seal it and every later one with a plain SHA-256. */
    private void rechainWithPlainSha256(long id, String detail, boolean labelUnkeyed) throws SQLException {
        rechainWithPlainSha256(id, detail, labelUnkeyed, Long.MAX_VALUE);
    }

    /** The same up to the entry {@code lastId}; a null detail leaves the entry's own. */
    private void rechainWithPlainSha256(long id, String detail, boolean labelUnkeyed, long lastId)
            throws SQLException {
        if (detail != null) {
            tamper("update audit_entry set detail = " + literal(detail) + " where id = " + id);
        }
        String prev = null;
        for (String[] row : sealsFrom(id)) {
            try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                    "select " + AuditChainColumns.ALL + " from audit_entry where id = ?")) {
                ps.setLong(1, Long.parseLong(row[0]));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String from = prev == null ? row[2] : prev;
                    prev = ChainSeal.SHA256.seal(null, AuditChain.content(from, rs));
                    tamper("update audit_entry set prev_hash = '" + from + "', hash = '" + prev + "'"
                            + (labelUnkeyed ? ", seal_alg = 1" : "") + " where id = " + row[0]);
                }
            }
            if (Long.parseLong(row[0]) == lastId) {
                return;
            }
        }
    }

    private void restore(List<String[]> rows) throws SQLException {
        for (String[] row : rows) {
            tamper("update audit_entry set detail = " + literal(row[1]) + ", prev_hash = '" + row[2]
                    + "', hash = '" + row[3] + "', seal_alg = " + row[4] + " where id = " + row[0]);
        }
    }

    private static String literal(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    /** The columns a seal covers, as AuditChain reads them. */
    private static final class AuditChainColumns {
        static final String ALL = "id, at, actor, roles, organisation, action, referral_id, detail";
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
        try (Connection c = java.sql.DriverManager.getConnection(
                org.frontdoor.testsupport.PostgresTestResource.jdbcUrl("support"),
                org.frontdoor.testsupport.PostgresTestResource.username(),
                org.frontdoor.testsupport.PostgresTestResource.password());
                Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            try {
                st.execute(sql);
            } finally {
                st.execute("set session_replication_role = origin");
            }
        }
    }
}
