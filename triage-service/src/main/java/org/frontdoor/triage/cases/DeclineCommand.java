package org.frontdoor.triage.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "DeclineRequest", description = "Decline a close or step awaiting a second manager, with the reason")
public record DeclineCommand(
        @Schema(description = "Why the case stays as it is; told to the manager who asked",
                example = "Police reported immediate risk 4 days ago: hold the strategy discussion before closing.")
        @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {
}
