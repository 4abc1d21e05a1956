package org.frontdoor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every endpoint each service's OpenAPI document lists: bad tokens,
 * bad ids, bad bodies, bad content types, oversized bodies. Nothing may answer 5xx; what is
 * refused is refused with problem+json and stores nothing; script-looking text that is
 * accepted comes back as inert JSON data.
 */
class HostileInputIT {

    private static final String[] SERVICES = { "referral-service", "triage-service", "notification-service" };
    private static final String[] BAD_IDS = { "not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "1%27%20OR%201%3D1--",
            "%3Cscript%3E", "x".repeat(2000), UUID.randomUUID().toString() };
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String SQL = "Robert'); DROP TABLE referral;--";

    private static Pipeline pipeline;

    record Outcome(String what, Http.Reply reply, boolean mustRefuse) {
    }

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void noHostileRequestGetsA5xxAndEveryRefusalIsAProblem() {
        long referralsBefore = pipeline.count("referral-service", "select count(*) from referral");
        List<Outcome> outcomes = new ArrayList<>();
        for (String service : SERVICES) {
            String base = pipeline.service(service).url();
            JsonNode paths = Http.get(base + "/q/openapi?format=json", null).json().get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    outcomes.addAll(attack(base, method, path.getKey()));
                }
            }
        }
        outcomes.addAll(bodyAttacks(pipeline.referral() + "/api/v1/referrals"));

        long fiveHundreds = outcomes.stream().filter(o -> o.reply().status() >= 500).count();
        long refused = outcomes.stream().filter(o -> o.reply().status() >= 400 && o.reply().status() < 500).count();
        long accepted = outcomes.stream().filter(o -> o.reply().status() < 400).count();
        System.out.printf("hostile requests: %d, 4xx: %d, 2xx/3xx: %d, 5xx: %d%n", outcomes.size(), refused, accepted,
                fiveHundreds);
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            Http.Reply r = o.reply();
            if (r.status() >= 500) {
                failures.add(o.what() + " -> " + r.status());
            } else if (o.mustRefuse() && r.status() < 400) {
                failures.add(o.what() + " -> accepted with " + r.status());
            } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
                failures.add(o.what() + " -> " + r.status() + " as " + r.contentType());
            } else if (r.status() < 400 && !r.body().isEmpty() && !r.contentType().startsWith("application/json")) {
                failures.add(o.what() + " -> " + r.status() + " as " + r.contentType() + " (not inert JSON)");
            }
        }
        assertTrue(outcomes.size() >= 200, "at least 200 hostile requests, got " + outcomes.size());
        assertEquals(List.of(), failures);
        assertEquals(0, fiveHundreds);
        long referralsAfter = pipeline.count("referral-service", "select count(*) from referral");
        long acceptedReferrals = outcomes.stream()
                .filter(o -> o.what().startsWith("POST /api/v1/referrals") && o.reply().status() == 201).count();
        assertEquals(referralsBefore + acceptedReferrals, referralsAfter, "nothing stored from a refused request");
    }

    @Test
    void scriptLookingTextIsStoredAndReturnedAsInertData() {
        String body = referral(SCRIPT + " " + SQL, "Smith");
        Http.Reply created = Http.postJson(pipeline.referral() + "/api/v1/referrals", pipeline.token("front-door"),
                body, Map.of());
        assertEquals(201, created.status(), created.body());
        Http.Reply read = Http.get(pipeline.referral() + "/api/v1/referrals/" + created.json().get("referralId").asText(),
                pipeline.token("front-door"));
        assertEquals(200, read.status());
        assertTrue(read.contentType().startsWith("application/json"));
        assertEquals(SCRIPT + " " + SQL, read.json().get("concerns").get("summary").asText());
        assertTrue(pipeline.count("referral-service", "select count(*) from referral") > 0, "the table is still there");
    }

    /** Auth and id attacks on one operation; every one must be refused. */
    private List<Outcome> attack(String base, String method, String template) {
        List<Outcome> out = new ArrayList<>();
        String sample = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("garbage token", "not.a.jwt");
        bad.put("forged token", pipeline.tokens().builder().roles("ops", "team-manager", "triage-worker", "front-door")
                .signedWithAnotherKey().build());
        bad.put("expired token", pipeline.tokens().builder().roles("ops", "team-manager", "triage-worker", "front-door")
                .expiresAt(Instant.now().minusSeconds(60)).build());
        bad.put("wrong issuer", pipeline.tokens().builder().roles("ops", "team-manager", "triage-worker", "front-door")
                .issuer("https://evil.example").build());
        for (Map.Entry<String, String> token : bad.entrySet()) {
            out.add(call(method, base + sample, token.getValue(), "{}", method + " " + template + " with " + token.getKey(),
                    true));
        }
        if (template.contains("{")) {
            String staff = pipeline.tokens().builder().roles("ops", "team-manager", "triage-worker", "front-door").build();
            for (String id : BAD_IDS) {
                String url = base + template.replaceAll("\\{[^}]+}", id);
                out.add(call(method, url, staff, "{}", method + " " + template + " id " + abbreviate(id), true));
                out.add(call(method, url, pipeline.token("partner", "another-org"), "{}",
                        method + " " + template + " id " + abbreviate(id) + " foreign partner", true));
            }
        }
        if (method.equals("POST") || method.equals("PUT")) {
            String staff = pipeline.tokens().builder().roles("ops", "team-manager", "triage-worker", "front-door",
                    "partner").claim("org", "hillside-primary").build();
            String url = base + sample;
            out.add(call(method, url, staff, "{\"broken\": ", method + " " + template + " invalid JSON", true));
            out.add(send(method, url, staff, "text/plain", "hello".getBytes(StandardCharsets.UTF_8),
                    method + " " + template + " text/plain", true));
            out.add(send(method, url, staff, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8),
                    method + " " + template + " XML", true));
            out.add(call(method, url, staff, "{\"x\": \"" + "y".repeat(300 * 1024) + "\"}",
                    method + " " + template + " 300 KB body", true));
        }
        return out;
    }

    /** Body attacks on intake, where the body matters most. */
    private List<Outcome> bodyAttacks(String url) {
        List<Outcome> out = new ArrayList<>();
        String partner = pipeline.token("partner", "hillside-primary");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("empty object", "{}");
        refused.put("array", "[]");
        refused.put("string", "\"referral\"");
        refused.put("null", "null");
        refused.put("number", "42");
        refused.put("wrong types", "{\"referrer\": 5, \"children\": \"many\", \"concerns\": [], \"consent\": true}");
        refused.put("huge array", referral("ok", "Smith").replace("\"indicators\": []",
                "\"indicators\": [" + "\"POOR_ATTENDANCE\",".repeat(5000) + "\"POOR_ATTENDANCE\"]"));
        refused.put("huge name", referral("ok", "S".repeat(50_000)));
        refused.put("control characters", referral("ok", "Smi\u0000th"));
        refused.put("right-to-left override", referral("ok", "Smith\u202Ehtims"));
        refused.put("bell in summary", referral("ring \u0007", "Smith"));
        refused.put("sql in source code", referral("ok", "Smith").replace("\"sourceCode\": \"2A\"",
                "\"sourceCode\": \"2A' OR '1'='1\""));
        refused.put("script in email", referral("ok", "Smith").replace("\"email\": \"dsl@hillside.example\"",
                "\"email\": \"" + SCRIPT + "\""));
        refused.put("deeply nested", "{\"referrer\": " + "[".repeat(2000) + "]".repeat(2000) + "}");
        refused.put("unborn and born", referral("ok", "Smith").replace("\"dateOfBirth\": \"2016-04-02\"",
                "\"dateOfBirth\": \"2016-04-02\", \"expectedDateOfBirth\": \"2027-01-01\""));
        refused.put("date of birth text", referral("ok", "Smith").replace("2016-04-02", "yesterday"));
        refused.put("thirteenth month", referral("ok", "Smith").replace("2016-04-02", "2016-13-02"));
        refused.put("invalid utf-8", null);
        for (Map.Entry<String, String> e : refused.entrySet()) {
            if (e.getValue() == null) {
                byte[] invalid = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
                out.add(send("POST", url, partner, "application/json", invalid, "POST /api/v1/referrals invalid UTF-8",
                        true));
            } else {
                out.add(call("POST", url, partner, e.getValue(), "POST /api/v1/referrals " + e.getKey(), true));
            }
        }
        return out;
    }

    private Outcome call(String method, String url, String token, String json, String what, boolean mustRefuse) {
        return send(method, url, token, "application/json", json.getBytes(StandardCharsets.UTF_8), what, mustRefuse);
    }

    private Outcome send(String method, String url, String token, String type, byte[] body, String what,
            boolean mustRefuse) {
        Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        byte[] payload = method.equals("GET") || method.equals("DELETE") ? null : body;
        return new Outcome(what, Http.send(method, url, token, payload == null ? null : type, payload, headers),
                mustRefuse);
    }

    static String referral(String summary, String lastName) {
        return """
                {"referrer": {"sourceCode": "2A", "organisationId": "hillside-primary",
                              "organisationName": "Hillside Primary School", "email": "dsl@hillside.example"},
                 "children": [{"firstName": "Amy", "lastName": %s, "dateOfBirth": "2016-04-02", "gender": "F",
                               "address": {"postcode": "DN1 1AA"}}],
                 "concerns": {"summary": %s, "indicators": [], "immediateRisk": false},
                 "consent": {"familyAware": true, "consentGiven": true}}"""
                .formatted(quote(lastName), quote(summary));
    }

    private static String quote(String s) {
        try {
            return org.frontdoor.events.EventJson.mapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
