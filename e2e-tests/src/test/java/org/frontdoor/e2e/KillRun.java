package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontdoor.e2e.Actors.Partner;
import org.frontdoor.e2e.Actors.Referral;
import org.frontdoor.testsupport.WebhookReceiver;

/**
 * What the kill -9 runs share: a partner system submitting referrals at a steady rate (retrying a failed submission
 * with the same Idempotency-Key, as the API asks, on the next address it knows), and a worker deciding every tenth
 * referral's children, through whatever restarts. With several instances of a service, attempt {@code k} of a
 * request goes to address {@code (i + k) mod n}: the load spread over them, and a retry landing on another instance.
 */
final class KillRun {

    record Sent(int index, String key, String referralId, List<String> childIds, int attempts) {
    }

    private final Pipeline pipeline;
    private final String org;
    private final String keyPrefix;
    private final List<String> referralUrls;
    private final List<String> triageUrls;

    final Map<Integer, Sent> sent = new ConcurrentHashMap<>();
    final Set<String> decided = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger retries = new AtomicInteger();
    private final BlockingQueue<Sent> toDecide = new LinkedBlockingQueue<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private final ExecutorService decider = Executors.newSingleThreadExecutor();
    private long started;

    KillRun(Pipeline pipeline, String org, String keyPrefix, List<String> referralUrls, List<String> triageUrls) {
        this.pipeline = pipeline;
        this.org = org;
        this.keyPrefix = keyPrefix;
        this.referralUrls = referralUrls;
        this.triageUrls = triageUrls;
    }

