package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionResult", description = "The decision as recorded, and the case it opened or joined")
public record DecisionResult(UUID triageItemId, UUID referralId, UUID childId,
        @Schema(example = "3") int level,
        @Schema(example = "EARLY_HELP_TARGETED") String outcome,
        @Schema(example = "EARLY_HELP") String pathway,
        String decidedBy, Instant decidedAt, Instant deadline,
        @Schema(description = "Decided by its deadline") boolean metDeadline,
        String approvedBy,
        @Schema(description = "The case opened or joined; none for no further action or information and advice")
        UUID caseId,
        @Schema(description = "True when the child's open case was joined rather than a new one opened")
        boolean caseJoined,
        @Schema(example = "eh-dana-price") String leadWorker,
        @Schema(description = "The lead worker's open cases, this one included", example = "4") Long leadWorkerOpenCases,
        @Schema(description = "E.g. the lead worker is inside the 13-16 caseload band") List<String> warnings) {
}
