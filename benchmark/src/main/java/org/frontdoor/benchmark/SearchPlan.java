package org.frontdoor.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How PostgreSQL read {@code child_record} while the searches ran: the table's sequential and index scans, and each
 * index's, from its statistics before and after (what really happened, whatever the statement); and the plan of the
 * search's own statement, caught in {@code pg_stat_activity} as the triage service ran it and explained as a generic
 * plan (its parameters are not shown there).
 */
final class SearchPlan {

    /** Statistics are flushed by each backend within 10 s of going idle. */
    private static final long FLUSH_MILLIS = 11_000;

    private final LocalStack stack;
    private final Map<String, Long> before;
    private Map<String, Long> after;
    private volatile String statement;
    private volatile boolean watching;
    private Thread watcher;

    private SearchPlan(LocalStack stack, Map<String, Long> before) {
        this.stack = stack;
        this.before = before;
    }

    static SearchPlan before(LocalStack stack) throws Exception {
        Thread.sleep(FLUSH_MILLIS); // the seeding's and the warm-up's reads counted before, not during
        return new SearchPlan(stack, scans(stack));
    }

    void after() throws Exception {
        Thread.sleep(FLUSH_MILLIS);
        after = scans(stack);
    }

    /** Samples the triage database's running statements until {@link #stopWatching}, keeping one on child_record. */
    void watch() {
        watching = true;
        watcher = new Thread(() -> {
            try (Connection c = stack.connect("triage"); Statement st = c.createStatement()) {
                while (watching && statement == null) {
                    try (ResultSet rs = st.executeQuery("select query from pg_stat_activity where datname = 'triage'"
                            + " and pid <> pg_backend_pid() and state = 'active' and query ilike '%child_record%'"
                            + " and query like '%$1%' and length(query) < current_setting('track_activity_query_size')"
                            + "::int - 1 limit 1")) {
                        if (rs.next()) {
                            statement = rs.getString(1);
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (SQLException e) {
                System.out.println("child search: could not watch the statements: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.setDaemon(true);
        watcher.start();
    }

    void stopWatching() throws InterruptedException {
        watching = false;
        watcher.join();
    }

    void write(Report report) {
        long seq = delta("table:seq_scan");
        long idx = delta("table:idx_scan");
        report.line(String.format("While they ran, PostgreSQL read `child_record` %,d times by index and %,d times"
                + " from end to end (a sequential scan)%s.", idx, seq, seq == 0 ? ": no search scanned every child"
                        : ": some statement read every child"));
        List<String> used = new ArrayList<>();
        after.forEach((name, n) -> {
            if (name.startsWith("index:") && delta(name) > 0) {
                used.add("`" + name.substring("index:".length()) + "` " + String.format("%,d", delta(name)));
            }
        });
        report.line("Index scans by index: " + (used.isEmpty() ? "none" : String.join(", ", used)) + ".");
        report.line("");
        List<String> plan = explain();
        if (plan.isEmpty()) {
            report.line("The search's statement was not caught in `pg_stat_activity` (too short-lived, or longer than"
                    + " `track_activity_query_size`), so no plan is shown; the counts above say how the table was"
                    + " read.");
        } else {
            report.line("The plan of the search's statement as the service ran it (`EXPLAIN (GENERIC_PLAN)`, its"
                    + " parameters unknown to the planner): top node `" + plan.get(0).strip() + "`; the nodes that"
                    + " read `child_record`:");
            report.line("");
            report.line("```");
            plan.stream().filter(l -> l.contains("child_record")).forEach(report::line);
            report.line("```");
        }
        report.line("");
    }

    private List<String> explain() {
        List<String> lines = new ArrayList<>();
        if (statement == null) {
            return lines;
        }
        try (Connection c = stack.connect("triage"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("explain (generic_plan, costs off) " + statement)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            System.out.println("child search: could not explain the statement: " + e.getMessage());
        }
        return lines;
    }

    private long delta(String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }

    private static Map<String, Long> scans(LocalStack stack) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = stack.connect("triage"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select seq_scan, coalesce(idx_scan, 0) as idx_scan"
                    + " from pg_stat_user_tables where relname = 'child_record'")) {
                if (rs.next()) {
                    counts.put("table:seq_scan", rs.getLong("seq_scan"));
                    counts.put("table:idx_scan", rs.getLong("idx_scan"));
                }
            }
            try (ResultSet rs = st.executeQuery("select indexrelname, idx_scan from pg_stat_user_indexes"
                    + " where relname = 'child_record'")) {
                while (rs.next()) {
                    counts.put("index:" + rs.getString("indexrelname"), rs.getLong("idx_scan"));
                }
            }
        }
        return counts;
    }
}
