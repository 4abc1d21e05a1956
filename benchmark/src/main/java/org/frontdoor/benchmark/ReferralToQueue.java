package org.frontdoor.benchmark;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Referral accepted to its triage items in the queue, at a steady rate offered (an open loop). */
final class ReferralToQueue {

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report;
    private final List<String> ids = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong errors = new AtomicLong();

    ReferralToQueue(LocalStack stack, StackHttp http, Report report) {
        this.stack = stack;
        this.http = http;
        this.report = report;
    }

    void run(int ratePerSecond, Duration duration) throws Exception {
        String partner = http.token("partner", "hillside-primary");
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        offer(pool, start, ratePerSecond, duration, partner);
        double achieved = ids.size() / (Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
        // every referral's children queued: latency from receipt (referral service) to queue (triage service)
        String idList = "'" + String.join("','", ids) + "'";
        int queued = waitForQueue(idList);
        Latencies latencies = latencies(idList);
        report.line("## End to end");
        report.line("");
        report.line(String.format("**Referral accepted → its triage item in the queue**, at a steady %d referrals/s"
                + " offered for %d s (achieved %.0f/s, %d accepted, %d errors): %d of %d referrals queued; per child,"
                + " %s (from the referral's receivedAt to the item's queuedAt). Target: p99 < 1 s at 200 referrals/s.",
                ratePerSecond, duration.toSeconds(), achieved, ids.size(), errors.get(), queued, ids.size(),
                latencies.summary()));
        report.line("");
        System.out.printf("referral -> queue at %d/s offered (%.0f/s achieved): %s%n", ratePerSecond, achieved,
                latencies.summary());
    }

    /** Referrals sent at {@code ratePerSecond} whatever the answers' pace, each on a thread of its own. */
    private void offer(ExecutorService pool, long start, int ratePerSecond, Duration duration, String partner)
            throws InterruptedException {
        long total = ratePerSecond * duration.toSeconds();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / ratePerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.submit(() -> {
                HttpResponse<String> reply = http.refer(partner);
                if (reply != null && reply.statusCode() == 201) {
                    ids.add(StackHttp.json(reply.body()).get("referralId").asText());
                } else {
                    errors.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
    }

    /** How many of the referrals have their triage items, once all have or after 3 minutes. */
    private int waitForQueue(String idList) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int queued = 0;
        while (System.nanoTime() < deadline) {
            queued = (int) stack.count("triage", "select count(distinct referral_id) from triage_item where"
                    + " referral_id in (" + idList + ")");
            if (queued >= ids.size()) {
                break;
            }
            Thread.sleep(500);
        }
        return queued;
    }

    private Latencies latencies(String idList) throws Exception {
        Latencies latencies = new Latencies();
        try (Connection c = stack.connect("triage"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select extract(epoch from (queued_at - received_at)) * 1000000"
                        + " from triage_item where referral_id in (" + idList + ")")) {
            while (rs.next()) {
                latencies.add(rs.getLong(1));
            }
        }
        return latencies;
    }
}
