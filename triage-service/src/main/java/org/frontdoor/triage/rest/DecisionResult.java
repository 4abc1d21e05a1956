package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseResults;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;

@Schema(name = "DecisionResult", description = "The decision as recorded, and what it did to the child's case")
public record DecisionResult(UUID triageItemId, UUID referralId, UUID childId,
        @Schema(description = "DECIDED, or AWAITING_APPROVAL when risk demands a team manager's approval first")
        TriageStatus status,
        @Schema(example = "3", minimum = "1", maximum = "4") int level,
        Outcome outcome,
        Pathway pathway,
        @Schema(description = "Staff id", maxLength = 200) String decidedBy, Instant decidedAt, Instant deadline,
        @Schema(description = "Decided by its deadline; absent while awaiting approval") Boolean metDeadline,
        @Schema(description = "Staff id", maxLength = 200) String approvedBy,
        @Schema(description = "The contact became a referral (s17 or s47)") boolean becameReferral,
        @Schema(description = "CIN referral date, when it became a referral") LocalDate referralDate,
        @Schema(description = "The case opened, joined, stepped or passed to; none for no further action or"
                + " information and advice, nor while awaiting approval") UUID caseId,
        @Schema(description = "What the decision did to the case") CaseResults.EffectKind caseEffect,
        @Schema(description = "True when the child's open case was joined rather than a new one opened")
        boolean caseJoined,
        @Schema(description = "Staff id; absent while the case awaits a team manager's allocation",
                example = "eh-dana-price", maxLength = 100) String leadWorker,
        @Schema(description = "The lead worker's open cases, this one included", example = "4", minimum = "0",
                maximum = Bounds.LONG_MAX) Long leadWorkerOpenCases,
        @Schema(description = "When the case awaits allocation: by when a manager should allocate it")
        Instant allocationDueBy,
        @Schema(description = "E.g. the lead worker is inside the 13-16 caseload band; the decision awaits approval",
                maxItems = 10)
        List<@Size(max = 500) String> warnings,
        @Schema(description = "Version of the item after the decision", minimum = "0", maximum = Bounds.LONG_MAX)
        long version) {

    public static DecisionResult of(TriageResults.Decided d) {
        TriageItem item = d.item();
        CaseResults.Effect effect = d.effect();
        CareCase c = effect == null ? null : effect.careCase();
        return new DecisionResult(item.id, item.referralId, item.childId, item.status, item.decidedLevel, item.outcome,
                item.pathway, item.decidedBy, item.decidedAt, item.deadline,
                item.status == TriageStatus.DECIDED ? item.metDeadline : null, item.approvedBy, item.becameReferral,
                item.referralDate, item.caseId, effect == null ? null : effect.kind(),
                effect != null && effect.kind() != CaseResults.EffectKind.OPENED,
                c == null ? null : c.leadWorker,
                d.leadWorkerOpenCases(),
                c == null ? null : c.allocationDueBy, d.warnings(), item.version);
    }
}
