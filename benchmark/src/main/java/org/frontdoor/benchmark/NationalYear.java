package org.frontdoor.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.frontdoor.benchmark.ClosedLoop.Result;
import org.frontdoor.benchmark.LocalStack.Marks;

/**
 * A national year through intake and triage-item creation: all 622,000 with -Dbench.national.full=true,
 * otherwise as many as a time budget allows (-Dbench.national.minutes), with the total projected; and the CPU a
 * referral costs over the same run, with where each service's goes.
 */
final class NationalYear {

    static final String TITLE = "A national year";

    private static final int NATIONAL_YEAR = 622_000;
    private static final List<String> SERVICES = List.of(LocalStack.SERVICES);

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report;
    private final Duration budget;
    private final boolean full = Boolean.getBoolean("bench.national.full");

    // what the run measured
    private Instant from;
    private Result result;
    private long children;
    private long queuedAtEnd;
    private boolean caughtUp;
    private double throughTriage;
    private boolean acknowledged;
    private double throughAcknowledgement;
    private Map<String, Double> cpu;
    private Map<String, HopWork.Counts> work;
    private final Map<String, CpuProfile.Shares> profiles = new LinkedHashMap<>();

    NationalYear(LocalStack stack, StackHttp http, Report report, Duration budget) {
        this.stack = stack;
        this.http = http;
        this.report = report;
        this.budget = budget;
    }

    void run() throws Exception {
        measure();
        long accepted = result.ok();
        double rate = accepted / throughTriage;
        throughput(accepted, rate);
        double total = cpuTable(accepted);
        HopWork.table(report, work, accepted);
        profileTable();
        System.out.printf("national year: %d accepted at %.0f/s; %.0f/s through triage; %.2f ms CPU per referral%n",
                accepted, result.rate(), rate, total * 1000 / Math.max(1, accepted));
    }

    private void measure() throws Exception {
        String partner = http.token("partner", "hillside-primary");
        from = Instant.now().minusSeconds(1);
        long childrenBefore = stack.count("referral", "select count(*) from referral_child");
        long itemsBefore = stack.count("triage", "select count(*) from triage_item");
        AtomicLong remaining = new AtomicLong(full ? NATIONAL_YEAR : Long.MAX_VALUE);
        Marks marksBefore = stack.marks();
        Map<String, Double> cpuBefore = CpuAccounting.take(stack.root(), SERVICES);
        Map<String, HopWork.Counts> workBefore = HopWork.take(stack, SERVICES);
        boolean profiled = stack.flightRecorder("JFR.start", "name=bench", "settings=default");
        long t0 = System.nanoTime();
        result = ClosedLoop.run(32, full ? Duration.ofDays(1) : budget,
                () -> remaining.getAndDecrement() <= 0 ? null : http.submitted(partner));
        children = stack.count("referral", "select count(*) from referral_child") - childrenBefore;
        queuedAtEnd = stack.count("triage", "select count(*) from triage_item") - itemsBefore;
        caughtUp = LocalStack.waitUntil(Duration.ofMinutes(3),
                () -> stack.count("triage", "select count(*) from triage_item") - itemsBefore >= children);
        throughTriage = (System.nanoTime() - t0) / 1e9;
        // and every referrer acknowledged: the CPU of the whole hop chain, intake to acknowledgement
        acknowledged = LocalStack.waitUntil(Duration.ofMinutes(3), () -> stack.caughtUp(marksBefore));
        throughAcknowledgement = (System.nanoTime() - t0) / 1e9;
        cpu = CpuAccounting.since(cpuBefore, CpuAccounting.take(stack.root(), SERVICES));
        work = HopWork.since(workBefore, HopWork.take(stack, SERVICES));
        if (profiled && stack.flightRecorder("JFR.dump", "name=bench",
                "filename=" + stack.root().resolve(".local/tmp/%s.jfr"))) {
            for (String service : SERVICES) {
                profiles.put(service, CpuProfile.of(stack.root().resolve(".local/tmp/" + service + ".jfr")));
            }
        }
        stack.flightRecorder("JFR.stop", "name=bench");
    }

