package org.frontdoor.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Strings whose format fixes their length get it as {@code maxLength}, so that every string in the document is
 * bounded (OWASP API4) without repeating the bound on each date or id: a date (yyyy-MM-dd) is 10 characters, a UUID
 * 36, an ISO-8601 date-time at most 35 (nanoseconds and an offset). Longer input could not parse as one anyway.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class FixedFormatLengthsFilter implements OASFilter {

    static final Map<String, Integer> LENGTHS = Map.of("date", 10, "uuid", 36, "date-time", 35);

    private final Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(this::bound);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    for (Parameter parameter : operation.getParameters()) {
                        bound(parameter.getSchema());
                    }
                }
                if (operation.getRequestBody() != null) {
                    eachSchema(operation.getRequestBody().getContent(), this::bound);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> {
                        eachSchema(r.getContent(), this::bound);
                        if (r.getHeaders() != null) {
                            r.getHeaders().values().forEach(h -> bound(h.getSchema()));
                        }
                    });
                }
            }
        }
    }

    private static void eachSchema(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> action.accept(m.getSchema()));
        }
    }

    private void bound(Schema schema) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Integer length = schema.getFormat() == null ? null : LENGTHS.get(schema.getFormat());
        if (length != null && schema.getMaxLength() == null && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.STRING)) {
            schema.setMaxLength(length);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::bound);
        }
        bound(schema.getItems());
        if (schema.getAdditionalPropertiesSchema() != null) {
            bound(schema.getAdditionalPropertiesSchema());
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(this::bound);
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(this::bound);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(this::bound);
        }
    }
}
