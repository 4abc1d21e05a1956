package org.frontdoor.triage.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "SendBackRequest", description = "A team manager sends a decision awaiting approval back to its decider")
public record SendBackCommand(
        @Schema(description = "Why it goes back: what the decider should reconsider", example = "Immediate risk"
                + " reported by police: discuss with the police desk and consider a strategy discussion.")
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason) {
}
