package org.frontdoor.triage.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "AllocateRequest", description = "Give a case to another lead worker")
public record AllocateCommand(
        @Schema(description = "A worker id from GET /api/v1/workers", example = "eh-ed-walsh") @NotBlank @Size(max = 100)
        String worker,
        @Schema(description = "Required to allocate above the caseload maximum: the manager's reason")
        @Size(max = 2000) @PlainText(multiline = true) String reason) {
}
