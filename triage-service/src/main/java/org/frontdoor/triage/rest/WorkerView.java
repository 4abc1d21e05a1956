package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Worker", description = "A lead worker and their open cases")
public record WorkerView(@Schema(example = "eh-dana-price") String id, @Schema(example = "Dana Price") String name,
        @Schema(example = "Early help east") String team, @Schema(example = "EARLY_HELP") String pathway,
        boolean active,
        @Schema(example = "14") long openCaseCount,
        @Schema(description = "UNDER the band, WITHIN the 13-16 band (warns), OVER the maximum", example = "WITHIN")
        String caseloadBand,
        List<OpenCase> openCases) {

    @Schema(name = "WorkerOpenCase")
    public record OpenCase(UUID caseId, String pathway, Instant openedAt) {
    }
}
