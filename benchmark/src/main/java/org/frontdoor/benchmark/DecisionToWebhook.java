package org.frontdoor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Decision posted to outcome delivered: a school of its own subscribes a local HTTP receiver, refers, and each of
 * its children is decided at a steady 10 a second; the time from each decision to its outcome at the receiver.
 */
final class DecisionToWebhook {

    private static final String DECISION = "{\"level\": 1, \"outcome\": \"INFORMATION_AND_ADVICE\", \"rationale\":"
            + " \"Needs met by the school with advice.\", \"referrerFeedback\": \"Advice given; no further action by"
            + " the front door.\", \"levelOverrideReason\": \"School support is already in place.\"}";

    /** A referral sent, and its first child's triage item once it is queued. */
    private static final class Item {
        final String referralId;
        String itemId;
        String childId;

        Item(String referralId) {
            this.referralId = referralId;
        }
    }

    private final StackHttp http;
    private final Report report;
    // child id -> when its outcome arrived at the receiver
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    // child id -> when its decision was posted
    private final Map<String, Long> decidedAt = new LinkedHashMap<>();

    DecisionToWebhook(StackHttp http, Report report) {
        this.http = http;
        this.report = report;
    }

    void run(int decisions) throws Exception {
        String org = "bench-school-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = http.token("partner", org);
        HttpServer receiver = receiver();
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        admit(org, partner);
        int subscribed = http.put(StackHttp.NOTIFICATION + "/subscriptions", partner,
                "{\"callbackUrl\": \"" + callback + "\", \"secret\": \"bench-secret-that-is-long-enough-0123456789\"}");
        // the demo triage worker of the local run's staff directory
        String worker = http.token("triage-worker");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            HttpResponse<String> reply = http.refer(partner);
            if (reply != null && reply.statusCode() == 201) {
                items.add(new Item(StackHttp.json(reply.body()).get("referralId").asText()));
            }
        }
        for (Item item : items) {
            waitForQueue(item, worker);
        }
        int refused = decide(items, worker);
        Latencies latencies = delivered();
        receiver.stop(0);
        report.line(String.format("**Decision posted → outcome delivered to the partner's webhook** (a local HTTP"
                + " receiver), %d decisions at a steady 10/s, subscription answered %d: %d of %d delivered, %s; %d"
                + " decisions refused. Target: p99 < 1 s (at 200 referrals/s; measured here without background load).",
                decidedAt.size(), subscribed, latencies.count(), decidedAt.size(), latencies.summary(), refused));
        report.line("");
        System.out.printf("decision -> webhook: %d delivered, %s%n", latencies.count(), latencies.summary());
    }

    /** The partner's webhook: notes when each child's outcome arrives. */
    private HttpServer receiver() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            JsonNode message = StackHttp.json(body);
            if ("referral.outcome".equals(message.path("type").asText())) {
                arrived.putIfAbsent(message.path("data").path("childId").asText(), now);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        return receiver;
    }

    /**
     * The benchmark's school in the partner directory, and waited for in intake's copy: the directory is the gate
     * (a partner it does not list is refused everywhere).
     */
    private void admit(String org, String partner) throws InterruptedException {
        http.post(StackHttp.NOTIFICATION + "/partners", http.token("front-door"), "{\"id\": \"" + org + "\", \"name\":"
                + " \"Bench School\", \"agencyType\": \"SCHOOL\", \"cinSourceCode\": \"2A\"}", Map.of());
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> reply = http.get("http://127.0.0.1:8081/api/v1/indicators", partner);
        while ((reply == null || reply.statusCode() != 200) && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            reply = http.get("http://127.0.0.1:8081/api/v1/indicators", partner);
        }
    }

    /** Waits up to a minute for the referral's first child to be in the queue. */
    private void waitForQueue(Item item, String worker) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (item.itemId == null && System.nanoTime() < until) {
            HttpResponse<String> list = http.get(StackHttp.TRIAGE + "/triage-items?referralId=" + item.referralId,
                    worker);
            JsonNode found = list == null ? null : StackHttp.json(list.body()).path("items");
            if (found != null && found.size() > 0) {
                item.itemId = found.get(0).get("id").asText();
                item.childId = found.get(0).get("childId").asText();
            } else {
                Thread.sleep(100);
            }
        }
    }

    /** Claims and decides each queued item, 10 a second; the number of decisions refused. */
    private int decide(List<Item> items, String worker) throws InterruptedException {
        int refused = 0;
        for (Item item : items) {
            if (item.itemId == null) {
                continue;
            }
            http.post(StackHttp.TRIAGE + "/triage-items/" + item.itemId + "/claim", worker, "{}", Map.of());
            long t0 = System.nanoTime();
            int status = http.post(StackHttp.TRIAGE + "/triage-items/" + item.itemId + "/decision", worker, DECISION,
                    Map.of());
            if (status == 200) {
                decidedAt.put(item.childId, t0);
            } else {
                refused++;
            }
            Thread.sleep(100); // a steady 10 decisions a second
        }
        return refused;
    }

    /** Waits up to a minute for every decided child's outcome; the latencies of those that came. */
    private Latencies delivered() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (arrived.keySet().stream().filter(decidedAt::containsKey).count() < decidedAt.size()
                && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        Latencies latencies = new Latencies();
        decidedAt.forEach((child, t0) -> {
            Long t1 = arrived.get(child);
            if (t1 != null) {
                latencies.add((t1 - t0) / 1000);
            }
        });
        return latencies;
    }
}
