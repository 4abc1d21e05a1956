package org.frontdoor.triage.statutory;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.CategoryOfAbuse;

@Schema(name = "CategoryChangeRequest", description = "A child protection plan's category of abuse changed (the"
        + " census's LatestCategoryOfAbuse is the latest change's)")
public record CategoryChangeCommand(
        @Schema(description = "The day it changed (e.g. at a review conference): after the plan started, not after"
                + " it ended, not in the future", example = "2027-03-05") @NotNull LocalDate changedOn,
        @Schema(description = "The category of abuse from that day", example = "EMO") @NotNull
        CategoryOfAbuse category) {
}
