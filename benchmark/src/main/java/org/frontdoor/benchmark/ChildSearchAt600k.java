package org.frontdoor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The candidate search among {@link KnownChildren#CHILDREN} known children: seeded straight into triage's
 * {@code child_record} (then removed), then searched for through {@code GET /api/v1/children} as front door workers
 * search, with the slips people make ({@link ChildSearches}), {@link #SEARCHES} searches at each of {@link #CLIENTS}
 * clients. Reports the time per search, whether the child searched for was among the answers, and how PostgreSQL
 * read the table meanwhile (by index, never the whole table: {@link SearchPlan}).
 */
final class ChildSearchAt600k {

    static final String TITLE = "Candidate search among 600,000 children";
    private static final int SEARCHES = 500;
    private static final int WARM_UP = 50;
    private static final int[] CLIENTS = { 1, 4 };
    /** Searches spread over this many workers, so one person's rate limit is not what is measured. */
    private static final int WORKERS = 20;
    private static final int PAGE = 20;

    /** One run at a number of clients: the loop's figures, and the searches that found their child, by slip. */
    private record Run(int clients, ClosedLoop.Result loop, Map<ChildSearches.Slip, int[]> foundBySlip) {
    }

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report;
    private final List<String> workers = new ArrayList<>();

    ChildSearchAt600k(LocalStack stack, StackHttp http, Report report) {
        this.stack = stack;
        this.http = http;
        this.report = report;
    }

    void run() throws Exception {
        for (int i = 1; i <= WORKERS; i++) {
            workers.add(http.staff("triage-worker", "bench-searcher-" + i));
        }
        try (Connection c = stack.connect("triage")) {
            execute(c, KnownChildren.DELETE); // a run stopped half-way left its children behind
            double seedSeconds = seed(c);
            double analyzeSeconds = timed(() -> execute(c, "analyze child_record"));
            String size = sizes(c);
            List<ChildSearches.Child> sample = sample(c, WARM_UP + SEARCHES * CLIENTS.length);
            try {
                measure(sample, seedSeconds, analyzeSeconds, size);
            } finally {
                execute(c, KnownChildren.DELETE);
                execute(c, "analyze child_record");
            }
        }
    }

    private void measure(List<ChildSearches.Child> sample, double seedSeconds, double analyzeSeconds, String size)
            throws Exception {
        searchAll(sample.subList(0, WARM_UP), 2, 0); // JIT and caches, not counted
        SearchPlan plan = SearchPlan.before(stack);
        String loadBefore = loadAverage();
        List<Run> runs = new ArrayList<>();
        int from = WARM_UP;
        for (int clients : CLIENTS) {
            runs.add(searchAll(sample.subList(from, from + SEARCHES), clients, from));
            from += SEARCHES;
            System.out.printf("child search at %d client(s): %s%n", clients, runs.get(runs.size() - 1).loop()
                    .latencies().summary());
        }
        String load = loadBefore + " when the searches began, " + loadAverage() + " when they ended";
        plan.after();
        plan.explain(ChildSearches.of(sample.get(0), ChildSearches.Slip.SURNAME_VOWEL_CHANGED.ordinal()));
        write(runs, plan, seedSeconds, analyzeSeconds, size + "; the machine's load average (1 minute) " + load);
    }

    /** The searches from {@code clients} threads, each taking the next until none is left. */
    private Run searchAll(List<ChildSearches.Child> children, int clients, int offset) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Map<ChildSearches.Slip, int[]> found = new EnumMap<>(ChildSearches.Slip.class);
        ClosedLoop.Result loop = ClosedLoop.run(clients, Duration.ofMinutes(30), () -> {
            int i = next.getAndIncrement();
            if (i >= children.size()) {
                return null;
            }
            ChildSearches.Search search = ChildSearches.of(children.get(i), offset + i);
            HttpResponse<String> reply = http.get(StackHttp.TRIAGE + "/children?" + search.query() + "&size=" + PAGE,
                    workers.get(i % WORKERS));
            if (reply == null || reply.statusCode() != 200) {
                return false;
            }
            boolean hit = contains(StackHttp.json(reply.body()), search.child().childKey());
            synchronized (found) {
                int[] counts = found.computeIfAbsent(search.slip(), s -> new int[2]);
                counts[0]++;
                counts[1] += hit ? 1 : 0;
            }
            return true;
        });
        return new Run(clients, loop, found);
    }

    private static boolean contains(JsonNode page, UUID childKey) {
        for (JsonNode item : page.path("items")) {
            if (childKey.toString().equals(item.path("childKey").asText())) {
                return true;
            }
        }
        return false;
    }

    private double seed(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        execute(c, "select setseed(0.26)"); // the same children each run
        try (PreparedStatement ps = c.prepareStatement(KnownChildren.SEED)) {
            ps.setArray(1, c.createArrayOf("text", KnownChildren.firstNames()));
            ps.setArray(2, c.createArrayOf("text", KnownChildren.surnames()));
            ps.setArray(3, c.createArrayOf("text", KnownChildren.postcodeDistricts()));
            ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("child search: %,d children seeded in %.1f s%n", KnownChildren.CHILDREN, seconds);
        return seconds;
    }

    /** Children to search for, at random among the seeded. */
    private static List<ChildSearches.Child> sample(Connection c, int n) throws SQLException {
        List<ChildSearches.Child> children = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select child_key, first_name,"
                + " last_name, birth_date, postcode from child_record where " + KnownChildren.IN_RANGE
                + " order by random() limit " + n)) {
            while (rs.next()) {
                children.add(new ChildSearches.Child(rs.getObject("child_key", UUID.class), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getDate("birth_date").toLocalDate(), rs.getString("postcode")));
            }
        }
        return children;
    }

    private static String sizes(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select"
                + " pg_size_pretty(pg_table_size('child_record')) as rows,"
                + " pg_size_pretty(pg_indexes_size('child_record')) as indexes,"
                + " (select count(*) from pg_indexes where tablename = 'child_record') as n")) {
            rs.next();
            return String.format("table %s, its %d indexes %s", rs.getString("rows"), rs.getInt("n"),
                    rs.getString("indexes"));
        }
    }

    private void write(List<Run> runs, SearchPlan plan, double seedSeconds, double analyzeSeconds, String size) {
        report.line("## " + TITLE);
        report.line("");
        report.line(String.format("%,d children seeded straight into triage's `child_record` in one statement in %.1f s"
                + " (names from %d first names and %,d surnames, the common ones far more often; dates of birth over"
                + " 18 years; a fifth without a postcode; the matching keys derived by the database), `ANALYZE` in"
                + " %.1f s: %s. Then %d searches at each number of clients through `GET /api/v1/children`, signed in"
                + " as triage workers (spread over %d, so one person's rate limit is not what is measured), after %d"
                + " not counted; each search a different child, with the slips in turn:",
                KnownChildren.CHILDREN, seedSeconds, KnownChildren.firstNames().length,
                KnownChildren.surnames().length, analyzeSeconds, size, SEARCHES, WORKERS, WARM_UP));
        report.line("");
        report.line("| clients | searches | searches/s | p50 | p95 | p99 | errors |");
        report.line("|---|---|---|---|---|---|---|");
        for (Run r : runs) {
            Latencies l = r.loop().latencies();
            report.line(String.format("| %d | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %d |", r.clients(),
                    r.loop().ok() + r.loop().errors(), r.loop().rate(), l.percentileMillis(50),
                    l.percentileMillis(95), l.percentileMillis(99), r.loop().errors()));
        }
        report.line("");
        report.line("The child searched for among the first " + PAGE + " answers, by what was typed differently"
                + " (both runs):");
        report.line("");
        report.line("| search | found | of |");
        report.line("|---|---|---|");
        Map<ChildSearches.Slip, int[]> all = new EnumMap<>(ChildSearches.Slip.class);
        runs.forEach(r -> r.foundBySlip().forEach((slip, c) -> {
            int[] sum = all.computeIfAbsent(slip, s -> new int[2]);
            sum[0] += c[0];
            sum[1] += c[1];
        }));
        all.forEach((slip, c) -> report.line("| " + slip.words + " | " + c[1] + " | " + c[0] + " |"));
        report.line("");
        plan.write(report);
    }

    /** The machine's load over the last minute, with its number of cores: other work on it shows here. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static double timed(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
