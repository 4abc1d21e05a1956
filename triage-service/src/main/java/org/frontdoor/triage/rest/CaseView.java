package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseApprovals;
import org.frontdoor.triage.cases.CaseChangeRequest;
import org.frontdoor.triage.cases.CaseChild;
import org.frontdoor.triage.cases.CaseResults;
import org.frontdoor.triage.cases.CaseStep;
import org.frontdoor.triage.queue.TriageReferral;

@Schema(name = "Case", description = "An early help or social care case")
public record CaseView(UUID id, UUID referralId,
        CareCase.Status status,
        Pathway pathway,
        @Schema(description = "Staff id of the lead worker; absent while the case awaits a manager's allocation",
                example = "eh-dana-price", maxLength = 100) String leadWorker,
        @Schema(description = "While awaiting allocation: by when a team manager should allocate it")
        Instant allocationDueBy,
        Instant openedAt, @Schema(description = "Staff id", maxLength = 200) String openedBy,
        @Schema(description = "The children the case is about (a record's own list: not paged)") List<Child> children,
        @Schema(description = "Every step up, down or across (a record's own history: not paged)") List<Step> steps,
        @Schema(description = "Every partner agency involved: professional referrers and agencies checked (a record's"
                + " own list: not paged)")
        List<@Size(max = 200) String> partnerAgencies,
        Instant closedAt, @Schema(description = "CIN reason for closure") ClosureReason closureReasonCode,
        @Schema(maxLength = 10000) String closureSummary,
        @Schema(description = "What happened to the case, oldest first (a record's own history: not paged)")
        List<TriageItemView.History> history,
        @Schema(description = "After a change: what the manager should know, e.g. the new lead worker's caseload",
                maxItems = 10)
        List<@Size(max = 500) String> warnings,
        @Schema(description = "Version of the case: send it back in If-Match to change it", minimum = "0",
                maximum = Bounds.LONG_MAX) long version,
        @Schema(description = "A close or step waiting for a second manager's approval (the case was opened from an"
                + " immediate-risk contact less than 10 working days before); absent when none")
        PendingChange pendingChange) {

    @Schema(name = "PendingCaseChange", description = "A close or step as the manager asked it, waiting for another"
            + " team manager (never the one who asked, by staff record or by sign-in) to approve or decline it")
    public record PendingChange(CaseChangeRequest.Kind kind,
            @Schema(description = "CLOSE: the CIN reason for closure asked for") ClosureReason reasonCode,
            @Schema(description = "CLOSE: the closing summary", maxLength = 10000) String summary,
            @Schema(description = "STEP: UP, DOWN or ACROSS") StepDirection direction,
            @Schema(description = "STEP: the pathway after the step") Pathway pathway,
            @Schema(description = "STEP: internal, never sent to partners", maxLength = 10000) String rationale,
            @Schema(description = "STEP: what partners will be told", maxLength = 5000) String partnerSummary,
            LocalDate panelDate, @Schema(description = "STEP: the lead worker asked for", maxLength = 100)
            String leadWorker,
            @Schema(description = "Staff id of the manager who asked", maxLength = 200) String requestedBy,
            @Schema(description = "Their sign-in (the token's subject)", maxLength = 200) String requestedBySubject,
            Instant requestedAt) {

        public static PendingChange of(CaseChangeRequest r) {
            return r == null ? null : new PendingChange(r.kind, ClosureReason.fromCode(r.reasonCode).orElse(null),
                    r.summary, r.direction == null ? null : StepDirection.valueOf(r.direction), r.toPathway,
                    r.rationale, r.partnerSummary, r.panelDate, r.leadWorker, r.requestedBy, r.requestedBySubject,
                    r.requestedAt);
        }
    }

    /** A case's change awaiting a second manager, in the list of them. */
    @Schema(name = "CaseChangeAwaitingApproval")
    public record Awaiting(UUID caseId, PendingChange change) {

        @Schema(name = "CaseChangesAwaitingApproval", description = "A page of them, the longest waiting first")
        public record Page(@Schema(minimum = "0", maximum = "100000") int page,
                @Schema(minimum = "1", maximum = "100") int size,
                @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
                @Schema(maxItems = 100) List<Awaiting> items) {

            public static Page of(CaseApprovals.Page p) {
                return new Page(p.page(), p.size(), p.total(),
                        p.requests().stream().map(r -> new Awaiting(r.caseId, PendingChange.of(r))).toList());
            }
        }
    }

    @Schema(name = "CaseChild")
    public record Child(UUID childId, UUID referralId,
            @Schema(description = "The human reference of the contact that brought the child; absent for a contact"
                    + " received before references", example = "FD-2026-004213", maxLength = 30) String reference,
            UUID triageItemId, Instant joinedAt) {

        public static Child of(CaseChild c) {
            TriageReferral contact = TriageReferral.findById(c.referralId);
            return new Child(c.key.childId(), c.referralId, contact == null ? null : contact.reference,
                    c.triageItemId, c.joinedAt);
        }
    }

    @Schema(name = "CaseStep")
    public record Step(@Schema(example = "UP") StepDirection direction, Pathway fromPathway, Pathway toPathway,
            @Schema(description = "Internal: never sent to partners", maxLength = 10000) String rationale,
            @Schema(description = "What the referrer and partner agencies were told", maxLength = 5000)
            String partnerSummary,
            LocalDate panelDate, @Schema(description = "Staff id", maxLength = 200) String steppedBy,
            Instant steppedAt) {

        public static Step of(CaseStep s) {
            return new Step(s.direction, s.fromPathway, s.toPathway, s.rationale, s.partnerSummary, s.panelDate,
                    s.steppedBy, s.steppedAt);
        }
    }

    /** A case in a list: awaiting allocation, or a worker's own. */
    @Schema(name = "CaseSummary")
    public record Summary(UUID id, UUID referralId, Pathway pathway,
            @Schema(description = "Staff id; absent while awaiting allocation", maxLength = 100) String leadWorker,
            Instant openedAt,
            Instant allocationDueBy, @Schema(description = "Past its allocation deadline") boolean allocationOverdue) {

        public static Summary of(CareCase c, Instant now) {
            return new Summary(c.id, c.referralId, c.pathway, c.leadWorker, c.openedAt, c.allocationDueBy,
                    c.allocationDueBy != null && now.isAfter(c.allocationDueBy));
        }
    }

    /** A page of a case list; {@code total} counts the whole list. */
    @Schema(name = "CaseSummaryPage")
    public record SummaryPage(@Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<Summary> items) {

        public static SummaryPage of(List<CareCase> all, int page, int size, Instant now) {
            return new SummaryPage(page, size, all.size(),
                    Paging.slice(all, page, size).stream().map(c -> Summary.of(c, now)).toList());
        }
    }

    public static CaseView of(CaseResults.Details d) {
        CareCase c = d.careCase();
        return new CaseView(c.id, c.referralId, c.status, c.pathway, c.leadWorker, c.allocationDueBy, c.openedAt,
                c.openedBy, d.children().stream().map(Child::of).toList(), d.steps().stream().map(Step::of).toList(),
                d.partnerAgencies(), c.closedAt, ClosureReason.fromCode(c.closureReasonCode).orElse(null), c.closureSummary,
                d.history().stream().map(TriageItemView.History::of).toList(), d.warnings(), c.version,
                PendingChange.of(d.pendingChange()));
    }
}
