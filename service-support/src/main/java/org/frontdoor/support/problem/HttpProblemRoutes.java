package org.frontdoor.support.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem details for what never reaches a JAX-RS resource: a path nothing serves, or a
 * request the HTTP layer refuses itself (a body over the size limit).
 */
@ApplicationScoped
public class HttpProblemRoutes {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        // Before Quarkus's own body handler, which answers an oversized body with an empty 413.
        maxBodySize.ifPresent(limit -> router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit.asLongValue())) {
                ctx.response().putHeader("Connection", "close");
                send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint takes ("
                        + limit.asLongValue() / 1024 + " KB at most)");
            } else {
                ctx.next();
            }
        }));
        router.route().last().handler(ctx -> send(ctx, ProblemType.NOT_FOUND,
                "Nothing is here; check the path and the id"));
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (status == 413) {
                send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint takes");
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }

    private static void send(RoutingContext ctx, ProblemType type, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, ctx.normalizedPath(), List.of(),
                null);
        response.setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
