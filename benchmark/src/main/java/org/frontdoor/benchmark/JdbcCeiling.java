package org.frontdoor.benchmark;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Intake's two ceilings, one transaction a referral by plain JDBC into the same PostgreSQL: <b>minimal</b>, the rows
 * alone in database {@code benchmark}; <b>exact</b>, intake's own statements ({@link IntakeReplay}) in database
 * {@code benchmark_exact}, built by the referral service's migrations.
 */
final class JdbcCeiling {

    /** Work on one connection, in a transaction the caller commits. */
    private interface Work {
        void on(Connection c) throws SQLException;
    }

    private final LocalStack stack;
    private final ThreadLocal<Connection> exactConnection;
    private final ThreadLocal<Connection> ceilingConnection;

    JdbcCeiling(LocalStack stack) {
        this.stack = stack;
        this.exactConnection = connections("benchmark_exact");
        this.ceilingConnection = connections("benchmark");
    }

    /** Both databases, made anew. */
    void prepare() throws Exception {
        try (Connection c = stack.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists benchmark");
            s.execute("create database benchmark");
        }
        try (Connection c = stack.connect("benchmark"); Statement s = c.createStatement()) {
            s.execute(Files.readString(stack.root().resolve(
                    "service-support/src/main/resources/db/support/V0_1__outbox_and_inbox.sql")));
            s.execute(Files.readString(stack.root().resolve(
                    "referral-service/src/main/resources/db/migration/V1__referrals.sql")));
        }
        try (Connection c = stack.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists benchmark_exact");
            s.execute("create database benchmark_exact");
        }
        try (Connection c = stack.connect("benchmark_exact")) {
            IntakeReplay.createSchema(c, stack.root());
        }
    }

    /** The statements intake issues for one referral. */
    boolean exactReferral() {
        return committed(exactConnection, IntakeReplay::referral);
    }

    /** The rows intake writes for one referral, and no more. */
    boolean minimalReferral() {
        return committed(ceilingConnection, JdbcCeiling::minimalRows);
    }

    /** Each client's own connection to a ceiling's database, as the service's pool gives each request one. */
    private ThreadLocal<Connection> connections(String database) {
        return ThreadLocal.withInitial(() -> {
            try {
                Connection c = stack.connect(database);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One referral's work in one transaction; false when it failed (rolled back). */
    private static boolean committed(ThreadLocal<Connection> connections, Work work) {
        Connection c = connections.get();
        try {
            work.on(c);
            c.commit();
            return true;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the next call starts afresh
            }
            return false;
        }
    }

    private static void minimalRows(Connection c) throws SQLException {
        UUID referralId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("insert into referral (id, received_at,"
                + " acknowledgement_due_by, source_code, referrer_kind, organisation_id, organisation_name,"
                + " referrer_email, submitted_by, submitted_role, concern_summary, indicators, immediate_risk,"
                + " household_members, family_aware, consent_given, status) values"
                + " (?, ?, ?, '2A', 'PROFESSIONAL', 'hillside-primary', 'Hillside Primary School',"
                + " 'dsl@hillside.example', 'bench', 'partner', ?, '[\"POOR_ATTENDANCE\"]'::jsonb, false,"
                + " '[]'::jsonb, true, true, 'RECEIVED')")) {
            ps.setObject(1, referralId);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setString(4, "Arrived hungry most days this term.");
            ps.executeUpdate();
        }
        int children = 1 + ThreadLocalRandom.current().nextInt(3);
        for (int i = 0; i < children; i++) {
            minimalChild(c, referralId, i, now);
        }
        minimalEvents(c, referralId);
    }

    private static void minimalChild(Connection c, UUID referralId, int position, Timestamp now) throws SQLException {
        UUID known = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("insert into known_child (id, created_at) values (?, ?)")) {
            ps.setObject(1, known);
            ps.setTimestamp(2, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into referral_child (id, referral_id, position,"
                + " known_child_id, first_name, last_name, surname_key, date_of_birth, gender, postcode,"
                + " postcode_key, referrals_last_12_months, re_referral, status) values"
                + " (?, ?, ?, ?, 'Amy', 'Smith', 'SMITH', ?, 'F', 'DN1 1AA', 'DN11AA', 0, false, 'RECEIVED')")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, referralId);
            ps.setInt(3, position);
            ps.setObject(4, known);
            ps.setObject(5, LocalDate.of(2016, 4, 2));
            ps.executeUpdate();
        }
    }

    private static void minimalEvents(Connection c, UUID referralId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, topic, message_key,"
                + " event_type, payload) values (?, 'referral-events', ?, 'referral.received', ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, referralId.toString());
            ps.setString(3, Referrals.body());
            ps.executeUpdate();
        }
        // and its slim twin for the notification service, as intake writes it in the same transaction
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, topic, message_key,"
                + " event_type, payload) values (?, 'referral-notices', ?, 'referral.logged', ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, referralId.toString());
            ps.setString(3, "{\"referralId\": \"" + referralId + "\"}");
            ps.executeUpdate();
        }
    }
}
