package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.triage.config.TriageConfig;
import org.jboss.logging.Logger;

/**
 * The notification service's API, called for the console with the signed-in person's own access token: that
 * service decides what they may see and do, and audits it as theirs. Its answers are read as JSON, not as its Java
 * types, which stay its own.
 */
@ApplicationScoped
public class NotificationServiceClient {

    private static final Logger LOG = Logger.getLogger(NotificationServiceClient.class);

    /** The notification service did not answer, or answered with a fault of its own. */
    public static class UnavailableException extends RuntimeException {
        UnavailableException(String message) {
            super(message);
        }
    }

    @Inject
    TriageConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(config.console().notificationServiceTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The API's largest page: the console shows the most urgent this many, and how many there are in all. */
    static final int PAGE = 100;

    /** {@code GET /api/v1/notifications/could-not-inform}: the open tasks, the most overdue first (one page). */
    public JsonNode couldNotInform() {
        return send(get("/api/v1/notifications/could-not-inform?size=" + PAGE));
    }

    /** {@code GET /api/v1/notifications/overdue}: undelivered messages past due or at risk. */
    public JsonNode overdue() {
        return send(get("/api/v1/notifications/overdue?size=" + PAGE));
    }

    /**
     * {@code POST /api/v1/notifications/{id}/informed}: the front door told the recipient by other means. Its
     * refusals come back as the same {@link ProblemException}s the console shows for its own.
     */
    public void informed(UUID notificationId, String how, String note) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("how", how);
        body.put("note", note);
        try {
            send(request("/api/v1/notifications/" + notificationId + "/informed")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/v1/partners}: a page of the partner directory (page from 0), by id. */
    public JsonNode partners(int page, int size) {
        return send(get("/api/v1/partners?page=" + page + "&size=" + size));
    }

    /** {@code GET /api/v1/partners/{id}}: one organisation, with its version and whether it has a webhook. */
    public JsonNode partner(String id) {
        return send(get(PARTNERS + partnerId(id)));
    }

    /** {@code POST /api/v1/partners}: an organisation added; its refusals are {@link ProblemException}s. */
    public JsonNode createPartner(Map<String, Object> partner) {
        return send(request("/api/v1/partners").header("Content-Type", "application/json").POST(body(partner)));
    }

    /** {@code PUT /api/v1/partners/{id}}, If-Match the version the page showed: the record replaced. */
    public JsonNode updatePartner(String id, Map<String, Object> partner, Long version) {
        return send(ifMatch(request(PARTNERS + partnerId(id)), version).header("Content-Type", "application/json")
                .PUT(body(partner)));
    }

    /** {@code POST /api/v1/partners/{id}/deactivate}, If-Match the version the page showed. */
    public JsonNode deactivatePartner(String id, Long version) {
        return send(ifMatch(request(PARTNERS + partnerId(id) + "/deactivate"), version)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static final String PARTNERS = "/api/v1/partners/";

    /**
     * An organisation's id as a path segment: only what the directory's ids are made of, so nothing typed in a URL
     * reaches another of that service's paths; anything else is no organisation.
     */
    private static String partnerId(String id) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Partner organisation " + id + " was not found");
        }
        return id;
    }

    /** No version (none posted, or not a number): no If-Match, and the change is not checked against one. */
    private static HttpRequest.Builder ifMatch(HttpRequest.Builder request, Long version) {
        return version == null ? request : request.header("If-Match", "\"" + version + "\"");
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new UnavailableException("no access token in the console's session");
        }
        return HttpRequest.newBuilder(config.console().notificationServiceUrl().resolve(path))
                .timeout(config.console().notificationServiceTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.getToken());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("the notification service did not answer %s %s: %s", built.method(), built.uri().getPath(),
                    e.toString());
            throw new UnavailableException(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return read(response.body());
        }
        if (status == 401 || status >= 500) {
            // 401: it does not accept the console's token (a misconfigured issuer); either way, not the user's doing
            LOG.warnf("the notification service answered %d to %s %s", status, built.method(), built.uri().getPath());
            throw new UnavailableException("HTTP " + status);
        }
        throw refusal(status, read(response.body()));
    }

    /** Its problem+json as the console's own problem: the title, and each field it names. */
    private static ProblemException refusal(int status, JsonNode problem) {
        String detail = problem.path("detail").asText(problem.path("title").asText("Refused"));
        List<Problem.FieldError> fields = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            fields.add(new Problem.FieldError(e.path("field").asText(), e.path("message").asText()));
        }
        ProblemType type = switch (status) {
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            default -> ProblemType.VALIDATION;
        };
        return new ProblemException(type, detail, fields);
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new UnavailableException("not JSON");
        }
    }
}
