package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.frontdoor.events.EventJson;
import org.frontdoor.testsupport.WebhookReceiver;

/** The people and systems of the journeys, speaking plain HTTP to the running services. */
final class Actors {

    private Actors() {
    }

    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** A unique surname of letters only, so that no two journeys' children are matched to each other. */
    static String surname(String prefix) {
        String id = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 26);
        StringBuilder s = new StringBuilder(prefix);
        for (char c : id.toCharArray()) {
            s.append((char) (Character.isDigit(c) ? 'a' + (c - '0') : 'k' + (c - 'a')));
        }
        return s.toString();
    }

    /** A valid NHS number (modulus 11 check digit) no other test has: a child of its own. */
    static String nhsNumber() {
        java.util.Random random = new SecureRandom();
        while (true) {
            StringBuilder digits = new StringBuilder("4"); // England's range starts 4 to 7
            int sum = 4 * 10;
            for (int i = 1; i < 9; i++) {
                int d = random.nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return digits.append(check == 11 ? 0 : check).toString();
            }
        }
    }

    /** A partner organisation with its own webhook receiver, subscribed with a Standard Webhooks secret. */
    record Partner(String org, String token, String secret, WebhookReceiver receiver) implements AutoCloseable {

        /** In the partner directory (as the front door keeps it) and subscribed to webhooks. */
        static Partner subscribed(Pipeline pipeline, String org) {
            return subscribed(pipeline, org, "8");
        }

        /**
         * As {@link #subscribed(Pipeline, String)}, with the CIN source code the directory gives the organisation:
         * the only one intake takes from its system (issue 24).
         */
        static Partner subscribed(Pipeline pipeline, String org, String sourceCode) {
            return subscribed(pipeline, org, sourceCode, "OTHER");
        }

        /** As {@link #subscribed(Pipeline, String, String)}, of an agency type (POLICE, HEALTH, ...). */
        static Partner subscribed(Pipeline pipeline, String org, String sourceCode, String agencyType) {
            inDirectory(pipeline, org, sourceCode, agencyType);
            WebhookReceiver receiver = WebhookReceiver.start();
            String token = pipeline.token("partner", org);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
            Http.Reply reply = Http.send("PUT", pipeline.notification() + "/api/v1/subscriptions", token,
                    "application/json", json(Map.of("callbackUrl", receiver.url(), "secret", secret))
                            .getBytes(StandardCharsets.UTF_8), Map.of());
            assertEquals(200, reply.status(), "subscribe " + org + ": " + reply.body());
            return new Partner(org, token, secret, receiver);
        }

        /** Added to the partner directory unless there already, and waited for in triage's and intake's copies. */
        static void inDirectory(Pipeline pipeline, String org) {
            inDirectory(pipeline, org, "8");
        }

        static void inDirectory(Pipeline pipeline, String org, String sourceCode) {
            inDirectory(pipeline, org, sourceCode, "OTHER");
        }

        /** Of an agency type, with the contact emails the directory sends to when there is no webhook. */
        static void inDirectory(Pipeline pipeline, String org, String sourceCode, String agencyType,
                String... contactEmails) {
            Http.Reply added = Http.send("POST", pipeline.notification() + "/api/v1/partners",
                    pipeline.token("front-door"), "application/json", json(Map.of("id", org, "name", org,
                            "agencyType", agencyType, "cinSourceCode", sourceCode,
                            "contactEmails", List.of(contactEmails))).getBytes(StandardCharsets.UTF_8),
                    Map.of());
            assertTrue(added.status() == 201 || added.status() == 409, "add " + org + ": " + added.body());
            String known = "select count(*) from partner_directory_copy where id = '" + org + "'";
            await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.count("triage-service", known) == 1
                    && pipeline.count("referral-service", known) == 1);
        }

        /** The webhook bodies received about this referral, as JSON, first delivery of each webhook-id only. */
        List<JsonNode> messages(String referralId) {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            for (WebhookReceiver.Request r : receiver.requestsWith(referralId)) {
                if (r.answeredWith() < 300) {
                    byId.putIfAbsent(r.header("webhook-id"), parse(r.body()));
                }
            }
            return new ArrayList<>(byId.values());
        }

        List<JsonNode> messages(String referralId, String type) {
            return messages(referralId).stream().filter(m -> type.equals(m.path("type").asText())).toList();
        }

        /** Standard Webhooks: v1,base64(HMAC-SHA256(key, "id.timestamp.body")) on every request received. */
        void assertSignaturesVerify() {
            for (WebhookReceiver.Request r : receiver.requests()) {
                try {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                    mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(
                            secret.substring("whsec_".length())), "HmacSHA256"));
                    String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                            (r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body())
                                    .getBytes(StandardCharsets.UTF_8)));
                    assertTrue(
                            List.of(r.header("webhook-signature").split(" ")).contains(expected),
                            org + ": signature of " + r.header("webhook-id") + " does not verify");
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void close() {
            receiver.close();
        }
    }

    /** A referral body. */
    static final class Referral {
        private final Map<String, Object> referrer = new LinkedHashMap<>();
        private final List<Map<String, Object>> children = new ArrayList<>();
        private final List<String> indicators = new ArrayList<>();
        private boolean immediateRisk;
        private String summary = "Concerned about the child's wellbeing.";

        static Referral from(String sourceCode) {
            Referral r = new Referral();
            r.referrer.put("sourceCode", sourceCode);
            return r;
        }

        Referral referrer(String key, String value) {
            referrer.put(key, value);
            return this;
        }

        Referral child(String firstName, String lastName, String dateOfBirth, String gender, String postcode) {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("firstName", firstName);
            child.put("lastName", lastName);
            child.put("dateOfBirth", dateOfBirth);
            child.put("gender", gender);
            child.put("address", Map.of("line1", "4 Mill Lane", "town", "Doncaster", "postcode", postcode));
            children.add(child);
            return this;
        }

        /** A child without an address: the police and the public often give none. */
        Referral childWithoutAddress(String firstName, String lastName, String dateOfBirth, String gender) {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("firstName", firstName);
            child.put("lastName", lastName);
            child.put("dateOfBirth", dateOfBirth);
            child.put("gender", gender);
            children.add(child);
            return this;
        }

        /** The last child named has this NHS number. */
        Referral nhsNumber(String nhsNumber) {
            children.get(children.size() - 1).put("nhsNumber", nhsNumber);
            return this;
        }

        /** The last child named is a care leaver (a young adult of 18 to 25 must be). */
        Referral careLeaver() {
            children.get(children.size() - 1).put("careLeaver", true);
            return this;
        }

        Referral indicators(String... codes) {
            indicators.addAll(List.of(codes));
            return this;
        }

        Referral immediateRisk() {
            immediateRisk = true;
            return this;
        }

        Referral summary(String text) {
            summary = text;
            return this;
        }

        String json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("referrer", referrer);
            body.put("children", children);
            body.put("concerns", Map.of("summary", summary, "indicators", indicators, "immediateRisk", immediateRisk));
            body.put("consent", Map.of("familyAware", true, "consentGiven", true));
            return Actors.json(body);
        }
    }

    /** Posts a referral; asserts 201 and returns the answer. */
    static JsonNode refer(Pipeline pipeline, String token, Referral referral) {
        Http.Reply reply = Http.postJson(pipeline.referral() + "/api/v1/referrals", token, referral.json(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** The triage items of a referral once all its children are queued, in child order. */
    static List<JsonNode> triageItems(Pipeline pipeline, String referralId, int children) {
        String worker = pipeline.token("triage-worker");
        AtomicReference<List<JsonNode>> items = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<JsonNode> found = new ArrayList<>();
            for (String status : List.of("NEW", "IN_PROGRESS", "AWAITING_APPROVAL", "DECIDED")) {
                Http.Reply reply = Http.get(pipeline.triage() + "/api/v1/triage-items?status=" + status
                        + "&referralId=" + referralId, worker);
                assertEquals(200, reply.status(), reply.body());
                reply.json().get("items").forEach(found::add);
            }
            assertEquals(children, found.size(), "triage items of referral " + referralId);
            items.set(found);
        });
        List<JsonNode> full = new ArrayList<>();
        for (JsonNode summary : items.get()) {
            full.add(triageItem(pipeline, summary.get("id").asText()));
        }
        full.sort(java.util.Comparator.comparing(i -> i.get("referral").get("child").get("position").asInt()));
        return full;
    }

    static JsonNode triageItem(Pipeline pipeline, String id) {
        Http.Reply reply = Http.get(pipeline.triage() + "/api/v1/triage-items/" + id, pipeline.token("triage-worker"));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static JsonNode referralView(Pipeline pipeline, String token, String referralId) {
        Http.Reply reply = Http.get(pipeline.referral() + "/api/v1/referrals/" + referralId, token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static Http.Reply post(String url, String token, Object body) {
        return Http.postJson(url, token, json(body), Map.of());
    }
}
