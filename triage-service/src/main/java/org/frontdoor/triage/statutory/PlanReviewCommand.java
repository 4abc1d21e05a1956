package org.frontdoor.triage.statutory;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanReviewRequest", description = "A review conference of a child protection plan (the census's"
        + " CPPreviewDate)")
public record PlanReviewCommand(
        @Schema(description = "The review conference's date: after the plan started, not after it ended, not in the"
                + " future", example = "2027-03-05") @NotNull LocalDate reviewedOn) {
}
