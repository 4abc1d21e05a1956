package org.frontdoor.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "MergeRequest", description = "Two records of one child: the duplicate is joined to (or, to unmerge,"
        + " separated from) the record in the path, with the reason")
public record MergeRequest(
        @Schema(description = "The other record's childKey (a triage item's childKey, or a possible match's)",
                required = true, example = "0b7a4c1e-9a57-4f43-8d0e-2f6c9f1a7b31") @NotNull UUID duplicate,
        @Schema(description = "Why: kept with the decision and in the audit log (never shown to partners)",
                required = true, maxLength = 2000,
                example = "Same NHS number; the police spelt the surname Kettlebrough")
        @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {
}
