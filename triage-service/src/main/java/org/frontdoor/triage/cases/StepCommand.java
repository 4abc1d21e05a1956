package org.frontdoor.triage.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.validation.PlainText;
import org.frontdoor.triage.statutory.Assessment;

@Schema(name = "StepRequest", description = "Step a case up to social care, or down or across to early help")
public record StepCommand(
        @Schema(description = "UP (early help to social care), DOWN (social care to LA early help) or ACROSS"
                + " (social care to early help led by a partner agency)", example = "DOWN",
                type = SchemaType.STRING, enumeration = { "UP", "DOWN", "ACROSS" }) @NotBlank String direction,
        @Schema(description = "The pathway after the step: SOCIAL_CARE for UP, EARLY_HELP for DOWN and ACROSS",
                example = "EARLY_HELP") @NotNull Pathway pathway,
        @Schema(description = "Why: the manager's internal reasoning, kept in triage and never sent to partners", example = "Assessment complete; risks reduced; parents engaging. Panel agreed"
                + " step down to targeted early help.") @NotBlank @Size(max = 10000)
        @PlainText(multiline = true) String rationale,
        @Schema(description = "What the referrer and partner agencies are told about the step; the rationale stays"
                + " internal. When empty, they are told only that the case moved, where to and who leads it",
                example = "The family's needs are now met by a targeted early help plan with a lead practitioner.")
        @Size(max = 5000) @PlainText(multiline = true) String partnerSummary,
        @Schema(description = "The step-down panel's date (required for DOWN and ACROSS; not in the future)",
                example = "2026-11-20") LocalDate panelDate,
        @Schema(description = "A lead worker (staff id) of the new pathway; when empty, the least loaded one of that"
                + " pathway with room, else the case waits for a manager's allocation")
        @Size(max = 100) String leadWorker,
        @Schema(description = "A team manager's reason to allocate a worker above the caseload maximum")
        @Size(max = 2000) @PlainText(multiline = true) String allocationOverrideReason) {
}