    private void throughput(long accepted, double rate) {
        if (full) {
            report.line(String.format("England's yearly total, %,d referrals, pushed through intake and triage-item"
                    + " creation by 32 clients: %,d accepted (%d errors) at %.0f/s, %s; the last of their %,d triage"
                    + " items queued **%.1f minutes** after the first referral%s (target < 15 minutes). Window %s to"
                    + " %s.", NATIONAL_YEAR, accepted, result.errors(), result.rate(), result.latencies().summary(),
                    children, throughTriage / 60, caughtUp ? "" : " (not all within 3 minutes of the last referral)",
                    from, Instant.now()));
        } else {
            report.line(String.format("England's yearly total is %,d referrals. At this machine's rate the whole year"
                    + " does not fit the benchmark's 20-minute limit (`-Dbench.national.full=true` pushes all of it), so"
                    + " 32 clients pushed referrals for %d minutes: %,d accepted (%d errors) at %.0f/s, %s. Their"
                    + " %,d triage items: %,d queued when intake stopped, all %s %.0f s after the first referral, so"
                    + " **%.0f referrals/s held through triage; projected for %,d referrals: %.0f minutes** (target"
                    + " < 15). Window %s to %s.", NATIONAL_YEAR, budget.toMinutes(), accepted, result.errors(),
                    result.rate(), result.latencies().summary(), children, queuedAtEnd,
                    caughtUp ? "queued" : "not queued (3-minute limit)", throughTriage, rate, NATIONAL_YEAR,
                    NATIONAL_YEAR / rate / 60.0, from, Instant.now()));
        }
        report.line("");
    }

    /** CPU seconds and milliseconds a referral, per process; the total CPU seconds. */
    private double cpuTable(long accepted) {
        report.line(String.format("**CPU per referral** over the same run, from the kernel's accounting (user + system"
                + " time of every process), from the first referral until every one was triaged and its referrer"
                + " acknowledged%s (%.0f s, %.0f referrals/s end to end). Target: 3 ms in all.",
                acknowledged ? "" : " (not all within 3 minutes)", throughAcknowledgement,
                accepted / throughAcknowledgement));
        report.line("");
        report.line("| process | CPU seconds | ms per referral |");
        report.line("|---|---|---|");
        double total = 0;
        for (Map.Entry<String, Double> part : cpu.entrySet()) {
            total += part.getValue();
            report.line(String.format("| %s | %.1f | %.2f |", part.getKey(), part.getValue(),
                    part.getValue() * 1000 / Math.max(1, accepted)));
        }
        report.line(String.format("| **all** | %.1f | **%.2f** |", total, total * 1000 / Math.max(1, accepted)));
        report.line("");
        return total;
    }

    private void profileTable() {
        if (profiles.isEmpty()) {
            return;
        }
        report.line("**Where each service's CPU goes**, from a Flight Recorder recording of each service over the same"
                + " window (`jcmd <pid> JFR.start settings=default`, execution samples put to the library whose"
                + " code was running, `CpuProfile`): share of each service's Java samples.");
        report.line("");
        report.line("| library | " + String.join(" | ", SERVICES) + " |");
        report.line("|---|" + "---|".repeat(SERVICES.size()));
        Set<String> groups = new LinkedHashSet<>();
        profiles.values().forEach(p -> groups.addAll(p.byGroup().keySet()));
        for (String g : groups) {
            StringBuilder row = new StringBuilder("| " + g + " |");
            for (String service : SERVICES) {
                row.append(String.format(" %.1f%% |", profiles.get(service).byGroup().getOrDefault(g, 0.0)));
            }
            report.line(row.toString());
        }
        StringBuilder samples = new StringBuilder("| samples |");
        for (String service : SERVICES) {
            samples.append(" ").append(profiles.get(service).samples()).append(" |");
        }
        report.line(samples.toString());
        report.line("");
    }
}