    /** Starts the senders ({@code referrals} at {@code perSecond}) and the decider; returns when the flow began. */
    long start(int referrals, int perSecond) {
        started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < referrals; i = next.getAndIncrement()) {
                    long wait = started + TimeUnit.MILLISECONDS.toNanos(i * 1000L / perSecond) - System.nanoTime();
                    if (wait > 0) {
                        ServiceProcess.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                    }
                    try {
                        Sent s = submit(i);
                        sent.put(i, s);
                        if (i % 10 == 0) {
                            toDecide.add(s);
                        }
                    } catch (RuntimeException e) {
                        failures.add("referral " + i + ": " + e.getMessage());
                    }
                }
                return null;
            });
        }
        decider.submit(this::decideAsTheyCome);
        return started;
    }

    private Void decideAsTheyCome() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Sent s = toDecide.poll(1, TimeUnit.SECONDS);
            if (s == null) {
                if (senders.isTerminated()) {
                    return null;
                }
                continue;
            }
            try {
                decideAll(s);
            } catch (RuntimeException e) {
                failures.add("decision of referral " + s.index() + ": " + e.getMessage());
            }
        }
        return null;
    }

    /** Waits for every referral to be accepted and every decision made; the seconds since the start. */
    long finish() throws InterruptedException {
        senders.shutdown();
        assertTrue(senders.awaitTermination(10, TimeUnit.MINUTES), "the senders finished");
        decider.shutdown();
        assertTrue(decider.awaitTermination(5, TimeUnit.MINUTES), "the decisions were made");
        assertEquals(List.of(), List.copyOf(failures));
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    List<String> referralIds() {
        return sent.values().stream().map(Sent::referralId).toList();
    }

    List<String> childIds() {
        return sent.values().stream().flatMap(s -> s.childIds().stream()).toList();
    }

    /**
     * Every accepted referral stored once, every child with exactly one triage item, and every message due to the
     * partner delivered, once per webhook-id (at least once on the wire; the webhook-id makes it once).
     */
    void assertNothingLostOrTwice(String run, int referrals, Partner academy) {
        List<String> ids = referralIds();
        int children = childIds().size();
        String idList = "('" + String.join("','", ids) + "')";
        long stored = pipeline.count("referral-service", "select count(*) from referral where organisation_id = '"
                + org + "'");
        long storedOfOurs = pipeline.count("referral-service", "select count(*) from referral where id in " + idList);
        long distinctIds = new HashSet<>(ids).size();
        // every child of every referral reaches triage, once
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> pipeline.count(
                "triage-service", "select count(*) from triage_item where referral_id in " + idList) >= children);
        long items = pipeline.count("triage-service", "select count(*) from triage_item where referral_id in " + idList);
        long childrenWithOneItem = pipeline.count("triage-service", "select count(*) from (select child_id from"
                + " triage_item where referral_id in " + idList + " group by child_id having count(*) = 1) x");
        long itemsOfOurChildren = pipeline.count("triage-service", "select count(*) from triage_item where"
                + " child_id in ('" + String.join("','", childIds()) + "')");
        System.out.printf("%s: referrals sent %d (%d children), client retries %d; stored %d, lost %d, duplicated %d%n",
                run, ids.size(), children, retries.get(), stored, ids.size() - storedOfOurs, stored - distinctIds);
        System.out.printf("%s: triage items %d for %d children, children with exactly one item %d%n", run, items,
                children, childrenWithOneItem);
        assertEquals(referrals, ids.size(), "every referral accepted in the end");
        assertEquals(referrals, distinctIds, "one referral per idempotency key");
        assertEquals(ids.size(), storedOfOurs, "none lost");
        assertEquals(distinctIds, stored, "none duplicated");
        assertEquals(children, items, "one triage item per child");
        assertEquals(children, childrenWithOneItem, "exactly one triage item per child");
        assertEquals(children, itemsOfOurChildren);
        assertEveryMessageOnce(run, academy);
    }

    /** An acknowledgement per referral and an outcome per decided child, each delivered under one webhook-id. */
    private void assertEveryMessageOnce(String run, Partner academy) {
        List<String> ids = referralIds();
        int outcomesDue = decided.size();
        int due = ids.size() + outcomesDue;
        Set<String> ourIds = new HashSet<>(ids);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> deliveredIds(
                academy.receiver(), ourIds).size() >= due && pipeline.count("notification-service",
                        "select count(*) from notification where recipient_org = '" + org
                                + "' and status = 'PENDING'") == 0);
        Map<String, List<WebhookReceiver.Request>> byWebhookId = deliveredIds(academy.receiver(), ourIds);
        Map<String, Integer> perMessage = new HashMap<>();
        for (List<WebhookReceiver.Request> deliveries : byWebhookId.values()) {
            JsonNode body = Actors.parse(deliveries.get(0).body());
            JsonNode data = body.get("data");
            perMessage.merge(body.get("type").asText() + "/" + data.get("referralId").asText() + "/"
                    + data.path("childId").asText("-"), 1, Integer::sum);
        }
        long redelivered = byWebhookId.values().stream().filter(d -> d.size() > 1).count();
        long sentInDb = pipeline.count("notification-service", "select count(*) from notification where"
                + " recipient_org = '" + org + "' and status = 'SENT'");
        long acks = perMessage.keySet().stream().filter(k -> k.startsWith("referral.acknowledged/")).count();
        long outcomes = perMessage.keySet().stream().filter(k -> k.startsWith("referral.outcome/")).count();
        System.out.printf("%s: notifications due %d (%d acknowledgements, %d outcomes), delivered %d distinct"
                + " webhook-ids (%d acknowledgements, %d outcomes), webhook-ids delivered more than once %d, receiver"
                + " requests %d (%d answered with an error), SENT in the database %d%n", run, due, ids.size(),
                outcomesDue, byWebhookId.size(), acks, outcomes, redelivered, academy.receiver().requests().size(),
                academy.receiver().requests(r -> r.answeredWith() >= 300).size(), sentInDb);
        assertEquals(due, byWebhookId.size(), "every due notification delivered, one webhook-id each");
        assertTrue(perMessage.values().stream().allMatch(n -> n == 1), "one webhook-id per message: "
                + perMessage.entrySet().stream().filter(e -> e.getValue() > 1).toList());
        assertEquals(ids.size(), acks, "an acknowledgement per referral");
        assertEquals(outcomesDue, outcomes, "an outcome per decided child");
        assertEquals(due, sentInDb, "every notification recorded as sent");
        academy.assertSignaturesVerify();
    }

    /** The deliveries the partner answered with 2xx, per webhook-id, of these referrals. */
    private static Map<String, List<WebhookReceiver.Request>> deliveredIds(WebhookReceiver receiver,
            Set<String> referralIds) {
        Map<String, List<WebhookReceiver.Request>> out = new HashMap<>();
        for (WebhookReceiver.Request r : receiver.requests(r -> r.answeredWith() < 300)) {
            String referralId = Actors.parse(r.body()).path("data").path("referralId").asText();
            if (referralIds.contains(referralId)) {
                out.computeIfAbsent(r.header("webhook-id"), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    /** Submits referral i, retrying with the same key and body until it is accepted, as a partner system does. */
    private Sent submit(int i) {
        String key = keyPrefix + i;
        Referral referral = Referral.from("2A").referrer("organisationName", "Kill Run Academy")
                .referrer("email", "dsl@killrun.example").referrer("externalReference", key)
                .summary("Referral " + i + " of the kill run.")
                .child("Child", Actors.surname("Kill"), "2015-01-01", "U", "DN1 2AB");
        if (i % 5 == 0) {
            referral.child("Sibling", Actors.surname("Kill"), "2017-01-01", "U", "DN1 2AB");
        }
        String body = referral.json();
        String token = pipeline.token("partner", org);
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int attempts = 0;
        String last = "";
        while (System.nanoTime() < giveUp) {
            String url = referralUrls.get((i + attempts++) % referralUrls.size());
            try {
                Http.Reply reply = Http.postJson(url + "/api/v1/referrals", token, body, Map.of("Idempotency-Key", key));
                if (reply.status() == 201 || reply.status() == 200) {
                    List<String> childIds = new ArrayList<>();
                    reply.json().get("children").forEach(c -> childIds.add(c.get("childId").asText()));
                    return new Sent(i, key, reply.json().get("referralId").asText(), childIds, attempts);
                }
                // the same key with the same body is never a conflict (409): that would be a service bug
                if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 429) {
                    throw new IllegalStateException("refused with " + reply.status() + ": " + reply.body());
                }
                last = reply.status() + " " + reply.body();
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("refused")) {
                    throw e;
                }
                last = e.getMessage(); // the instance is down: try again shortly
            }
            retries.incrementAndGet();
            ServiceProcess.sleep(250);
        }
        throw new IllegalStateException("not accepted within 3 minutes; last: " + last);
    }

    /** A worker decides each child of the referral: information and advice (level 1), retrying through restarts. */
    private void decideAll(Sent s) {
        String worker = pipeline.token("triage-worker");
        Map<String, Object> decision = Map.of("level", 1, "outcome", "INFORMATION_AND_ADVICE",
                "rationale", "Universal needs; advice given to the school.",
                "referrerFeedback", "Information and advice: the school nurse can support.");
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        Set<String> remaining = new HashSet<>(s.childIds());
        for (int attempt = 0; !remaining.isEmpty() && System.nanoTime() < giveUp; attempt++) {
            String triage = triageUrls.get((s.index() / 10 + attempt) % triageUrls.size());
            try {
                decideOpen(triage, worker, s, decision, remaining);
            } catch (IllegalStateException e) {
                // the instance is down: try again shortly
            }
            if (!remaining.isEmpty()) {
                ServiceProcess.sleep(500);
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalStateException("children not decided within 4 minutes: " + remaining);
        }
    }

    private void decideOpen(String triage, String worker, Sent s, Map<String, Object> decision,
            Set<String> remaining) {
        Http.Reply list = Http.get(triage + "/api/v1/triage-items?status=DECIDED&referralId=" + s.referralId(),
                worker);
        if (list.status() == 200) {
            list.json().get("items").forEach(it -> {
                if (remaining.remove(it.get("childId").asText())) {
                    decided.add(it.get("childId").asText());
                }
            });
        }
        Http.Reply open = Http.get(triage + "/api/v1/triage-items?referralId=" + s.referralId(), worker);
        if (open.status() == 200) {
            for (JsonNode it : open.json().get("items")) {
                String id = it.get("id").asText();
                Actors.post(triage + "/api/v1/triage-items/" + id + "/claim", worker, Map.of());
                Http.Reply d = Actors.post(triage + "/api/v1/triage-items/" + id + "/decision", worker, decision);
                if (d.status() == 200) {
                    remaining.remove(it.get("childId").asText());
                    decided.add(it.get("childId").asText());
                }
            }
        }
    }
}
