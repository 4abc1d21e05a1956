package org.frontdoor.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.notification.domain.InformedHow;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "InformedRequest", description = "The front door told the recipient by other means")
public record InformedRequest(
        @Schema(description = "How they were told", required = true, example = "PHONE") @NotNull InformedHow how,
        @Schema(description = "Who was told and what was said, for the record. Never a child's name: children are"
                + " named by id", required = true, maxLength = 1000,
                example = "Told the DSL (J. Patel) the outcome by phone; they will watch for the letter.")
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) String note) {
}
