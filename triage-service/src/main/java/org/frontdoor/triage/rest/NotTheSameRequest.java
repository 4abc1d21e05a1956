package org.frontdoor.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "NotTheSameRequest", description = "A possible match rejected: the other record is not the same child"
        + " and is not offered as a match again")
public record NotTheSameRequest(
        @Schema(description = "The other record's childKey", required = true,
                example = "0b7a4c1e-9a57-4f43-8d0e-2f6c9f1a7b31") @NotNull UUID other,
        @Schema(description = "Why they are different children", required = true, maxLength = 2000,
                example = "Twins: same surname, date of birth and address, different first names")
        @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {
}
