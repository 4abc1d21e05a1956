package org.frontdoor.triage.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "DecisionRequest", description = "The front door's decision for one child")
public record DecisionCommand(
        @Schema(description = "Level of the continuum of need, 1-4", example = "3") @NotNull @Min(1) @Max(4) Integer level,
        @Schema(description = "Levels 1-2: NO_FURTHER_ACTION or INFORMATION_AND_ADVICE; level 2:"
                + " EARLY_HELP_SINGLE_AGENCY; level 3: EARLY_HELP_TARGETED; level 4: SOCIAL_CARE_ASSESSMENT (s17) or"
                + " STRATEGY_DISCUSSION (s47), which make the contact a referral. PASSED_TO_ALLOCATED_WORKER only for"
                + " a child with an open case, at any level, with the reason in the rationale",
                example = "EARLY_HELP_TARGETED") @NotNull Outcome outcome,
        @Schema(description = "CIN primary need N0-N9; required for social care outcomes", example = "N1",
                type = SchemaType.STRING,
                enumeration = { "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9" })
        String primaryNeedCode,
        @Schema(description = "Why: the worker's reasoning, for the record (stays internal; for"
                + " PASSED_TO_ALLOCATED_WORKER, the reason it goes to the allocated worker)", example = "Neglect indicators confirmed by"
                + " health and school; parents engage; needs a coordinated multi-agency plan.")
        @NotBlank @Size(max = 10000) @PlainText(multiline = true) String rationale,
        @Schema(description = "What the referrer may be told (professionals hear it with the outcome)",
                example = "Thank you for your referral. The family will be offered targeted early help with a"
                        + " lead practitioner; the school will be invited to the Team Around the Family.")
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String referrerFeedback,
        @Schema(description = "Required when the level differs from the suggested level: why")
        @Size(max = 5000) @PlainText(multiline = true) String levelOverrideReason,
        @Schema(description = "Lead worker (a staff id) for a case this decision opens or steps (GET /api/v1/staff);"
                + " when empty, the active worker of the pathway with the fewest open cases who has room. When the"
                + " worker has no room the case waits for a team manager's allocation", example = "eh-dana-price")
        @Size(max = 100) String leadWorker,
        @Schema(description = "A team manager's reason to allocate a worker above the caseload maximum")
        @Size(max = 2000) @PlainText(multiline = true) String allocationOverrideReason,
        @Schema(description = "Required while partner organisations' answers are still awaited (information requests"
                + " REQUESTED or OVERDUE): why the decision does not wait for them. Kept with the decision and in the"
                + " item's history", example = "Police confirmed the risk by phone; health's answer cannot change the"
                + " outcome.")
        @Size(max = 2000) @PlainText(multiline = true) String openRequestsReason) {
}
