package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How PostgreSQL read {@code child_record} while the searches ran: the table's sequential and index scans, and each
 * index's, from its statistics before and after (what really happened, whatever the statements); and the plan of
 * the triage service's lookup statement for one search ({@code ChildIndexQueries.LOOKUP}, read from the service's
 * source in this checkout, so it is the statement the service runs), executed with that search's keys.
 */
final class SearchPlan {

    /** Statistics are flushed by each backend within 10 s of going idle. */
    private static final long FLUSH_MILLIS = 11_000;
    private static final Path LOOKUP_SOURCE = Path.of(
            "triage-service/src/main/java/org/frontdoor/triage/children/ChildIndexQueries.java");
    private static final Pattern LOOKUP = Pattern.compile("LOOKUP = \"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
    private static final int LOOKUP_LIMIT = 200;

    private final LocalStack stack;
    private final Map<String, Long> before;
    private Map<String, Long> after;
    private List<String> plan = List.of();
    private ChildSearches.Search explained;

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

    void write(Report report) {
        long seq = delta("table:seq_scan");
        long seqRows = delta("table:seq_tup_read");
        report.line(String.format("While they ran, PostgreSQL read `child_record` by index %,d times, and %,d times"
                + " sequentially%s.", delta("table:idx_scan"), seq, seq == 0 ? " (no search read the table through)"
                        : String.format(", reading %,d rows in all (%,.0f a scan, of %,d: a scan stops at its"
                                + " statement's limit)", seqRows, seqRows / (double) seq, KnownChildren.CHILDREN)));
        List<String> used = new ArrayList<>();
        after.forEach((name, n) -> {
            if (name.startsWith("index:") && delta(name) > 0) {
                used.add("`" + name.substring("index:".length()) + "` " + String.format("%,d", delta(name)));
            }
        });
        report.line("Index scans by index: " + (used.isEmpty() ? "none" : String.join(", ", used)) + ".");
        report.line("");
        if (plan.isEmpty()) {
            report.line("The lookup statement's plan could not be shown (see the benchmark's output).");
        } else {
            report.line("The plan of the service's lookup statement (`ChildIndexQueries.LOOKUP`) for one search ("
                    + explained.slip().words + "), `EXPLAIN (ANALYZE, COSTS OFF)`: top node `" + plan.get(0).strip()
                    + "`; the nodes that read `child_record` and the time:");
            report.line("");
            report.line("```");
            plan.stream().filter(l -> l.contains("child_record") || l.startsWith("Execution Time"))
                    .forEach(report::line);
            report.line("```");
        }
        report.line("");
    }

    /** Runs the service's lookup for {@code search} under EXPLAIN ANALYZE, its keys worked out as the service does. */
    void explain(ChildSearches.Search search) {
        explained = search;
        try {
            Matcher m = LOOKUP.matcher(Files.readString(stack.root().resolve(LOOKUP_SOURCE)));
            if (!m.find()) {
                System.out.println("child search: no LOOKUP statement in " + LOOKUP_SOURCE);
                return;
            }
            String sql = PARAMETER.matcher(m.group(1)).replaceAll("\\$$1");
            try (Connection c = stack.connect("triage"); Statement st = c.createStatement()) {
                st.execute("prepare bench_lookup (text, text, text[], date[], text[], text[], boolean, text, int) as "
                        + sql);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("explain (analyze, costs off) execute bench_lookup('', '',"
                        + " array[child_name_code(" + literal(search.surname()) + ")], " + dates(search)
                        + ", array[child_name_code(" + literal(search.firstName()) + ")],"
                        + " array[child_name_code(child_first_canonical(" + literal(search.firstName()) + "))],"
                        + " true, '" + search.dateOfBirth() + "', " + LOOKUP_LIMIT + ")")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                plan = lines;
            }
        } catch (IOException | SQLException e) {
            System.out.println("child search: could not explain the lookup: " + e.getMessage());
        }
    }

    /** The dates of birth a typed one may stand for, as the service works them out: itself, swapped, a digit off. */
    private static String dates(ChildSearches.Search search) {
        Set<LocalDate> near = new LinkedHashSet<>();
        LocalDate d = search.dateOfBirth();
        near.add(d);
        if (ChildSearches.swappable(d)) {
            near.add(LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()));
        }
        String digits = d.format(DateTimeFormatter.BASIC_ISO_DATE);
        for (int i = 0; i < digits.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                try {
                    near.add(LocalDate.parse(digits.substring(0, i) + c + digits.substring(i + 1),
                            DateTimeFormatter.BASIC_ISO_DATE));
                } catch (DateTimeException e) {
                    // not a date
                }
            }
        }
        return "array[" + near.stream().map(x -> "date '" + x + "'").collect(Collectors.joining(", ")) + "]";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private long delta(String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }

    private static Map<String, Long> scans(LocalStack stack) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = stack.connect("triage"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select seq_scan, seq_tup_read, coalesce(idx_scan, 0) as idx_scan"
                    + " from pg_stat_user_tables where relname = 'child_record'")) {
                if (rs.next()) {
                    counts.put("table:seq_scan", rs.getLong("seq_scan"));
                    counts.put("table:seq_tup_read", rs.getLong("seq_tup_read"));
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
