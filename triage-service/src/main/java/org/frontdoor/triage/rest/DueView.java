package org.frontdoor.triage.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.domain.AssessmentService;

@Schema(name = "Due", description = "A statutory timescale running: an assessment to authorise or a conference to"
        + " hold")
public record DueView(AssessmentService.Kind kind,
        @Schema(description = "The assessment or enquiry; empty for an assessment not yet started") UUID id,
        UUID triageItemId, UUID referralId, UUID childKey, UUID caseId,
        @Schema(description = "Staff id", maxLength = 100) String leadWorker,
        @Schema(description = "The referral (assessment) or strategy discussion (conference) date") LocalDate from,
        LocalDate dueOn, boolean overdue,
        @Schema(description = "Working days left; negative when overdue", minimum = "-2147483648",
                maximum = Bounds.INT_MAX) int workingDaysLeft) {

    public static DueView of(AssessmentService.Due d) {
        return new DueView(d.kind(), d.id(), d.triageItemId(), d.referralId(), d.childKey(), d.caseId(),
                d.leadWorker(), d.from(), d.dueOn(), d.overdue(), d.workingDaysLeft());
    }
}
