package org.frontdoor.triage.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.triage.domain.CaseChild;
import org.frontdoor.triage.domain.CaseStep;

@Schema(name = "Case", description = "An early help or social care case")
public record CaseView(UUID id, UUID referralId,
        @Schema(example = "OPEN") String status,
        @Schema(example = "EARLY_HELP") String pathway,
        @Schema(example = "eh-dana-price") String leadWorker,
        Instant openedAt, String openedBy, List<Child> children, List<Step> steps,
        @Schema(description = "Every partner agency involved: professional referrers and agencies checked")
        List<String> partnerAgencies,
        Instant closedAt, String closureReasonCode, String closureSummary,
        List<TriageItemView.History> history,
        @Schema(description = "After a change: what the manager should know, e.g. the new lead worker's caseload")
        List<String> warnings) {

    @Schema(name = "CaseChild")
    public record Child(UUID childId, UUID referralId, UUID triageItemId, Instant joinedAt) {

        public static Child of(CaseChild c) {
            return new Child(c.key.childId(), c.referralId, c.triageItemId, c.joinedAt);
        }
    }

    @Schema(name = "CaseStep")
    public record Step(String direction, String fromPathway, String toPathway, String rationale, LocalDate panelDate,
            String steppedBy, Instant steppedAt) {

        public static Step of(CaseStep s) {
            return new Step(s.direction, s.fromPathway.name(), s.toPathway.name(), s.rationale, s.panelDate,
                    s.steppedBy, s.steppedAt);
        }
    }
}
