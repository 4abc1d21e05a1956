package org.frontdoor.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.ratelimit.RateLimitFilter;

/**
 * The answers every secured operation can give besides its own, documented once here instead of on each method:
 * 401, 403, 429, 500 and 503 as RFC 9457 problem details (what {@code ProblemMappers} and {@code RateLimitFilter}
 * send), and {@code 4XX} for the rest (a method, Accept or Content-Type the operation does not take). Every 2XX and
 * 4XX answer declares the IETF {@code RateLimit-Policy} and {@code RateLimit} fields that {@code RateLimitFilter}
 * adds to each counted request's answer (not required: a request without a valid token is not counted). Responses an
 * operation documents itself keep their description; only a missing body is filled in. It runs at build time, so the
 * document the build stores for the OWASP lint (deploy/openapi-lint) has them too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> STANDARD = Map.of(
            "401", "No valid bearer token (WWW-Authenticate: Bearer)",
            "403", "Your role, or your organisation, does not allow this request",
            "429", "Over your organisation's or your own request rate limit; retry after Retry-After seconds",
            "4XX", "Any other refusal, as problem details: e.g. 405, 406 or 415 for a method, Accept or Content-Type"
                    + " this operation does not take",
            "500", "Something went wrong on our side; the problem's errorId is also in the service's log",
            "503", "The service cannot reach its database or broker just now; retry after Retry-After seconds");

    private static final String RATE_LIMIT_POLICY_REF = "#/components/headers/" + RateLimitFilter.POLICY_HEADER;
    private static final String RATE_LIMIT_REF = "#/components/headers/" + RateLimitFilter.HEADER;
    private static final String RETRY_AFTER_REF = "#/components/headers/Retry-After";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addHeaderComponents(openAPI);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    addStandardAnswers(operation);
                }
            }
        }
    }

    private static void addStandardAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        STANDARD.forEach((code, description) -> {
            APIResponse response = responses.getAPIResponse(code);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(description);
                responses.addAPIResponse(code, response);
            }
            if (("503".equals(code) || "429".equals(code)) && !hasHeader(response, "Retry-After")) {
                response.addHeader("Retry-After", OASFactory.createHeader().ref(RETRY_AFTER_REF));
            }
        });
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("4")) {
                if (!hasHeader(response, RateLimitFilter.POLICY_HEADER)) {
                    response.addHeader(RateLimitFilter.POLICY_HEADER, OASFactory.createHeader().ref(RATE_LIMIT_POLICY_REF));
                }
                if (!hasHeader(response, RateLimitFilter.HEADER)) {
                    response.addHeader(RateLimitFilter.HEADER, OASFactory.createHeader().ref(RATE_LIMIT_REF));
                }
            }
        });
        // the framework's own 400, 401 and 403 come without a body: theirs is a problem too
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problem());
                }
            }
        });
    }

    private static boolean hasHeader(APIResponse response, String name) {
        return response.getHeaders() != null && response.getHeaders().containsKey(name);
    }

    /** The rate-limit and retry fields, defined once and referred to from every response that sends them. */
    private static void addHeaderComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(3600)))
                .example(5));
        components.addHeader(RateLimitFilter.POLICY_HEADER, OASFactory.createHeader()
                .description("The caller's limit (draft-ietf-httpapi-ratelimit-headers): \"partner\" for a partner"
                        + " organisation's systems together (the token's org claim), \"user\" for a person or a system"
                        + " without an organisation (the token's subject); q requests per w seconds. Counted by each"
                        + " replica of the service. Absent when the request was not counted (no valid token).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)
                        .pattern("^\"(partner|user)\";q=\\d{1,9};w=\\d{1,6}$"))
                .example("\"partner\";q=3000;w=60"));
        components.addHeader(RateLimitFilter.HEADER, OASFactory.createHeader()
                .description("Where the caller stands against RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers):"
                        + " r requests may still be sent at once, and the whole allowance is back in t seconds."
                        + " Absent when the request was not counted (no valid token).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)
                        .pattern("^\"(partner|user)\";r=\\d{1,9};t=\\d{1,9}$"))
                .example("\"partner\";r=998;t=1"));
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
