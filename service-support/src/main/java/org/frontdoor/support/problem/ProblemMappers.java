package org.frontdoor.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.Failures;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.tracing.LogFields;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into RFC 9457 problem details. Clients never see a stack trace or an
 * internal message: a server error carries only an id that is also in the log.
 */
public class ProblemMappers {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AuditLog audit;


    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors(), null);
    }

    /** The one place a domain's refusal becomes an HTTP answer. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        ProblemType type = e instanceof DomainException.NotFound ? ProblemType.NOT_FOUND
                : e instanceof DomainException.Invalid ? ProblemType.VALIDATION
                : e instanceof DomainException.Conflict ? ProblemType.CONFLICT
                : ProblemType.FORBIDDEN;
        return respond(type, e.getMessage(), uri, e.errors(), null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = ordered(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .toList());
        return respond(ProblemType.VALIDATION, describe(errors), uri, errors, null);
    }

    /** A value of the wrong type or form, e.g. text where a date belongs: that field is named. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_JSON, "The request body is not the JSON object this endpoint takes",
                    uri, List.of(), null);
        }
        String expected = e.getTargetType() == null ? "another type" : describeType(e.getTargetType());
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, "must be " + expected));
        return respond(ProblemType.VALIDATION, describe(errors), uri, errors, null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(ProblemType.MALFORMED_JSON, "The request body is not well-formed JSON" + where, uri, List.of(),
                null);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <token>)", uri, List.of(), null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** Refused for the caller's role: answered 403, and the attempt goes to the audit trail (who, what, where). */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri, ContainerRequestContext request) {
        Response refused = respond(ProblemType.FORBIDDEN, "Your role does not allow this request", uri, List.of(),
                null);
        String detail = request.getMethod() + " " + uri.getPath();
        return identities.getDeferredIdentity().onItemOrFailure().transformToUni((who, failure) -> Uni.createFrom()
                .item(() -> {
                    try {
                        audit.recordRefusedAccess(failure == null ? who : null, detail);
                    } catch (RuntimeException auditFailed) {
                        // the refusal stands; the audit's own failure is for ops
                        LOG.errorf("Could not audit a refused access to %s (%s)", uri.getPath(),
                                auditFailed.getClass().getName());
                    }
                    return refused;
                })
                // JDBC: never on the event loop, where a security check may answer
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /**
     * A path no resource serves: 404, except under {@code /api} without a valid token, which is 401 as for every API
     * path, so that nobody maps which paths exist without one.
     */
    @ServerExceptionMapper
    public Uni<Response> nothingHere(NotFoundException e, UriInfo uri) {
        if (!uri.getPath().startsWith("/api/")) {
            return Uni.createFrom().item(http(e, uri));
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((who, failure) ->
                failure != null || who == null || who.isAnonymous() ? unauthorized(e, uri) : http(e, uri));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps parse errors in a 400; answer them as what they are.
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = respond(type, clientDetail(type, status), uri, List.of(), null);
        if (status != type.status()) {
            response = Response.fromResponse(response).status(status).build();
        }
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return serverError(e, uri);
    }

    private Response serverError(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        if (Failures.isUnavailable(e)) {
            LOG.warnf("[%s] %s %s: a dependency is unavailable: %s", errorId, uri.getPath(), e.getClass().getName(),
                    Failures.rootCause(e).getClass().getName());
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database or broker just now; please retry shortly", uri, List.of(),
                    errorId)).header("Retry-After", "5").build();
        }
        // The type and stack, never a message or the request body: either may hold a child's details.
        MDC.put(LogFields.ERROR_ID, errorId);
        try {
            LOG.errorf(Failures.withoutMessages(e), "[%s] unexpected error on %s", errorId, uri.getPath());
        } finally {
            MDC.remove(LogFields.ERROR_ID);
        }
        return respond(ProblemType.INTERNAL, "Something went wrong on our side; quote the errorId to support", uri,
                List.of(), errorId);
    }

    static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors,
            String errorId) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getPath(), errors, errorId);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A problem answer for a refusal made outside an exception mapper (a request filter's), at {@code path}. */
    public static Response respond(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, path, errors, null);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static String describe(List<Problem.FieldError> errors) {
        return errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid";
    }

    private static String clientDetail(ProblemType type, int status) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is here; check the path and the id";
            case METHOD_NOT_ALLOWED -> "This path does not take that HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This endpoint answers with application/json";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this endpoint takes";
            default -> "The request was refused (HTTP " + status + ")";
        };
    }

    /** Field errors as a 422 lists them: by field, then message, each once. */
    public static List<Problem.FieldError> ordered(List<Problem.FieldError> errors) {
        return errors.stream()
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    /** The property path a client sent, without the Java method and parameter names. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            // "<list element>" and bean-level nodes name nothing a client sent
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null || node.getName().isEmpty()) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() == 0) {
            return parameter == null ? "" : parameter;
        }
        return field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describeType(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a date-time (ISO-8601)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(ProblemMappers::wireName)
                    .toList();
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** A code list's value as it is written on the wire: its {@code @JsonValue} (a DfE code) or its name. */
    private static String wireName(Object constant) {
        for (java.lang.reflect.Method m : ((Enum<?>) constant).getDeclaringClass().getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class) && m.getParameterCount() == 0) {
                try {
                    return String.valueOf(m.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    break;
                }
            }
        }
        return ((Enum<?>) constant).name();
    }
}
