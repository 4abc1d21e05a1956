package org.frontdoor.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.notification.delivery.Attempts;
import org.frontdoor.notification.delivery.Dispatcher;
import org.frontdoor.notification.delivery.Outcomes;
import org.frontdoor.notification.delivery.WebhookSender;
import org.frontdoor.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement in one pass: a batch of due messages is claimed in one statement (with everything its sends
 * need) and its outcomes recorded in two (the rows, then their events), whatever the batch's size. Counted by
 * PostgreSQL itself (pg_stat_statements), with this service's own dispatcher stopped meanwhile.
 */
@QuarkusTest
class AcknowledgementStatementsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Outcomes outcomes;

    @Test
    void aBatchIsClaimedAndRecordedInAFixedNumberOfStatementsWhateverItsSize() throws Exception {
        dispatcher.stop();
        try {
            long few = statementsFor(3, Instant.parse("2098-03-02T09:00:00Z"));
            long many = statementsFor(15, Instant.parse("2098-03-03T09:00:00Z"));
            assertEquals(few, many, "the same statements for 3 and for 15 messages");
            assertTrue(many <= 3, "one claim, one record, one outbox insert: " + many);
        } finally {
            dispatcher.start();
        }
    }

    /** Claims and records {@code n} acknowledgements due at {@code due}: the statements it took. */
    private long statementsFor(int n, Instant due) throws Exception {
        List<UUID> ids = insertDue(n, due);
        reset();
        List<Dispatcher.Claim> claimed = dispatcher.claimDue(due.plusSeconds(1), n);
        assertEquals(ids.size(), claimed.size(), "every due message claimed at once");
        List<Outcomes.Finished> finished = new ArrayList<>();
        for (Dispatcher.Claim claim : claimed) {
            assertEquals(List.of("ack-" + claim.id() + "@statements.example"), claim.emails());
            finished.add(new Outcomes.Finished(claim, new Attempts.Attempt(Channel.EMAIL,
                    new WebhookSender.Result(true, null))));
        }
        outcomes.recordAll(finished);
        long statements = statements();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select"
                + " (select count(*) from notification where id = any(?) and status = 'SENT' and channel = 'EMAIL'"
                + " and attempts = 1 and next_attempt_at is null),"
                + " (select count(*) from outbox_event o, unnest(?::text[]) as i(id)"
                + " where o.event_type = 'notification.sent' and cast(o.payload as text) like '%' || i.id || '%')")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.setArray(2, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(n, rs.getLong(1), "every message recorded as sent");
                assertEquals(n, rs.getLong(2), "a notification.sent event for each");
            }
        }
        return statements;
    }

    private List<UUID> insertDue(int n, Instant due) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into notification (id, referral_id, kind, occurrence, recipient_key, recipient_email, status,"
                        + " due_by, created_at, ready_at, next_attempt_at, webhook_type, subject, text_body, data)"
                        + " values (?, ?, 'ACKNOWLEDGEMENT', '', ?, ?, 'PENDING', ?, now(), now(), ?,"
                        + " 'referral.acknowledged', 's', 't', '{\"reference\": \"FD-1\"}')")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                ps.setObject(1, id);
                ps.setObject(2, UUID.randomUUID());
                ps.setString(3, "email:ack-" + id + "@statements.example");
                ps.setString(4, "ack-" + id + "@statements.example");
                ps.setTimestamp(5, Timestamp.from(due));
                ps.setTimestamp(6, Timestamp.from(due));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return ids;
    }

    /** The superuser's connection to the postgres database, where the view of every database's statements is. */
    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl("postgres"), PostgresTestResource.username(),
                PostgresTestResource.password());
    }

    private void reset() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements on this service's delivery tables since the reset (the relay's own polling left out). */
    private long statements() throws SQLException {
        String database;
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_database()")) {
            rs.next();
            database = rs.getString(1);
        }
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement(
                "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                        + " where d.datname = ? and s.query not ilike '%pg_stat_statements%'"
                        + " and (s.query ilike '%notification%' or s.query ilike '%partner_organisation%'"
                        + " or s.query ilike '%subscription%' or s.query ilike 'insert into outbox_event%')")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
