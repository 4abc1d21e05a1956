package org.frontdoor.triage.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.children.PossibleMatch;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;
import org.frontdoor.triage.screening.PartnerCheck;
import org.frontdoor.triage.screening.SuggestionReason;
import org.frontdoor.triage.sharing.InformationRequest;
import org.frontdoor.triage.sharing.InformationRequestStatus;

/** Everything a triage worker needs to decide for one child. */
@Schema(name = "TriageItem")
public record TriageItemView(UUID id, UUID referralId,
        @Schema(description = "The contact's short human reference, what people quote; absent for a contact received"
                + " before references", example = "FD-2026-004213", maxLength = 30) String reference,
        UUID childId,
        @Schema(description = "The child across contacts: GET/PUT /api/v1/children/{childKey}/characteristics")
        UUID childKey,
        TriageStatus status,
        Priority priority,
        Instant receivedAt, Instant queuedAt, Instant deadline, boolean overdue,
        @Schema(description = "Staff id of the worker who has it", maxLength = 200) String assignedTo, Instant assignedAt,
        Suggestion suggestion, PriorInvolvement priorInvolvement,
        @Schema(description = "The child's open case now, with its pathway and lead worker (until decided)")
        OpenCase openCase,
        Referral referral,
        @Schema(description = "Every partner agency check recorded for the child (a record's own history: not paged)")
        List<Check> checks,
        @Schema(description = "The questions asked of partner organisations about the contact's children from this"
                + " item, oldest first, with their answers (a record's own history: not paged)", maxItems = 100)
        List<RequestOnItem> informationRequests,
        Decision decision,
        @Schema(description = "The last time a team manager sent a decision back, and why") SentBack sentBack,
        @Schema(description = "The case this child's decision opened, joined or stepped") UUID caseId,
        @Schema(description = "Version of the item: send it back in If-Match to change it", minimum = "0",
                maximum = Bounds.LONG_MAX) long version,
        @Schema(description = "What happened to the item, oldest first (a record's own history: not paged)")
        List<History> history,
        @Schema(description = "Earlier records that may be this child despite a misspelt name, a mistyped date of"
                + " birth or a new postcode, best first, each with its score, the reasons and its earlier contacts"
                + " (at most frontdoor.matching.max-matches; none rejected as not the same child). For a person to"
                + " confirm (merge) or reject, never joined automatically.", maxItems = 20)
        List<PossibleMatch> possibleMatches) {

    @Schema(name = "Suggestion", description = "The level the threshold rules suggest, and why. A guide, not a verdict.")
    public record Suggestion(@Schema(example = "3", minimum = "1", maximum = "4") int level,
            @Schema(description = "One a contact's indicator (at most 40) and each rule across them", maxItems = 43)
            List<SuggestionReason> reasons) {
    }

    @Schema(name = "PriorInvolvement", description = "What the front door knew of the child when the contact arrived")
    public record PriorInvolvement(
            @Schema(description = "Earlier referrals (contacts that became referrals) in the last 12 months",
                    minimum = "0", maximum = Bounds.INT_MAX)
            int referralsInLast12Months,
            @Schema(description = "Should this contact become a referral, it is a re-referral") boolean reReferral,
            @Schema(description = "The first contact of the same day about this child") UUID sameDayFirstReferralId,
            UUID openCaseId, @Schema(description = "The open case's lead worker (staff id)", maxLength = 200)
            String openCaseWorker) {
    }

    @Schema(name = "OpenCase", description = "The child's open case")
    public record OpenCase(UUID caseId, Pathway pathway,
            @Schema(description = "Staff id; absent while the case awaits allocation", maxLength = 100) String leadWorker,
            Instant openedAt) {

        static OpenCase of(CareCase c) {
            return c == null ? null : new OpenCase(c.id, c.pathway, c.leadWorker, c.openedAt);
        }
    }

    @Schema(name = "ContactContent", description = "The contact as received")
    public record Referral(ReferralReceived.Referrer referrer, Instant acknowledgementDueBy,
            ReferralReceived.Child child,
            @Schema(description = "The contact's other children (at most 20 a contact)", maxItems = 19)
            List<Sibling> siblings,
            @Schema(maxItems = 20) List<ReferralReceived.HouseholdMember> householdMembers, ReferralReceived.Concerns concerns,
            ReferralReceived.Consent consent) {
    }

    @Schema(name = "Sibling", description = "Another child of the same contact, with their own triage item")
    public record Sibling(@Schema(description = "Its place in the contact, from 1", minimum = "1", maximum = "20")
            int position, UUID childId, UUID triageItemId, @Schema(maxLength = 100) String firstName,
            @Schema(maxLength = 100) String lastName,
            LocalDate dateOfBirth, TriageStatus status) {

        static Sibling of(TriageResults.Sibling s) {
            return new Sibling(s.position(), s.childId(), s.triageItemId(), s.firstName(), s.lastName(),
                    s.dateOfBirth(), s.status());
        }
    }

    @Schema(name = "PartnerCheck")
    public record Check(UUID id, AgencyType agency,
            @Schema(description = "Its id in the partner directory", example = "south-yorkshire-police", maxLength = 100) String organisation,
            @Schema(maxLength = 200) String contactName,
            Instant checkedAt, @Schema(maxLength = 10000) String findings,
            @Schema(description = "Staff id", maxLength = 200) String recordedBy, Instant recordedAt) {

        public static Check of(PartnerCheck c) {
            return new Check(c.id, c.agency, c.organisation, c.contactName, c.checkedAt, c.findings, c.recordedBy,
                    c.recordedAt);
        }
    }

    @Schema(name = "InformationRequestOnItem", description = "A question to a partner organisation and its answer")
    public record RequestOnItem(UUID id,
            @Schema(description = "Its id in the partner directory", example = "south-yorkshire-police", maxLength = 100)
            String organisation, Priority urgency, Instant deadline, InformationRequestStatus status,
            @Schema(description = "What the organisation holds (ANSWERED)", maxLength = 10000) String findings,
            @Schema(description = "Why it will not answer (DECLINED)", maxLength = 2000) String declinedReason,
            Instant answeredAt,
            @Schema(description = "When it was chased, its deadline passed unanswered") Instant chasedAt,
            @Schema(description = "Answered after its deadline") boolean late) {

        public static RequestOnItem of(InformationRequest r) {
            return new RequestOnItem(r.id, r.organisationId, r.urgency, r.deadline, r.status, r.findings,
                    r.declinedReason, r.answeredAt, r.chasedAt, r.answeredLate());
        }
    }

    @Schema(name = "Decision")
    public record Decision(@Schema(minimum = "1", maximum = "4") int level, Outcome outcome, Pathway pathway,
            @Schema(description = "CIN primary need") PrimaryNeed primaryNeedCode,
            @Schema(maxLength = 10000) String rationale, @Schema(maxLength = 5000) String referrerFeedback,
            @Schema(maxLength = 5000) String levelOverrideReason,
            @Schema(description = "Why it did not wait for the partners' answers still awaited", maxLength = 2000)
            String openRequestsReason,
            @Schema(description = "Staff id", maxLength = 200) String decidedBy,
            @Schema(description = "The decider's sign-in (the token's subject): the approver's is never the same",
                    maxLength = 200) String decidedBySubject,
            Instant decidedAt,
            @Schema(description = "Waits for a team manager's approval") boolean awaitingApproval,
            @Schema(description = "Decided by its deadline (once in effect)") Boolean metDeadline,
            @Schema(description = "The team manager who approved it, where it needed approval", maxLength = 200)
            String approvedBy,
            @Schema(description = "The approver's sign-in (the token's subject)", maxLength = 200)
            String approvedBySubject,
            Instant approvedAt,
            @Schema(description = "The decision made the contact a referral (s17 or s47)") boolean becameReferral,
            @Schema(description = "CIN referral date, when it became a referral") LocalDate referralDate) {
    }

    @Schema(name = "SentBack")
    public record SentBack(@Schema(description = "Staff id", maxLength = 200) String by, Instant at,
            @Schema(maxLength = 5000) String reason) {
    }

    @Schema(name = "HistoryEntry")
    public record History(Instant at, @Schema(description = "Staff id, or system", maxLength = 200) String actor,
            @Schema(description = "The actor's sign-in (the token's subject); absent for the system and for entries"
                    + " from before it was kept", maxLength = 200) String actorSubject,
            @Schema(example = "CLAIMED", maxLength = 40) String action, @Schema(maxLength = 1000) String detail) {

        public static History of(HistoryEntry e) {
            return new History(e.at, e.actor, e.actorSubject, e.action, e.detail);
        }
    }

    /** The item with its child's possible earlier records. */
    public static TriageItemView of(TriageResults.Details d, List<PossibleMatch> possibleMatches, Instant now) {
        TriageItem item = d.item();
        ReferralReceived content = d.content();
        ReferralReceived.Child child = content.children().stream()
                .filter(c -> item.childId.equals(c.childId())).findFirst().orElse(null);
        Decision decision = item.decidedAt == null ? null
                : new Decision(item.decidedLevel, item.outcome, item.pathway,
                        PrimaryNeed.fromCode(item.primaryNeedCode).orElse(null), item.rationale,
                        item.referrerFeedback, item.levelOverrideReason, item.openRequestsReason, item.decidedBy,
                        item.decidedBySubject, item.decidedAt, item.status == TriageStatus.AWAITING_APPROVAL, item.metDeadline,
                        item.approvedBy, item.approvedBySubject, item.approvedAt, item.becameReferral, item.referralDate);
        return new TriageItemView(item.id, item.referralId, content.reference(), item.childId, item.childKey, item.status, item.priority,
                item.receivedAt, item.queuedAt, item.deadline, item.isOverdue(now), item.assignedTo, item.assignedAt,
                new Suggestion(item.suggestedLevel, item.suggestionReasons),
                new PriorInvolvement(item.referralsLast12Months, item.reReferral, item.sameDayFirstReferralId,
                        item.openCaseId, item.openCaseWorker),
                OpenCase.of(d.openCase()),
                new Referral(content.referrer(), content.acknowledgementDueBy(), child,
                        d.siblings().stream().map(Sibling::of).toList(),
                        content.householdMembers() == null ? List.of() : content.householdMembers(),
                        content.concerns(), content.consent()),
                d.checks().stream().map(Check::of).toList(),
                d.informationRequests().stream().map(RequestOnItem::of).toList(), decision,
                item.sentBackAt == null ? null : new SentBack(item.sentBackBy, item.sentBackAt, item.sentBackReason),
                item.caseId, item.version, d.history().stream().map(History::of).toList(), possibleMatches);
    }
}
