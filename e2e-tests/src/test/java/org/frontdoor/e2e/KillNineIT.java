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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Referrals flow at a steady rate while each service in turn is killed with SIGKILL and started again. A
 * partner system retries a failed submission with the same Idempotency-Key, as the API asks. At the end:
 * every accepted referral is stored once, every child has exactly one triage item, and every message due
 * to the partner arrived, once per webhook-id (at least once on the wire; the webhook-id makes it once).
 */
class KillNineIT {

    private static final int REFERRALS = Integer.getInteger("e2e.kill.referrals", 500);
    private static final int PER_SECOND = Integer.getInteger("e2e.kill.rate", 10);
    private static final String ORG = "kill-run-academy";

    private static Pipeline pipeline;

    record Sent(int index, String key, String referralId, List<String> childIds, int attempts) {
    }

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void killingEachServiceInTurnLosesNothingAndSendsNothingTwice() throws Exception {
        try (Partner academy = Partner.subscribed(pipeline, ORG, "2A")) {
            academy.receiver().answerNext(500, 503, 500); // and the partner's own endpoint has a bad moment
            Map<Integer, Sent> sent = new ConcurrentHashMap<>();
            BlockingQueue<Sent> toDecide = new LinkedBlockingQueue<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger retries = new AtomicInteger();
            Set<String> decided = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REFERRALS; i = next.getAndIncrement()) {
                        long due = started + TimeUnit.MILLISECONDS.toNanos(i * 1000L / PER_SECOND);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            ServiceProcess.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                        }
                        try {
                            Sent s = submit(i, retries);
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
            ExecutorService decider = Executors.newSingleThreadExecutor();
            decider.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Sent s = toDecide.poll(1, TimeUnit.SECONDS);
                    if (s == null) {
                        if (senders.isTerminated()) {
                            return null;
                        }
                        continue;
                    }
                    try {
                        decideAll(s, decided);
                    } catch (RuntimeException e) {
                        failures.add("decision of referral " + s.index() + ": " + e.getMessage());
                    }
                }
                return null;
            });

            // kill -9 each service in turn while the referrals flow, and start it again
            Map<String, Long> downMillis = new HashMap<>();
            long runSeconds = REFERRALS / PER_SECOND;
            String[] victims = { "referral-service", "triage-service", "notification-service" };
            for (int v = 0; v < victims.length; v++) {
                long at = started + TimeUnit.SECONDS.toNanos(runSeconds * (v + 1) / 5);
                ServiceProcess.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime())));
                ServiceProcess service = pipeline.service(victims[v]);
                long down = System.nanoTime();
                service.kill();
                service.start();
                downMillis.put(victims[v], TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));
            }
            senders.shutdown();
            assertTrue(senders.awaitTermination(10, TimeUnit.MINUTES), "the senders finished");
            decider.shutdown();
            assertTrue(decider.awaitTermination(5, TimeUnit.MINUTES), "the decisions were made");
            long sendSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertEquals(List.of(), List.copyOf(failures));

            List<String> ids = sent.values().stream().map(Sent::referralId).toList();
            int children = sent.values().stream().mapToInt(s -> s.childIds().size()).sum();
            String idList = "('" + String.join("','", ids) + "')";
            long stored = pipeline.count("referral-service", "select count(*) from referral where organisation_id = '"
                    + ORG + "'");
            long storedOfOurs = pipeline.count("referral-service", "select count(*) from referral where id in " + idList);
            long distinctIds = new HashSet<>(ids).size();

            // every child of every referral reaches triage, once
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> pipeline.count(
                    "triage-service", "select count(*) from triage_item where referral_id in " + idList) >= children);
            long items = pipeline.count("triage-service", "select count(*) from triage_item where referral_id in "
                    + idList);
            long childrenWithOneItem = pipeline.count("triage-service", "select count(*) from (select child_id from"
                    + " triage_item where referral_id in " + idList + " group by child_id having count(*) = 1) x");
            long itemsOfOurChildren = pipeline.count("triage-service", "select count(*) from triage_item where"
                    + " child_id in ('" + String.join("','", sent.values().stream()
                            .flatMap(s -> s.childIds().stream()).toList()) + "')");

            // every message due to the partner: an acknowledgement per referral, an outcome per decided child
            int outcomesDue = decided.size();
            int due = ids.size() + outcomesDue;
            Set<String> ourIds = new HashSet<>(ids);
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> deliveredIds(
                    academy.receiver(), ourIds).size() >= due && pipeline.count("notification-service",
                            "select count(*) from notification where recipient_org = '" + ORG
                                    + "' and status = 'PENDING'") == 0);
            Map<String, List<WebhookReceiver.Request>> byWebhookId = deliveredIds(academy.receiver(), ourIds);
            Map<String, Integer> perMessage = new HashMap<>();
            for (List<WebhookReceiver.Request> deliveries : byWebhookId.values()) {
                JsonNode body = Actors.parse(deliveries.get(0).body());
                JsonNode data = body.get("data");
                String what = body.get("type").asText() + "/" + data.get("referralId").asText() + "/"
                        + data.path("childId").asText("-");
                perMessage.merge(what, 1, Integer::sum);
            }
            long redelivered = byWebhookId.values().stream().filter(d -> d.size() > 1).count();
            int maxPerId = byWebhookId.values().stream().mapToInt(List::size).max().orElse(0);
            long attemptsAtReceiver = academy.receiver().requests().size();
            long failedAtReceiver = academy.receiver().requests(r -> r.answeredWith() >= 300).size();
            long sentInDb = pipeline.count("notification-service", "select count(*) from notification where"
                    + " recipient_org = '" + ORG + "' and status = 'SENT'");
            long acksDelivered = perMessage.keySet().stream().filter(k -> k.startsWith("referral.acknowledged/")).count();
            long outcomesDelivered = perMessage.keySet().stream().filter(k -> k.startsWith("referral.outcome/")).count();

            System.out.printf("kill -9 run: referrals sent %d (%d children) at %d/s over %d s, client retries %d;"
                    + " stored %d, lost %d, duplicated %d%n", ids.size(), children, PER_SECOND, sendSeconds,
                    retries.get(), stored, ids.size() - storedOfOurs, stored - distinctIds);
            System.out.printf("kill -9 run: restarted after SIGKILL in ms: %s%n", downMillis);
            System.out.printf("kill -9 run: triage items %d for %d children, children with exactly one item %d%n",
                    items, children, childrenWithOneItem);
            System.out.printf("kill -9 run: notifications due %d (%d acknowledgements, %d outcomes), delivered %d"
                    + " distinct webhook-ids (%d acknowledgements, %d outcomes), webhook-ids delivered more than once"
                    + " %d (at most %d times), receiver requests %d (%d answered with an error), SENT in the database"
                    + " %d%n", due, ids.size(), outcomesDue, byWebhookId.size(), acksDelivered, outcomesDelivered,
                    redelivered, maxPerId, attemptsAtReceiver, failedAtReceiver, sentInDb);

            assertEquals(REFERRALS, ids.size(), "every referral accepted in the end");
            assertEquals(REFERRALS, distinctIds, "one referral per idempotency key");
            assertEquals(ids.size(), storedOfOurs, "none lost");
            assertEquals(distinctIds, stored, "none duplicated");
            assertEquals(children, items, "one triage item per child");
            assertEquals(children, childrenWithOneItem, "exactly one triage item per child");
            assertEquals(children, itemsOfOurChildren);
            assertEquals(due, byWebhookId.size(), "every due notification delivered, one webhook-id each");
            assertTrue(perMessage.values().stream().allMatch(n -> n == 1),
                    "one webhook-id per message: " + perMessage.entrySet().stream().filter(e -> e.getValue() > 1)
                            .toList());
            assertEquals(ids.size(), acksDelivered, "an acknowledgement per referral");
            assertEquals(outcomesDue, outcomesDelivered, "an outcome per decided child");
            assertEquals(due, sentInDb, "every notification recorded as sent");
            academy.assertSignaturesVerify();
        }
    }

    /** The deliveries the partner answered with 2xx, per webhook-id, of these referrals. */
    private static Map<String, List<WebhookReceiver.Request>> deliveredIds(WebhookReceiver receiver, Set<String> referralIds) {
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
    private static Sent submit(int i, AtomicInteger retries) {
        String key = "KILL-" + i;
        Referral referral = Referral.from("2A").referrer("organisationName", "Kill Run Academy")
                .referrer("email", "dsl@killrun.example").referrer("externalReference", key)
                .summary("Referral " + i + " of the kill run.")
                .child("Child", Actors.surname("Kill"), "2015-01-01", "U", "DN1 2AB");
        if (i % 5 == 0) {
            referral.child("Sibling", Actors.surname("Kill"), "2017-01-01", "U", "DN1 2AB");
        }
        String body = referral.json();
        String token = pipeline.token("partner", ORG);
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int attempts = 0;
        String last = "";
        while (System.nanoTime() < giveUp) {
            attempts++;
            try {
                Http.Reply reply = Http.postJson(pipeline.referral() + "/api/v1/referrals", token, body,
                        Map.of("Idempotency-Key", key));
                if (reply.status() == 201 || reply.status() == 200) {
                    JsonNode created = reply.json();
                    List<String> childIds = new ArrayList<>();
                    created.get("children").forEach(c -> childIds.add(c.get("childId").asText()));
                    return new Sent(i, key, created.get("referralId").asText(), childIds, attempts);
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
                last = e.getMessage(); // the service is down: try again shortly
            }
            retries.incrementAndGet();
            ServiceProcess.sleep(250);
        }
        throw new IllegalStateException("not accepted within 3 minutes; last: " + last);
    }

    /** A worker decides each child of the referral: information and advice (level 1), retrying through restarts. */
    private static void decideAll(Sent s, Set<String> decided) {
        String worker = pipeline.token("triage-worker");
        Map<String, Object> decision = Map.of("level", 1, "outcome", "INFORMATION_AND_ADVICE",
                "rationale", "Universal needs; advice given to the school.",
                "referrerFeedback", "Information and advice: the school nurse can support.");
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        Set<String> remaining = new HashSet<>(s.childIds());
        while (!remaining.isEmpty() && System.nanoTime() < giveUp) {
            try {
                Http.Reply list = Http.get(pipeline.triage() + "/api/v1/triage-items?status=DECIDED&referralId="
                        + s.referralId(), worker);
                if (list.status() == 200) {
                    list.json().get("items").forEach(it -> {
                        if (remaining.remove(it.get("childId").asText())) {
                            decided.add(it.get("childId").asText());
                        }
                    });
                }
                Http.Reply open = Http.get(pipeline.triage() + "/api/v1/triage-items?referralId=" + s.referralId(),
                        worker);
                if (open.status() == 200) {
                    for (JsonNode it : open.json().get("items")) {
                        String id = it.get("id").asText();
                        Actors.post(pipeline.triage() + "/api/v1/triage-items/" + id + "/claim", worker, Map.of());
                        Http.Reply d = Actors.post(pipeline.triage() + "/api/v1/triage-items/" + id + "/decision",
                                worker, decision);
                        if (d.status() == 200) {
                            remaining.remove(it.get("childId").asText());
                            decided.add(it.get("childId").asText());
                        }
                    }
                }
            } catch (IllegalStateException e) {
                // the triage service is down: try again shortly
            }
            if (!remaining.isEmpty()) {
                ServiceProcess.sleep(500);
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalStateException("children not decided within 4 minutes: " + remaining);
        }
    }
}
