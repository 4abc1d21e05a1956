package org.frontdoor.triage.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "CheckRequest", description = "A check made with a partner agency: who was asked, when, what was found")
public record CheckCommand(
        @Schema(description = "The organisation asked: its id in the partner directory (GET /api/v1/partners on the"
                + " notification service). It is informed when the case closes; an unknown or inactive id is refused",
                example = "south-yorkshire-police") @NotBlank @Size(max = 100) String organisation,
        @Schema(description = "The kind of agency; when empty, the organisation's own from the directory",
                example = "POLICE") AgencyType agency,
        @Schema(description = "Who at the agency was asked", example = "DC R. Hughes, MASH police desk")
        @NotBlank @Size(max = 200) @PlainText String contactName,
        @Schema(description = "When the check was made (not in the future)", example = "2026-11-23T11:30:00Z")
        @NotNull Instant checkedAt,
        @Schema(description = "What was found", example = "Two domestic incidents at the address in the last 6 months; no arrests.")
        @NotBlank @Size(max = 10000) @PlainText(multiline = true) String findings) {
}
