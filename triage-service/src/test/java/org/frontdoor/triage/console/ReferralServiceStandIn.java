package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.frontdoor.events.EventJson;

/**
 * A real HTTP server where the referral service would be (triage's tests run no referral service): it records each
 * request the console makes (its token, Idempotency-Key and body) and answers as that service does: 201 with the
 * contact's id (the same id again for a key it has seen), a 422 problem when a test queues one, and the contacts
 * accepted as {@code GET /api/v1/referrals/mine}. The e2e module's ConsoleContactIT runs the real one.
 */
final class ReferralServiceStandIn implements AutoCloseable {

    /** A request received: what the console sent. */
    record Received(String method, String path, String authorization, String idempotencyKey, JsonNode body) {
    }

    /** triage's %test referral-service-url. */
    static final int PORT = 18931;

    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<ObjectNode> accepted = new ArrayList<>();
    /** The referral service numbers contacts FD-YYYY-nnnnnn; here, the year of the tests' examples. */
    private final java.util.concurrent.atomic.AtomicInteger references = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;

    private ReferralServiceStandIn(HttpServer server) {
        this.server = server;
    }

    static ReferralServiceStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        ReferralServiceStandIn standIn = new ReferralServiceStandIn(server);
        server.createContext("/api/v1/referrals", standIn::handle);
        server.start();
        return standIn;
    }

    /** The next submission is refused with this problem's errors ({@code [{"field": ..., "message": ...}]}). */
    void refuseNext(String errors) {
        refusals.add(errors);
    }

    List<Received> posted() {
        synchronized (received) {
            return received.stream().filter(r -> r.method().equals("POST")).toList();
        }
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                body.isEmpty() ? null : EventJson.mapper().readTree(body)));
        if (exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 200, "application/json", mine());
            return;
        }
        String refusal = refusals.poll();
        if (refusal != null) {
            answer(exchange, 422, "application/problem+json", "{\"type\": \"urn:frontdoor:problem:validation\","
                    + " \"title\": \"Request is not valid\", \"status\": 422, \"detail\": \"Not valid\", \"errors\": "
                    + refusal + "}");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String id = keys.get(key);
        if (id == null) {
            id = UUID.randomUUID().toString();
            keys.put(key, id);
            accepted.add(0, summary(id, EventJson.mapper().readTree(body)));
        }
        answer(exchange, 201, "application/json", "{\"referralId\": \"" + id + "\", \"status\": \"RECEIVED\"}");
    }

    /** As the referral service lists a contact: its reference, its children by name, each RECEIVED. */
    private ObjectNode summary(String id, JsonNode request) {
        ObjectNode s = EventJson.mapper().createObjectNode();
        s.put("referralId", id).put("reference", "FD-2026-" + String.format("%06d", references.incrementAndGet()))
                .put("receivedAt", Instant.now().toString()).put("status", "RECEIVED")
                .put("sourceCode", request.path("referrer").path("sourceCode").asText());
        if (request.path("referrer").has("organisationId")) {
            s.put("organisationName", "Hillside Primary School");
        }
        ArrayNode children = s.putArray("children");
        request.path("children").forEach(c -> children.addObject().put("firstName", c.path("firstName").asText())
                .put("lastName", c.path("lastName").asText()).put("status", "RECEIVED").put("recordType", "CONTACT"));
        return s;
    }

    private String mine() {
        ObjectNode page = EventJson.mapper().createObjectNode();
        page.put("page", 0).put("size", 20).put("total", accepted.size());
        page.putArray("items").addAll(accepted);
        return page.toString();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
