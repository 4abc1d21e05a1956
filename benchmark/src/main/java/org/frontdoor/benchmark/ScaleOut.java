package org.frontdoor.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.frontdoor.benchmark.ClosedLoop.Result;
import org.frontdoor.benchmark.LocalStack.Marks;

/**
 * The national-year push against one instance of each service, then two ({@code ./pipeline start SERVICE-2}: the same
 * databases and consumer groups, the partitions shared), the clients spread over both intake instances. For each: the
 * throughput through triage and acknowledgement, and the CPU a referral of every process, each instance on its own
 * line. On a machine of two cores a second instance adds no cores: what this shows is that two share the work
 * correctly (both take referrals, both consume, everything caught up) and what a second instance costs, not a
 * speed-up. {@code -Dbench.replicas.seconds} (60) is each push, {@code -Dbench.replicas.warmup.seconds} (15) the
 * warm-up before each, not counted. Second instances already running are stopped first, and stopped again at the end.
 */
final class ScaleOut {

    static final String TITLE = "One replica of each service against two";
    private static final int CLIENTS = 32;

    /** What one push measured. */
    private record Round(int replicas, Result result, Map<String, Long> acceptedBy, boolean caughtUp, double seconds,
            Map<String, Double> cpu) {

        double endToEnd() {
            return result.ok() / seconds;
        }

        double msPerReferral(double cpuSeconds) {
            return cpuSeconds * 1000 / Math.max(1, result.ok());
        }
    }

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report;
    private final Duration push = Duration.ofSeconds(Long.getLong("bench.replicas.seconds", 60));
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.replicas.warmup.seconds", 15));

    ScaleOut(LocalStack stack, StackHttp http, Report report) {
        this.stack = stack;
        this.http = http;
        this.report = report;
    }

    void run() throws Exception {
        // one instance each to begin with, whatever ./pipeline up was given
        for (String service : LocalStack.SERVICES) {
            stack.pipeline("stop", service + "-2");
        }
        Round one = round(1);
        for (String service : LocalStack.SERVICES) {
            stack.pipeline("start", service + "-2");
        }
        Round two;
        try {
            two = round(2);
        } finally {
            for (String service : LocalStack.SERVICES) {
                stack.pipeline("stop", service + "-2");
            }
        }
        table(one, two);
    }

    /** Instance names: referral-service, and referral-service-2 with two replicas. */
    private static List<String> instances(String service, int replicas) {
        return replicas == 1 ? List.of(service) : List.of(service, service + "-2");
    }

