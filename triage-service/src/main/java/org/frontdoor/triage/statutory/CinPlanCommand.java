package org.frontdoor.triage.statutory;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CinPlanRequest", description = "A child in need plan of a referral (the census's CINPlanDates): when"
        + " it started and, once it has, when it ended")
public record CinPlanCommand(
        @Schema(description = "The date the plan started (CINPlanStartDate): not before the referral, not in the"
                + " future", example = "2026-12-01") @NotNull LocalDate startedOn,
        @Schema(description = "The date the plan ended (CINPlanEndDate): not before it started, not in the future;"
                + " absent while it goes on", example = "2027-03-01") LocalDate endedOn) {
}
