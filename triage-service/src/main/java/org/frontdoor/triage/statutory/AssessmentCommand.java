package org.frontdoor.triage.statutory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AssessmentFactor;

@Schema(name = "AssessmentRequest", description = "A child's s17 assessment: when it started, and once a manager"
        + " authorised it, when, with the factors identified at its end (CIN census codes)")
public record AssessmentCommand(
        @Schema(description = "The date it actually started: not before the referral, not in the future",
                example = "2026-11-24") @NotNull LocalDate startedOn,
        @Schema(description = "Whether the child was seen during it") Boolean childSeen,
        @Schema(description = "The date a manager authorised it (its completion): not before it started",
                example = "2026-12-18") LocalDate authorisedOn,
        @Schema(description = "Factors identified at the end, once authorised; 21 (none) stands alone",
                example = "[\"2B\", \"3A\"]") @Size(max = 40) List<AssessmentFactor> factors,
        @Schema(description = "Once authorised: whether the child was assessed as needing children's social care"
                + " support (Ofsted Annex A, list 4)") Boolean requiresSupport) {
}
