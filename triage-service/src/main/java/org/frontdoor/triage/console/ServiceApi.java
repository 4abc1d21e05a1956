package org.frontdoor.triage.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * How the console calls another service's API: with the signed-in person's own access token (so that service
 * decides what they may do, and audits it as theirs), within a timeout, reading JSON rather than that service's
 * Java types. Its refusals (problem+json) come back as the console's own {@link ProblemException}s, naming the
 * fields it named; silence or a fault of its own is a {@link ServiceUnavailableException}.
 */
final class ServiceApi {

    private static final Logger LOG = Logger.getLogger(ServiceApi.class);

    private final String service;
    private final URI base;
    private final Duration timeout;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final HttpClient http;

    /** {@code service} names it in the logs ("the referral service"). */
    ServiceApi(String service, URI base, Duration timeout, SecurityIdentity identity, ObjectMapper json) {
        this.service = service;
        this.base = base;
        this.timeout = timeout;
        this.identity = identity;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request to {@code path} (with its query) on that service, carrying the person's token. */
    HttpRequest.Builder request(String path) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new ServiceUnavailableException("no access token in the console's session");
        }
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.getToken());
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    /** {@code value} as a JSON body, with its Content-Type. */
    HttpRequest.Builder withJson(HttpRequest.Builder request, String method, Object value) {
        try {
            return request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("the %s did not answer %s %s: %s", service, built.method(), built.uri().getPath(),
                    e.toString());
            throw new ServiceUnavailableException(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return read(response.body());
        }
        if (status == 401 || status >= 500) {
            // 401: it does not accept the console's token (a misconfigured issuer); either way, not the user's doing
            LOG.warnf("the %s answered %d to %s %s", service, status, built.method(), built.uri().getPath());
            throw new ServiceUnavailableException("HTTP " + status);
        }
        throw refusal(status, read(response.body()));
    }

    /** Its problem+json as the console's own problem: the detail (else the title), and each field it names. */
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
            throw new ServiceUnavailableException("not JSON");
        }
    }
}
