package org.frontdoor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.frontdoor.events.EventJson;
import org.frontdoor.testsupport.DevTokens;

/** The services' APIs as the benchmark calls them, with tokens of the local run's identity provider. */
final class StackHttp {

    static final String REFERRALS = "http://127.0.0.1:8081/api/v1/referrals";
    /** ./pipeline's instance n of a service listens on the first one's port + 10 * (n - 1). */
    private static final int NEXT_INSTANCE = 10;
    static final String TRIAGE = "http://127.0.0.1:8082/api/v1";
    static final String NOTIFICATION = "http://127.0.0.1:8083/api/v1";

    private final DevTokens tokens;
    // HTTP/1.1: each client its own connection, as partner systems would be (not one multiplexed h2c stream)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();

    StackHttp(DevTokens tokens) {
        this.tokens = tokens;
    }

    String token(String role) {
        return tokens.token(role);
    }

    String token(String role, String org) {
        return tokens.token(role, org);
    }

    /** A member of staff of their own: each signed-in person has their own rate limit. */
    String staff(String role, String subject) {
        return tokens.builder().role(role).subject(subject).build();
    }

    /** One realistic referral with its own idempotency key; null when no answer came. */
    HttpResponse<String> refer(String partner) {
        return send(REFERRALS, partner, Referrals.body(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** One realistic referral with its own idempotency key; true when it was accepted (201). */
    boolean submitted(String partner) {
        return submittedTo(REFERRALS, partner);
    }

    /** As {@link #submitted(String)}, to the intake instance at {@code referrals} ({@link #referrals(int)}). */
    boolean submittedTo(String referrals, String partner) {
        HttpResponse<String> reply = send(referrals, partner, Referrals.body(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        return (reply == null ? -1 : reply.statusCode()) == 201;
    }

    /** The referrals endpoint of intake instance {@code n} (1, 2, ...). */
    static String referrals(int n) {
        return "http://127.0.0.1:" + (8081 + NEXT_INSTANCE * (n - 1)) + "/api/v1/referrals";
    }

    int post(String url, String token, String body, Map<String, String> headers) {
        HttpResponse<String> reply = send(url, token, body, headers);
        return reply == null ? -1 : reply.statusCode();
    }

    HttpResponse<String> send(String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    int put(String url, String token, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String url, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return EventJson.mapper().createObjectNode();
        }
    }
}