    private Round round(int replicas) throws Exception {
        List<String> intake = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int n = 1; n <= replicas; n++) {
            intake.add(StackHttp.referrals(n));
        }
        for (String service : LocalStack.SERVICES) {
            all.addAll(instances(service, replicas));
        }
        String partner = http.token("partner", "hillside-primary");
        // JIT and pools warmed (the second instances start cold), the consumer groups rebalanced, the backlog gone
        Marks quiet = stack.marks();
        ClosedLoop.run(8, warmUp, spread(intake, partner, new ConcurrentHashMap<>()));
        LocalStack.waitUntil(Duration.ofMinutes(5), () -> stack.caughtUp(quiet));
        Marks before = stack.marks();
        Map<String, Double> cpuBefore = CpuAccounting.take(stack.root(), all);
        Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        Result result = ClosedLoop.run(CLIENTS, push, spread(intake, partner, accepted));
        boolean caughtUp = LocalStack.waitUntil(Duration.ofMinutes(3), () -> stack.caughtUp(before));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpu = CpuAccounting.since(cpuBefore, CpuAccounting.take(stack.root(), all));
        Map<String, Long> acceptedBy = new LinkedHashMap<>();
        intake.forEach(url -> acceptedBy.put(url, accepted.getOrDefault(url, new AtomicLong()).get()));
        System.out.printf("scale-out, %d replica(s): %d accepted at %.0f/s (%s), %.0f/s through triage and"
                + " acknowledgement%s%n", replicas, result.ok(), result.rate(), acceptedBy, result.ok() / seconds,
                caughtUp ? "" : " (not caught up within 3 minutes)");
        return new Round(replicas, result, acceptedBy, caughtUp, seconds, cpu);
    }

    /** Each client keeps to one intake address, the clients dealt round the addresses; counts each one's 201s. */
    private Supplier<Boolean> spread(List<String> intake, String partner,
            Map<String, AtomicLong> accepted) {
        AtomicInteger dealt = new AtomicInteger();
        ThreadLocal<String> mine = ThreadLocal.withInitial(() -> intake.get(dealt.getAndIncrement() % intake.size()));
        return () -> {
            String url = mine.get();
            boolean ok = http.submittedTo(url, partner);
            if (ok) {
                accepted.computeIfAbsent(url, u -> new AtomicLong()).incrementAndGet();
            }
            return ok;
        };
    }

    private void table(Round one, Round two) {
        report.line("## " + TITLE);
        report.line("");
        report.line(String.format("The national-year push (%d clients, %d s each, after a %d-s warm-up not counted)"
                + " against one instance of each service, then two (`./pipeline start SERVICE-2`: the same databases"
                + " and consumer groups, each topic's 3 partitions shared), the clients dealt round the intake"
                + " instances. This machine's cores are not doubled by a second instance: the figures say whether two"
                + " share the work correctly and what each costs, not how far a cluster scales.", CLIENTS,
                push.toSeconds(), warmUp.toSeconds()));
        report.line("");
        report.line("| | one instance each | two instances each |");
        report.line("|---|---|---|");
        report.line(String.format("| referrals accepted (errors) | %,d (%d) | %,d (%d) |", one.result().ok(),
                one.result().errors(), two.result().ok(), two.result().errors()));
        report.line("| accepted by each intake instance | " + one.acceptedBy().values() + " | "
                + two.acceptedBy().values() + " |");
        report.line(String.format("| intake rate | %.0f/s | %.0f/s |", one.result().rate(), two.result().rate()));
        report.line(String.format("| through triage and acknowledgement | %.0f/s%s | %.0f/s%s |", one.endToEnd(),
                one.caughtUp() ? "" : " (not caught up)", two.endToEnd(), two.caughtUp() ? "" : " (not caught up)"));
        cpuRows(one, two);
        report.line("");
        report.line("CPU from the kernel's accounting of each process (user + system), from the first referral until"
                + " every one was triaged and its referrer acknowledged, divided by the referrals accepted. A service's"
                + " line is the sum of its instances; the per-instance lines show how the work was shared.");
        report.line("");
    }

    /** CPU ms a referral: each instance, each service (its instances summed), the other processes and in all. */
    private void cpuRows(Round one, Round two) {
        for (String service : LocalStack.SERVICES) {
            double sumOne = one.cpu().getOrDefault(service, 0.0);
            double sumTwo = 0;
            for (String instance : instances(service, 2)) {
                double s = two.cpu().getOrDefault(instance, 0.0);
                sumTwo += s;
                report.line(String.format("| CPU ms a referral, %s | %s | %.2f |", instance,
                        instance.equals(service) ? String.format("%.2f", one.msPerReferral(sumOne)) : "–",
                        two.msPerReferral(s)));
            }
            report.line(String.format("| CPU ms a referral, **%s** | **%.2f** | **%.2f** |", service,
                    one.msPerReferral(sumOne), two.msPerReferral(sumTwo)));
        }
        // the infrastructure JVM, PostgreSQL and the load generator
        for (Map.Entry<String, Double> part : one.cpu().entrySet()) {
            if (!LocalStack.SERVICES_LIST.contains(part.getKey())) {
                report.line(String.format("| CPU ms a referral, %s | %.2f | %.2f |", part.getKey(),
                        one.msPerReferral(part.getValue()), two.msPerReferral(two.cpu().getOrDefault(part.getKey(),
                                0.0))));
            }
        }
        double totalOne = one.cpu().values().stream().mapToDouble(Double::doubleValue).sum();
        double totalTwo = two.cpu().values().stream().mapToDouble(Double::doubleValue).sum();
        report.line(String.format("| **CPU ms a referral, all processes** | **%.2f** | **%.2f** |",
                one.msPerReferral(totalOne), two.msPerReferral(totalTwo)));
    }
}
