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
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.triage.config.TriageConfig;
import org.jboss.logging.Logger;

/**
 * The referral service's API, called for the console with the front door officer's own access token: a contact
 * they log is submitted as any front door submission is (that service checks it, records who keyed it in, audits it
 * and publishes it to the queue), and they list their own. Its answers are read as JSON, not as its Java types.
 */
@ApplicationScoped
public class ReferralServiceClient {

    private static final Logger LOG = Logger.getLogger(ReferralServiceClient.class);

    /** The referral service did not answer, or answered with a fault of its own. */
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
        http = HttpClient.newBuilder().connectTimeout(config.console().referralServiceTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * {@code POST /api/v1/referrals} with the form's Idempotency-Key, so a second press of the button (or a retry
     * after a timeout) makes no second contact. Its 422 comes back as a {@link ProblemException} naming the
     * request's fields ({@code children[1].dateOfBirth}).
     */
    public JsonNode submit(JsonNode referral, String idempotencyKey) {
        try {
            return send(request("/api/v1/referrals").header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(referral))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/v1/referrals/mine}: a page of the contacts the signed-in officer keyed in, newest first. */
    public JsonNode mine(int page, int size) {
        return send(request("/api/v1/referrals/mine?page=" + page + "&size=" + size).GET());
    }

    private HttpRequest.Builder request(String path) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new UnavailableException("no access token in the console's session");
        }
        return HttpRequest.newBuilder(config.console().referralServiceUrl().resolve(path))
                .timeout(config.console().referralServiceTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.getToken());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("the referral service did not answer %s %s: %s", built.method(), built.uri().getPath(),
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
            LOG.warnf("the referral service answered %d to %s %s", status, built.method(), built.uri().getPath());
            throw new UnavailableException("HTTP " + status);
        }
        throw refusal(status, read(response.body()));
    }

    /** Its problem+json as the console's own problem: the detail, and each field it names. */
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
