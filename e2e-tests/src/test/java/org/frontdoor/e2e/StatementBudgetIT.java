package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.e2e.Actors.refer;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontdoor.e2e.Actors.Partner;
import org.frontdoor.e2e.Actors.Referral;
import org.frontdoor.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The throughput guard that is not a timing: SQL statements and transactions per referral at each hop, counted by
 * PostgreSQL itself (pg_stat_statements: the services' own statements, not the triggers' or functions' inside them;
 * a transaction is a BEGIN, as the services' JTA transactions all start so) while referrals with two children go through intake,
 * triage and the acknowledgement by webhook. The services' background polling, measured in a quiet window first,
 * is taken off. A change that makes a hop issue more statements or transactions per referral than its budget
 * fails here; a change that saves some should lower the budget.
 */
class StatementBudgetIT {

    private static final int REFERRALS = 40;
    private static final String PROBE_USER = "budget_probe";

    /**
     * Per referral of two children, per service database: statements, transactions. Measured on 2026-12-01 with a
     * little headroom; lower them as the hops get cheaper.
     */
    private static final Map<String, long[]> BUDGET = new LinkedHashMap<>();

    static {
        // before the consumers took batches: 38.7 / 4.6, 19.1 / 2.5, 26.5 / 5.8; since: 34.6 / 3.4, 19.0 / 2.4,
        // 24.0 / 3.6 (at this test's pace a poll brings few events: under load the batches, and the saving, grow);
        // with the referral status set in place: 30.7 / 3.7 (the relay's lease costs a statement a pass); with intake's
        // idempotency claim written with its answer and a new child recorded with its keys in one statement: 22.3 / 3.5;
        // 22.0 / 3.2 before issue 29, then with intake in 6 statements (the new children with their keys in one, the
        // counter, contact, children and timeline in one, both events in one) and the status events set-based per run:
        // 8.6 / 1.2 measured on a loaded machine, whose slow polls brought big runs; at one event a poll it is about
        // 15.5 (intake 6, relay 3.5, inbox 2, a run of triage.queued 3, of notification.sent 1), hence 17; 13.3 / 2.9
        // with the three services' passes merged, at this test's pace on a quiet machine; 11.8 / 2.9 with the outbox
        // relay's pass in one statement (its record of the last pass, its lease and its read: three before), hence 14
        BUDGET.put("referral-service", new long[] { 14, 4 });
        // triage: 18.4 / 2.2 before issue 29; with referral.received set-based per run (the contacts, the index, the
        // open cases, the characteristics, the items with their history, alerts and audit, the events: a statement
        // each whatever the run's size) and the notification reports likewise: 9.8 / 1.9; 8.0 / 1.8 with the relay's
        // pass in one statement
        BUDGET.put("triage-service", new long[] { 10, 3 });
        // notification, with its planning of referral.logged set-based per run and its acknowledgement in one pass (one
        // claim statement, the outcomes and their events in two): 23.5 / 3.1 before; 5.4 / 1.3 on a loaded machine
        // (big runs), 7.6 / 2.5 at this test's pace on a quiet one (runs of one or two); 6.2 / 2.4 with the relay's
        // pass in one statement, hence 8 / 3
        BUDGET.put("notification-service", new long[] { 8, 3 });
    }

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
        for (String service : BUDGET.keySet()) {
            try (Connection c = admin(pipeline.database(service)); Statement st = c.createStatement()) {
                st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + PROBE_USER
                        + "') then create role " + PROBE_USER + " login superuser; end if; end $$");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void statementsAndTransactionsPerReferralStayWithinTheirBudgets() throws Exception {
        try (Partner school = Partner.subscribed(pipeline, "budget-school", "2A")) {
            // the quiet rate: what the services do with nothing to do (relays, dispatchers, jobs polling)
            Map<String, Counts> quietStart = countsNow();
            long quietFrom = System.nanoTime();
            Thread.sleep(5_000);
            Map<String, Counts> quiet = since(quietStart, countsNow());
            double quietSeconds = (System.nanoTime() - quietFrom) / 1e9;

            resetStatements(); // the top statements printed below are then this run's
            Map<String, Counts> before = countsNow();
            long from = System.nanoTime();
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                String surname = Actors.surname("Budget");
                referrals.add(refer(pipeline, school.token(), Referral.from("2A")
                        .referrer("organisationName", "Budget School").referrer("name", "J. Patel")
                        .referrer("email", "dsl@budget-school.example")
                        .child("Amy", surname, "2016-04-02", "F", "DN1 1AA")
                        .child("Ben", surname, "2018-06-03", "M", "DN1 1AA")
                        .indicators("POOR_ATTENDANCE").summary("Attendance has fallen this term."))
                        .get("referralId").asText());
            }
            String ids = "('" + String.join("','", referrals) + "')";
            // every hop done: both children queued, the acknowledgement delivered, nothing left in any outbox
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    probeCount("triage-service", "select count(*) from triage_item where referral_id in " + ids)
                            == 2L * REFERRALS
                    && probeCount("notification-service", "select count(*) from notification where referral_id in "
                            + ids + " and kind = 'ACKNOWLEDGEMENT' and status = 'SENT'") == REFERRALS
                    && probeCount("referral-service", "select count(*) from outbox_event where published_at is null") == 0
                    && probeCount("triage-service", "select count(*) from outbox_event where published_at is null") == 0
                    && probeCount("notification-service", "select count(*) from outbox_event where published_at is null") == 0);
            Map<String, Counts> load = since(before, countsNow());
            double seconds = (System.nanoTime() - from) / 1e9;

            List<String> over = new ArrayList<>();
            StringBuilder report = new StringBuilder("statement budget, per referral of two children ("
                    + REFERRALS + " referrals, " + Math.round(seconds) + " s):");
            for (Map.Entry<String, long[]> b : BUDGET.entrySet()) {
                Counts q = quiet.get(b.getKey());
                Counts l = load.get(b.getKey());
                double statements = (l.statements - q.statements * seconds / quietSeconds) / REFERRALS;
                double transactions = (l.transactions - q.transactions * seconds / quietSeconds) / REFERRALS;
                report.append(String.format(" %s %.1f statements (budget %d), %.1f transactions (budget %d);",
                        b.getKey(), statements, b.getValue()[0], transactions, b.getValue()[1]));
                if (statements > b.getValue()[0]) {
                    over.add(b.getKey() + " statements " + String.format("%.1f", statements));
                }
                if (transactions > b.getValue()[1]) {
                    over.add(b.getKey() + " transactions " + String.format("%.1f", transactions));
                }
            }
            System.out.println(report);
            printTopStatements();
            assertTrue(over.isEmpty(), "over budget: " + over + "\n" + report);
        }
    }

    /** Statements (BEGIN and COMMIT apart) and transactions of one service's database, the probe's own left out. */
    record Counts(long statements, long transactions) {
    }

    private static Map<String, Counts> countsNow() throws SQLException {
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (String service : BUDGET.keySet()) {
            String database = service.replace("-service", "");
            try (Connection c = probe(pipeline.database(service), "postgres");
                    PreparedStatement ps = c.prepareStatement("""
                            select coalesce(sum(s.calls) filter (where s.query not in ('BEGIN', 'COMMIT', 'ROLLBACK')), 0),
                                   coalesce(sum(s.calls) filter (where s.query = 'BEGIN'), 0)
                              from pg_stat_statements s
                              join pg_database d on d.oid = s.dbid
                              join pg_roles r on r.oid = s.userid
                             where d.datname = ?1 and r.rolname <> ?2""".replace("?1", "'" + database + "'")
                            .replace("?2", "'" + PROBE_USER + "'"));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                // the services work in JTA transactions, each opened by the driver's BEGIN
                counts.put(service, new Counts(rs.getLong(1), rs.getLong(2)));
            }
        }
        return counts;
    }

    private static void resetStatements() throws SQLException {
        for (PostgresServer db : new PostgresServer[] { pipeline.database("referral-service"),
                pipeline.database("triage-service") }) {
            try (Connection c = probe(db, "postgres"); Statement st = c.createStatement()) {
                st.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /** Where the statements go, for whoever tries to lower a budget. */
    private static void printTopStatements() throws SQLException {
        for (String service : BUDGET.keySet()) {
            try (Connection c = probe(pipeline.database(service), "postgres");
                    PreparedStatement ps = c.prepareStatement("select s.calls, left(regexp_replace(s.query, '\\s+',"
                            + " ' ', 'g'), 110) from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                            + " join pg_roles r on r.oid = s.userid where d.datname = '"
                            + service.replace("-service", "") + "' and r.rolname <> '" + PROBE_USER
                            + "' order by s.calls desc limit 25");
                    ResultSet rs = ps.executeQuery()) {
                System.out.println("  " + service + ", its statements by calls (quiet polling included):");
                while (rs.next()) {
                    System.out.printf("    %7d  %s%n", rs.getLong(1), rs.getString(2));
                }
            }
        }
    }

    private static Map<String, Counts> since(Map<String, Counts> from, Map<String, Counts> to) {
        Map<String, Counts> d = new LinkedHashMap<>();
        to.forEach((k, v) -> d.put(k, new Counts(v.statements - from.get(k).statements,
                v.transactions - from.get(k).transactions)));
        return d;
    }

    private static long probeCount(String service, String sql) throws SQLException {
        try (Connection c = probe(pipeline.database(service), service.replace("-service", ""));
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection probe(PostgresServer db, String database) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), PROBE_USER, "");
    }

    private static Connection admin(PostgresServer db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl("postgres"), db.username(), db.password());
    }
}
