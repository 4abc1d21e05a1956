package org.frontdoor.triage.queue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "AssignRequest", description = "A team manager gives the item to a triage worker")
public record AssignCommand(
        @Schema(description = "The triage worker's staff id (GET /api/v1/staff)", example = "tw-sam-patel")
        @NotBlank @Size(max = 100) @PlainText String assignee) {
}
