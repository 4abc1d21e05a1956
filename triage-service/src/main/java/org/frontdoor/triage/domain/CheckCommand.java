package org.frontdoor.triage.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "CheckRequest", description = "A check made with a partner agency: who was asked, when, what was found")
public record CheckCommand(
        @Schema(description = "POLICE, HEALTH, EDUCATION or OTHER", example = "POLICE") @NotBlank String agency,
        @Schema(description = "The partner organisation, informed when the case closes (optional)",
                example = "south-yorkshire-police") @Size(max = 200) @PlainText String organisation,
        @Schema(description = "Who at the agency was asked", example = "DC R. Hughes, MASH police desk")
        @NotBlank @Size(max = 200) @PlainText String contactName,
        @Schema(description = "When the check was made (not in the future)", example = "2026-11-23T11:30:00Z")
        @NotNull Instant checkedAt,
        @Schema(description = "What was found", example = "Two domestic incidents at the address in the last 6 months; no arrests.")
        @NotBlank @Size(max = 10000) @PlainText(multiline = true) String findings) {
}
