package org.frontdoor.triage.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.triage.domain.HistoryEntry;
import org.frontdoor.triage.domain.PartnerCheck;
import org.frontdoor.triage.domain.SuggestionReason;
import org.frontdoor.triage.domain.TriageItem;

/** Everything a triage worker needs to decide for one child. */
@Schema(name = "TriageItem")
public record TriageItemView(UUID id, UUID referralId, UUID childId,
        @Schema(example = "IN_PROGRESS") String status,
        @Schema(example = "AMBER") String priority,
        Instant receivedAt, Instant queuedAt, Instant deadline, boolean overdue,
        String assignedTo, Instant assignedAt, boolean toAllocatedWorker,
        Suggestion suggestion, PriorInvolvement priorInvolvement, Referral referral, List<Check> checks,
        Decision decision,
        @Schema(description = "The case this child's decision opened or joined (or the open case the contact went to)")
        UUID caseId,
        List<History> history) {

    @Schema(name = "Suggestion", description = "The level the threshold rules suggest, and why. A guide, not a verdict.")
    public record Suggestion(@Schema(example = "3") int level, List<SuggestionReason> reasons) {
    }

    @Schema(name = "PriorInvolvement")
    public record PriorInvolvement(int referralsInLast12Months, boolean reReferral, UUID sameDayFirstReferralId,
            UUID openCaseId, String openCaseWorker) {
    }

    @Schema(name = "ReferralContent", description = "The referral as received")
    public record Referral(ReferralReceived.Referrer referrer, Instant acknowledgementDueBy,
            ReferralReceived.Child child, List<Sibling> siblings,
            List<ReferralReceived.HouseholdMember> householdMembers, ReferralReceived.Concerns concerns,
            ReferralReceived.Consent consent) {
    }

    @Schema(name = "Sibling", description = "Another child of the same referral, with their own triage item")
    public record Sibling(int position, UUID childId, UUID triageItemId, String firstName, String lastName,
            LocalDate dateOfBirth) {
    }

    @Schema(name = "PartnerCheck")
    public record Check(UUID id, @Schema(example = "POLICE") String agency, String organisation, String contactName,
            Instant checkedAt, String findings, String recordedBy, Instant recordedAt) {

        public static Check of(PartnerCheck c) {
            return new Check(c.id, c.agency, c.organisation, c.contactName, c.checkedAt, c.findings, c.recordedBy,
                    c.recordedAt);
        }
    }

    @Schema(name = "Decision")
    public record Decision(int level, String outcome, String pathway, String primaryNeedCode, String rationale,
            String referrerFeedback, String levelOverrideReason, String decidedBy, Instant decidedAt,
            boolean metDeadline, @Schema(description = "The team manager who made a no-further-action decision"
                    + " despite immediate risk") String approvedBy) {
    }

    @Schema(name = "HistoryEntry")
    public record History(Instant at, String actor, @Schema(example = "CLAIMED") String action, String detail) {

        public static History of(HistoryEntry e) {
            return new History(e.at, e.actor, e.action, e.detail);
        }
    }

    public static TriageItemView of(TriageItem item, ReferralReceived content, List<Sibling> siblings,
            List<PartnerCheck> checks, List<HistoryEntry> history, Instant now) {
        ReferralReceived.Child child = content.children().stream()
                .filter(c -> item.childId.equals(c.childId())).findFirst().orElse(null);
        Decision decision = item.decidedAt == null ? null
                : new Decision(item.decidedLevel, item.outcome.name(), item.pathway.name(), item.primaryNeedCode,
                        item.rationale, item.referrerFeedback, item.levelOverrideReason, item.decidedBy,
                        item.decidedAt, Boolean.TRUE.equals(item.metDeadline), item.approvedBy);
        return new TriageItemView(item.id, item.referralId, item.childId, item.status.name(), item.priority.name(),
                item.receivedAt, item.queuedAt, item.deadline, item.isOverdue(now), item.assignedTo, item.assignedAt,
                item.toAllocatedWorker, new Suggestion(item.suggestedLevel, item.suggestionReasons),
                new PriorInvolvement(item.referralsLast12Months, item.reReferral, item.sameDayFirstReferralId,
                        item.openCaseId, item.openCaseWorker),
                new Referral(content.referrer(), content.acknowledgementDueBy(), child, siblings,
                        content.householdMembers() == null ? List.of() : content.householdMembers(),
                        content.concerns(), content.consent()),
                checks.stream().map(Check::of).toList(), decision, item.caseId,
                history.stream().map(History::of).toList());
    }
}
