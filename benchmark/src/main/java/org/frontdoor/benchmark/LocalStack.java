package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The local run (./pipeline up) from outside: its databases, its services' processes (pid files, logs, /proc) and
 * the pipeline script that stops and starts them.
 */
final class LocalStack {

    static final String[] SERVICES = { "referral-service", "triage-service", "notification-service" };
    static final List<String> SERVICES_LIST = List.of(SERVICES);

    /** Where each service's tables stood, to tell when downstream has caught up with intake. */
    record Marks(long referrals, long children, long items, long records, long pending) {
    }

    private final Path root;
    private final Map<String, String> infra;
    private Marks baseline;

    LocalStack(Path root) throws IOException {
        this.root = root;
        this.infra = readEnv(root.resolve(".local/infra.env"));
    }

    Path root() {
        return root;
    }

    /** The infrastructure's setting, as ./pipeline wrote it down (.local/infra.env). */
    String setting(String name) {
        return infra.get(name);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + infra.get("PG_PORT") + "/" + database,
                infra.get("PG_USER"), infra.get("PG_PASSWORD"));
    }

    long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Statements run in one database so far (BEGIN, COMMIT and ROLLBACK apart), from {@code pg_stat_statements}. */
    long statementCalls(String database) {
        return count("postgres", "select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d"
                + " on d.oid = s.dbid where d.datname = '" + database + "' and s.query not in ('BEGIN', 'COMMIT',"
                + " 'ROLLBACK')");
    }

    void pipeline(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("pipeline").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("./pipeline " + String.join(" ", args) + " failed (see .local/logs/)");
        }
    }

    Marks marks() {
        return new Marks(count("referral", "select count(*) from referral"),
                count("referral", "select count(*) from referral_child"),
                count("triage", "select count(*) from triage_item"),
                count("notification", "select count(*) from referral_record"),
                count("notification", "select count(*) from notification where status = 'PENDING'"));
    }

    /** Where the tables stand now is where each phase waits for the pipeline to come back to ({@link #settle}). */
    void markBaseline() {
        baseline = marks();
    }

    /** Each phase starts with the pipeline caught up, so one phase's backlog is not the next one's figure. */
    void settle() throws InterruptedException {
        long t0 = System.nanoTime();
        boolean settled = waitUntil(Duration.ofMinutes(5), () -> caughtUp(baseline));
        System.out.printf("settled in %.0f s%s%n", (System.nanoTime() - t0) / 1e9, settled ? "" : " (gave up at 5 min)");
    }

    /** Every child since {@code before} has its triage item, every referral is planned and acknowledged. */
    boolean caughtUp(Marks before) {
        Marks now = marks();
        return now.items() - before.items() >= now.children() - before.children()
                && now.records() - before.records() >= now.referrals() - before.referrals()
                && now.pending() <= before.pending();
    }

    static boolean waitUntil(Duration limit, Supplier<Boolean> done) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (done.get()) {
                return true;
            }
            // the checks count whole tables: asked more often, they were a noticeable share of the database's work
            Thread.sleep(1_000);
        }
        return false;
    }

    /** The service's process id, from the pid file ./pipeline keeps. */
    String pid(String service) throws IOException {
        return Files.readString(root.resolve(".local/pids/" + service + ".pid")).strip();
    }

    long rss(String service) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", pid(service), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** What Quarkus last logged as the service's "started in". */
    String startupTime(String service) {
        try {
            String started = null;
            for (String l : Files.readAllLines(root.resolve(".local/logs/" + service + ".log"))) {
                int at = l.indexOf("started in ");
                if (at >= 0) {
                    started = l.substring(at + 11, l.indexOf('s', at + 11) + 1);
                }
            }
            return started == null ? "n/a" : started;
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** The JVM options the referral service actually runs with, read from its command line. */
    String serviceJavaOptions() {
        try {
            String[] args = Files.readString(Path.of("/proc", pid("referral-service"), "cmdline")).split("\0");
            // the archive's path is each service's own: shown once, without this machine's directories
            return Arrays.stream(args).filter(a -> a.startsWith("-X"))
                    .map(a -> a.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=app-cds.jsa" : a)
                    .collect(Collectors.joining(" "));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Runs a Flight Recorder command on every service ({@code %s} in an argument is the service's name); false when
     * it could not be run (no {@code jcmd} beside this JVM, a service gone), and the run goes on without a profile.
     */
    boolean flightRecorder(String command, String... arguments) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        boolean all = Files.isExecutable(jcmd);
        for (String service : SERVICES) {
            if (!all) {
                break;
            }
            try {
                List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), pid(service), command));
                for (String a : arguments) {
                    cmd.add(a.replace("%s", service));
                }
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                all = p.waitFor() == 0 && !out.contains("Exception") && !out.contains("Could not");
            } catch (IOException e) {
                all = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all = false;
            }
        }
        return all;
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : Files.readAllLines(file)) {
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0) {
                env.put(l.substring(0, eq), l.substring(eq + 1).replace("'", ""));
            }
        }
        return env;
    }
}
