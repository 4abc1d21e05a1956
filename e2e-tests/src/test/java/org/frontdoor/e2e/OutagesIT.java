package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker or the database goes away for a while: intake degrades clearly and recovers by itself. */
class OutagesIT {

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void withKafkaStoppedFor30SecondsIntakeKeepsAnsweringAndEverythingFlowsAfterwards() {
        String partner = pipeline.token("partner", "hillside-primary");
        pipeline.stopKafka();
        List<String> accepted = new ArrayList<>();
        long stoppedAt = System.nanoTime();
        try {
            while (System.nanoTime() - stoppedAt < Duration.ofSeconds(30).toNanos()) {
                Http.Reply reply = Http.postJson(pipeline.referral() + "/api/v1/referrals", partner,
                        HostileInputIT.referral("Seen crying at the gate again.", "Outage" + accepted.size()),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertEquals(201, reply.status(), reply.body());
                accepted.add(reply.json().get("referralId").asText());
                ServiceProcess.sleep(2000);
            }
            // every pod stays in its Service (readiness is the database's, not the broker's), and the outage shows
            // where ops look: the outbox gauges the alerts watch
            for (String service : List.of("referral-service", "triage-service", "notification-service")) {
                Http.Reply ready = Http.get(pipeline.service(service).url() + "/q/health/ready", null);
                assertEquals(200, ready.status(), service + " ready through the outage: " + ready.body());
            }
            String metrics = Http.get(pipeline.referral() + "/q/metrics", null).body();
            double pending = gauge(metrics, "frontdoor_outbox_pending");
            double oldest = gauge(metrics, "frontdoor_outbox_oldest_pending_seconds");
            System.out.printf("kafka outage: outbox pending %.0f, oldest %.0f s, intake ready%n", pending, oldest);
            assertTrue(pending >= 2 * accepted.size(), "two events a contact wait: " + pending);
            assertTrue(oldest >= 20, "the oldest has waited most of the outage: " + oldest);
        } finally {
            pipeline.startKafka();
        }
        System.out.printf("kafka outage: %d referrals accepted while the broker was down%n", accepted.size());
        assertTrue(accepted.size() >= 10);

        String ops = pipeline.token("ops");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Http.Reply outbox = Http.get(pipeline.referral() + "/api/v1/ops/outbox", ops);
            assertEquals(0, outbox.json().get("pending").asInt(), outbox.body());
        });
        String ids = String.join("','", accepted);
        // each contact has two events: referral.received for triage, referral.logged for notification
        for (String type : List.of("referral.received", "referral.logged")) {
            assertEquals(accepted.size(), pipeline.count("referral-service", "select count(*) from outbox_event"
                    + " where published_at is not null and event_type = '" + type + "' and message_key in ('" + ids
                    + "')"), "every " + type + " reached the broker");
        }
    }

    /** A gauge's value in a Prometheus text exposition (the line without labels). */
    static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no gauge " + name));
    }

    @Test
    void withItsDatabaseStoppedIntakeAnswers503QuicklyAndRecoversByItself() {
        String partner = pipeline.token("partner", "hillside-primary");
        pipeline.stopReferralDb();
        try {
            long start = System.nanoTime();
            Http.Reply reply = Http.postJson(pipeline.referral() + "/api/v1/referrals", partner,
                    HostileInputIT.referral("Bruise on the left arm.", "Dbdown"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.printf("database outage: intake answered %d in %d ms%n", reply.status(), millis);
            assertEquals(503, reply.status(), reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertTrue(millis < 8000, "no hang: " + millis + " ms");
        } finally {
            pipeline.startReferralDb();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Reply reply = Http.postJson(pipeline.referral() + "/api/v1/referrals", partner,
                    HostileInputIT.referral("Bruise on the left arm.", "Dbback"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, reply.status(), reply.body());
        });
    }
}
