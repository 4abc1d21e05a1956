package org.frontdoor.support.openapi;

import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.frontdoor.support.problem.Problem;

/**
 * The answers every secured operation can give besides its own, documented once here instead of on each method:
 * 401, 403, 500 and 503 as RFC 9457 problem details (what {@code ProblemMappers} sends), and {@code 4XX} for the
 * rest (a method, Accept or Content-Type the operation does not take). Responses an operation documents itself
 * keep their description; only a missing body is filled in. It runs at build time, so the document the build
 * stores for the OWASP lint (deploy/openapi-lint) has them too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> STANDARD = Map.of(
            "401", "No valid bearer token (WWW-Authenticate: Bearer)",
            "403", "Your role, or your organisation, does not allow this request",
            "4XX", "Any other refusal, as problem details: e.g. 405, 406 or 415 for a method, Accept or Content-Type"
                    + " this operation does not take",
            "500", "Something went wrong on our side; the problem's errorId is also in the service's log",
            "503", "The service cannot reach its database or broker just now; retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
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
            if ("503".equals(code) && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(3600))));
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

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
