package org.frontdoor.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code errors} lists every bad field of a refused request, so a
 * partner's developer can fix them all at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(description = "A URI naming the kind of problem", example = "urn:frontdoor:problem:validation", maxLength = 100, pattern = "^urn:frontdoor:problem:[a-z-]+$") String type,
        @Schema(description = "A short summary of the kind of problem", example = "Request is not valid", maxLength = 100) String title,
        @Schema(description = "The HTTP status", example = "422", minimum = "400", maximum = "599") int status,
        @Schema(description = "What went wrong with this request", example = "2 fields are not valid", maxLength = MAX_TEXT) String detail,
        @Schema(description = "The request path", example = "/api/v1/referrals", maxLength = MAX_TEXT) String instance,
        @Schema(description = "Each field that is not valid", maxItems = MAX_ERRORS) List<FieldError> errors,
        @Schema(description = "Quote this to support for a server error", format = "uuid") String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Bounds the document promises; the constructors hold every problem to them. */
    static final int MAX_TEXT = 1000;
    static final int MAX_ERRORS = 200;

    public Problem {
        detail = cut(detail);
        instance = cut(instance);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }

    static String cut(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    @Schema(name = "FieldError", description = "One field that is not valid")
    public record FieldError(
            @Schema(description = "Path of the field in the request", example = "children[0].dateOfBirth", maxLength = MAX_TEXT) String field,
            @Schema(description = "Why it is not valid", example = "must be a past date", maxLength = MAX_TEXT) String message) {

        public FieldError {
            field = cut(field);
            message = cut(message);
        }
    }
}
