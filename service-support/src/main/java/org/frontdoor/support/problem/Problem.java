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
        @Schema(description = "A URI naming the kind of problem", example = "urn:frontdoor:problem:validation") String type,
        @Schema(description = "A short summary of the kind of problem", example = "Request is not valid") String title,
        @Schema(description = "The HTTP status", example = "422") int status,
        @Schema(description = "What went wrong with this request", example = "2 fields are not valid") String detail,
        @Schema(description = "The request path", example = "/api/v1/referrals") String instance,
        @Schema(description = "Each field that is not valid") List<FieldError> errors,
        @Schema(description = "Quote this to support for a server error") String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One field that is not valid")
    public record FieldError(
            @Schema(description = "Path of the field in the request", example = "children[0].dateOfBirth") String field,
            @Schema(description = "Why it is not valid", example = "must be a past date") String message) {
    }
}
