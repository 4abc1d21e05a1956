package org.frontdoor.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "AssignRequest", description = "A team manager gives the item to a triage worker")
public record AssignRequest(
        @Schema(description = "The triage worker's user name, as in their token", example = "dev-triage-worker")
        @NotBlank @Size(max = 200) @PlainText String assignee) {
}
