package org.frontdoor.benchmark;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Each service's start-up and memory: each restarted on its own, as a pod restarts beside running ones, its
 * resident set sampled every second over the run, and read again at rest once the run's work is done.
 */
final class ServiceStartups {

    record Startup(long millis, String quarkus, long rss) {
    }

    private final LocalStack stack;
    private final Report report;
    private final Map<String, Startup> startups = new LinkedHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final Map<String, Long> restRss = new LinkedHashMap<>();
    private ScheduledExecutorService sampler;

    ServiceStartups(LocalStack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    /** Restarts the service and notes its start-up. */
    void restart(String service) throws IOException, InterruptedException {
        stack.pipeline("stop", service);
        long t0 = System.nanoTime();
        stack.pipeline("start", service);
        Startup up = new Startup((System.nanoTime() - t0) / 1_000_000, stack.startupTime(service), stack.rss(service));
        System.out.printf("%s started alone: ready in %d ms (Quarkus: %s)%n", service, up.millis(), up.quarkus());
        startups.put(service, up);
    }

    /** Samples every service's resident set once a second, keeping each one's peak. */
    void startSampling() {
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            for (String s : LocalStack.SERVICES) {
                peakRss.merge(s, stack.rss(s), Math::max);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    void stopSampling() {
        sampler.shutdownNow();
    }

    /** Every service's resident set now, with the pipeline idle. */
    void atRest() {
        for (String s : LocalStack.SERVICES) {
            restRss.put(s, stack.rss(s));
        }
    }

    void table() {
        report.line("## Per service: start-up and memory");
        report.line("");
        report.line("| service | launch to ready | Quarkus \"started in\" | RSS when ready | RSS peak under load"
                + " | RSS at rest after the run |");
        report.line("|---|---|---|---|---|---|");
        for (String s : LocalStack.SERVICES) {
            Startup up = startups.get(s);
            report.line("| " + s + " | " + (up == null ? "n/a" : String.format("%.1f s", up.millis() / 1000.0))
                    + " | " + (up == null ? "n/a" : up.quarkus()) + " | " + (up == null ? "n/a" : mb(up.rss()))
                    + " | " + mb(peakRss.get(s)) + " | " + mb(restRss.get(s)) + " |");
        }
        report.line("");
        report.line("Targets: ready in < 3 s, RSS < 300 MB. Each service is stopped and started on its own (`./pipeline"
                + " stop` / `start`) while the others and the embedded servers keep running, as a pod restarts: launch"
                + " to ready is from the `java` command to `/q/health/ready` answering 200 (Flyway validated, the"
                + " database reachable; readiness does not wait for Kafka). The referral service is restarted before"
                + " the warm-up, the other two at the end, with the pipeline idle. JVM options: `"
                + stack.serviceJavaOptions() + "`. RSS is the OS's resident set of each JVM: when ready after the"
                + " restart, at its peak over the run, and idle once the run's work was done.");
        report.line("");
    }

    private static String mb(Long bytes) {
        return bytes == null || bytes == 0 ? "n/a" : (bytes / (1024 * 1024)) + " MB";
    }
}
