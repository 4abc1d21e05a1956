package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.frontdoor.testsupport.DevKeys;
import org.frontdoor.testsupport.DevTokens;

/**
 * Measures the running local stack (./pipeline up) and writes docs/benchmarks.md. It reports;
 * it asserts nothing. Phases, one class each: start-up and memory ({@link ServiceStartups}), intake at 1/8/32/64
 * clients against the same rows written by plain JDBC ({@link IntakeAgainstCeiling}), referral-to-queue
 * ({@link ReferralToQueue}) and decision-to-webhook ({@link DecisionToWebhook}) latency, a national year's
 * referrals for a fixed time budget ({@link NationalYear}), the statutory returns for a year
 * ({@link ReturnsForAYear}), the candidate search among 600,000 children ({@link ChildSearchAt600k}) and the
 * national-year push against one instance of each service and then two ({@link ScaleOut}).
 * {@code BENCHMARK_ONLY=child-search}, {@code national} or {@code replicas} (or {@code -Dbench.only=...}) runs that
 * phase alone against the running stack (the national year after a warm-up of its own) and replaces only its section
 * of docs/benchmarks.md.
 */
public final class Benchmark {

    private static final int[] CONCURRENCY = Arrays.stream(
            System.getProperty("bench.clients", "1,8,32,64").split(",")).mapToInt(Integer::parseInt).toArray();

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report = new Report();
    private final Duration step;
    private final Duration nationalBudget;

    private Benchmark(Path root, Duration step, Duration nationalBudget) throws IOException {
        this.stack = new LocalStack(root);
        this.step = step;
        this.nationalBudget = nationalBudget;
        // the local run verifies tokens of its identity provider, whose issuer the infrastructure wrote down
        this.http = new StackHttp(new DevTokens(DevKeys.loadOrCreate(root.resolve(".local/keys")),
                stack.setting("JWT_ISSUER")));
    }

    public static void main(String[] args) throws Exception {
        Duration step = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.step.seconds", "15")));
        Duration national = Duration.ofMinutes(Long.parseLong(System.getProperty("bench.national.minutes", "3")));
        Benchmark benchmark = new Benchmark(Path.of("").toAbsolutePath(), step, national);
        String only = System.getProperty("bench.only", System.getenv().getOrDefault("BENCHMARK_ONLY", ""));
        if (only.isBlank()) {
            benchmark.run();
        } else {
            benchmark.runOnly(only);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        machine();
        ServiceStartups startups = new ServiceStartups(stack, report);
        startups.restart("referral-service");
        startups.startSampling();
        stack.markBaseline();
        warmUp(Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup.seconds", "30"))));
        phases();
        startups.stopSampling();
        // the other two restarted at a quiet moment, so their start-up is not a catch-up's
        stack.settle();
        Thread.sleep(5_000);
        startups.atRest();
        startups.restart("triage-service");
        startups.restart("notification-service");
        startups.table();
        Path out = stack.root().resolve("docs/benchmarks.md");
        report.writeTo(out);
        System.out.println();
        System.out.println("written " + out);
    }

    /** One phase, no restarts and no warm-up of its own: its section of docs/benchmarks.md replaced, the rest kept. */
    private void runOnly(String only) throws Exception {
        String title;
        switch (only) {
            case "child-search" -> {
                new ChildSearchAt600k(stack, http, report).run();
                title = ChildSearchAt600k.TITLE;
            }
            case "national" -> {
                report.line("## " + NationalYear.TITLE);
                report.line("");
                warmUp(Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup.seconds", "30"))));
                new NationalYear(stack, http, report, nationalBudget).run();
                title = NationalYear.TITLE;
            }
            case "replicas" -> {
                new ScaleOut(stack, http, report).run();
                title = ScaleOut.TITLE;
            }
            default -> throw new IllegalArgumentException("BENCHMARK_ONLY: child-search, national or replicas run"
                    + " alone, not " + only);
        }
        report.line("Measured on its own (`BENCHMARK_ONLY=" + only + "`) on " + Instant.now() + ".");
        report.line("");
        Path out = stack.root().resolve("docs/benchmarks.md");
        report.replaceSection(out, title);
        System.out.println();
        System.out.println("its section replaced in " + out);
    }

    private void phases() throws Exception {
        if (phase("intake")) {
            new IntakeAgainstCeiling(stack, http, report, CONCURRENCY, step).run();
        }
        if (phase("queue")) {
            stack.settle();
            new ReferralToQueue(stack, http, report).run(200, Duration.ofSeconds(20));
        }
        if (phase("webhook")) {
            stack.settle();
            new DecisionToWebhook(http, report).run(100);
        }
        if (phase("national")) {
            stack.settle();
            report.line("## " + NationalYear.TITLE);
            report.line("");
            new NationalYear(stack, http, report, nationalBudget).run();
        }
        if (phase("replicas")) {
            stack.settle();
            new ScaleOut(stack, http, report).run();
        }
        if (phase("returns")) {
            stack.settle();
            new ReturnsForAYear(stack, http, report).run();
        }
        if (phase("child-search")) {
            stack.settle();
            new ChildSearchAt600k(stack, http, report).run();
        }
    }

    /**
     * -Dbench.phases=intake,queue,webhook,national,replicas,returns,child-search (all by default) runs a part, e.g.
     * while tuning one.
     */
    private static boolean phase(String name) {
        String phases = System.getProperty("bench.phases", "");
        return phases.isBlank() || List.of(phases.split(",")).contains(name);
    }

    private void machine() {
        report.line("# Benchmarks");
        report.line("");
        report.line("Measured by `./pipeline benchmark` against the local stack (`./pipeline up`: the three services as"
                + " packaged jars in prod mode, embedded PostgreSQL 17 and Kafka 4.1 in one JVM), on " + Instant.now()
                + ".");
        report.line("");
        report.line("## Machine");
        report.line("");
        report.line("| | |");
        report.line("|---|---|");
        report.line("| CPU | " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores |");
        report.line("| memory | " + memTotal() + " |");
        report.line("| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " |");
        report.line("| load generator | this JVM, same machine (it competes for the same 2 cores) |");
        report.line("");
    }

    /** JIT compilation and pools settle first: the first minute after a start is not what a day looks like. */
    private void warmUp(Duration duration) throws InterruptedException {
        String partner = http.token("partner", "hillside-primary");
        ClosedLoop.Result warm = ClosedLoop.run(8, duration, () -> http.submitted(partner));
        report.line(String.format("Warm-up before measuring: %d s at 8 clients, %d referrals (%.0f/s), not counted"
                + " below.", duration.toSeconds(), warm.ok(), warm.rate()));
        report.line("");
        System.out.printf("warm-up: %d referrals at %.0f/s%n", warm.ok(), warm.rate());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> (Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024) + " GiB")
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
