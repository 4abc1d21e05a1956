package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.triage.config.TriageConfig;

/**
 * The notification service's API, called for the console with the signed-in person's own access token (through
 * {@link ServiceApi}): that service decides what they may see and do, and audits it as theirs.
 */
@ApplicationScoped
public class NotificationServiceClient {

    @Inject
    TriageConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private ServiceApi api;

    @PostConstruct
    void init() {
        api = new ServiceApi("notification service", config.console().notificationServiceUrl(),
                config.console().notificationServiceTimeout(), identity, json);
    }

    /** The API's largest page: the console shows the most urgent this many, and how many there are in all. */
    static final int PAGE = 100;

    /** {@code GET /api/v1/notifications/could-not-inform}: the open tasks, the most overdue first (one page). */
    public JsonNode couldNotInform() {
        return api.get("/api/v1/notifications/could-not-inform?size=" + PAGE);
    }

    /** {@code GET /api/v1/notifications/overdue}: undelivered messages past due or at risk. */
    public JsonNode overdue() {
        return api.get("/api/v1/notifications/overdue?size=" + PAGE);
    }

    /**
     * {@code POST /api/v1/notifications/{id}/informed}: the front door told the recipient by other means. Its
     * refusals come back as the same {@link ProblemException}s the console shows for its own.
     */
    public void informed(UUID notificationId, String how, String note) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("how", how);
        body.put("note", note);
        api.send(api.withJson(api.request("/api/v1/notifications/" + notificationId + "/informed"), "POST", body));
    }

    /** {@code GET /api/v1/partners}: a page of the partner directory (page from 0), by id. */
    public JsonNode partners(int page, int size) {
        return api.get("/api/v1/partners?page=" + page + "&size=" + size);
    }

    /** {@code GET /api/v1/partners/{id}}: one organisation, with its version and whether it has a webhook. */
    public JsonNode partner(String id) {
        return api.get(PARTNERS + partnerId(id));
    }

    /** {@code POST /api/v1/partners}: an organisation added; its refusals are {@link ProblemException}s. */
    public JsonNode createPartner(Map<String, Object> partner) {
        return api.send(api.withJson(api.request("/api/v1/partners"), "POST", partner));
    }

    /** {@code PUT /api/v1/partners/{id}}, If-Match the version the page showed: the record replaced. */
    public JsonNode updatePartner(String id, Map<String, Object> partner, Long version) {
        return api.send(api.withJson(ifMatch(api.request(PARTNERS + partnerId(id)), version), "PUT", partner));
    }

    /** {@code POST /api/v1/partners/{id}/deactivate}, If-Match the version the page showed. */
    public JsonNode deactivatePartner(String id, Long version) {
        return api.send(ifMatch(api.request(PARTNERS + partnerId(id) + "/deactivate"), version)
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
}
