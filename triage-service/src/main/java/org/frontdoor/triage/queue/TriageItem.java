package org.frontdoor.triage.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.triage.decision.Decision;
import org.frontdoor.triage.decision.DecisionRules;
import org.frontdoor.triage.screening.SuggestionReason;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.FourEyesViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One child of a referral in the MASH: suggestion, priority, who has it, and the decision. */
@Entity
@Table(name = "triage_item")
public class TriageItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "known_child_id")
    public UUID knownChildId;

    /** The child across contacts: the known child, else this contact's child (child_characteristics' key). */
    @Column(name = "child_key", nullable = false)
    public UUID childKey;

    @Column(nullable = false)
    public int position;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> indicators = new ArrayList<>();

    @Column(name = "immediate_risk", nullable = false)
    public boolean immediateRisk;

    @Column(name = "suggested_level", nullable = false)
    public int suggestedLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "suggestion_reasons", nullable = false)
    public List<SuggestionReason> suggestionReasons = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(nullable = false)
    public Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TriageStatus status;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** Always false now: every contact is screened. Set on contacts parked with a lead worker before. */
    @Column(name = "to_allocated_worker", nullable = false)
    public boolean toAllocatedWorker;

    @Column(name = "referrals_last_12_months", nullable = false)
    public int referralsLast12Months;

    @Column(name = "re_referral", nullable = false)
    public boolean reReferral;

    @Column(name = "same_day_first_referral_id")
    public UUID sameDayFirstReferralId;

    @Column(name = "open_case_id")
    public UUID openCaseId;

    @Column(name = "open_case_worker")
    public String openCaseWorker;

    @Column(name = "decided_level")
    public Integer decidedLevel;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    public Pathway pathway;

    @Column(name = "primary_need_code")
    public String primaryNeedCode;

    public String rationale;

    @Column(name = "referrer_feedback")
    public String referrerFeedback;

    @Column(name = "level_override_reason")
    public String levelOverrideReason;

    @Column(name = "approved_by")
    public String approvedBy;

    /** The approver's sign-in (the token's subject), kept beside the staff id. */
    @Column(name = "approved_by_subject")
    public String approvedBySubject;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The decider's sign-in (the token's subject), kept beside the staff id: four eyes hold by the person. */
    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "met_deadline")
    public Boolean metDeadline;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "open_case_pathway")
    public Pathway openCasePathway;

    /** The decision for a statutory assessment made this contact a referral (CIN census). */
    @Column(name = "became_referral", nullable = false)
    public boolean becameReferral;

    /** The CIN referral date: the contact's date in England. */
    @Column(name = "referral_date")
    public LocalDate referralDate;

    /** Kept with a decision awaiting approval, so that approval allocates as the decider asked. */
    @Column(name = "requested_lead_worker")
    public String requestedLeadWorker;

    @Column(name = "allocation_override_reason")
    public String allocationOverrideReason;

    @Column(name = "open_requests_reason")
    public String openRequestsReason;

    @Column(name = "approval_requested_at")
    public Instant approvalRequestedAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "sent_back_by")
    public String sentBackBy;

    @Column(name = "sent_back_at")
    public Instant sentBackAt;

    @Column(name = "sent_back_reason")
    public String sentBackReason;

    @Version
    public long version;

    /** The worker takes the item; false when it was theirs already (nothing changes). */
    public boolean claim(Actor worker, Instant now) {
        requireUndecided();
        if (assignedTo != null && !assignedTo.equals(worker.id())) {
            throw DomainException.conflict("Triage item " + id + " is already with " + assignedTo
                    + "; a team manager can reassign it");
        }
        if (assignedTo != null) {
            return false;
        }
        assignTo(worker.id(), now);
        return true;
    }

    /** A team manager gives the undecided item to a member of staff; returns whom it was with before. */
    public String assign(String staffId, Instant now) {
        requireUndecided();
        String previous = assignedTo;
        assignTo(staffId, now);
        return previous;
    }

    /** Back to the queue, with nobody (its worker left); a decided item stays as it is. */
    public void release() {
        if (status == TriageStatus.NEW || status == TriageStatus.IN_PROGRESS) {
            assignedTo = null;
            assignedAt = null;
            status = TriageStatus.NEW;
        }
    }

    /** Undecided, and with this worker or nobody; a team manager may decide any item. */
    public void requireDecidableBy(Actor decider) {
        requireUndecided();
        if (assignedTo != null && !assignedTo.equals(decider.id()) && !decider.teamManager()) {
            throw DomainException.conflict("Triage item " + id + " is with " + assignedTo
                    + "; a team manager can reassign it to you");
        }
    }

    /** Records the decision (not yet in effect: see {@link #awaitApproval} and {@link #takeEffect}). */
    public void decide(Decision decision, Actor decider, Instant now) {
        requireDecidableBy(decider);
        keep(decision);
        decidedBy(decider, now);
        if (assignedTo == null) {
            assignedTo = decider.id();
            assignedAt = now;
        }
    }

    /** The recorded decision waits for a team manager's approval. */
    public void awaitApproval(Instant now) {
        requireRecordedDecision();
        status = TriageStatus.AWAITING_APPROVAL;
        approvalRequestedAt = now;
    }

    /** A team manager sends the decision awaiting approval back to its decider, who has the item again. */
    public String sendBack(Actor manager, String reason, Instant now) {
        requireAwaitingApproval();
        String decider = decidedBy;
        assignTo(decider, now);
        sentBackBy = manager.id();
        sentBackAt = now;
        sentBackReason = reason;
        clearDecision();
        return decider;
    }

    /**
     * The recorded decision takes effect, approved by {@code approver} (null: none needed). {@code openPathway}: the
     * open case's before it; {@code reReferral}: an earlier referral of the child, read if the contact becomes one.
     */
    public void takeEffect(Actor approver, Instant now, Pathway openPathway, UUID effectCaseId, boolean reReferral) {
        requireRecordedDecision();
        if (approver != null) {
            requireApprovableBy(approver);
        }
        status = TriageStatus.DECIDED;
        approvedBy(approver, now);
        metDeadline = !now.isAfter(deadline);
        becameReferral = DecisionRules.becomesReferral(outcome, openPathway);
        if (becameReferral) {
            referralDate = contactDate();
            this.reReferral = reReferral;
        }
        if (effectCaseId != null) {
            caseId = effectCaseId;
        }
    }

    /** The contact's date in England: the CIN referral date, were it to become a referral. */
    public LocalDate contactDate() {
        return receivedAt.atZone(WorkingCalendar.ENGLAND).toLocalDate();
    }

    /**
     * Four eyes: only a decision awaiting approval is approved, and never by its decider, whether by the same
     * staff record or by the same sign-in under another record (the directory may have been edited since).
     */
    public void requireApprovableBy(Actor approver) {
        if (status != TriageStatus.AWAITING_APPROVAL) {
            // a ProblemException still: FourEyesRulesTest pins this refusal's class
            throw new ProblemException(ProblemType.CONFLICT, notAwaitingApproval());
        }
        if (approver.isSamePersonAs(decidedBy, decidedBySubject)) {
            throw new FourEyesViolation("You made this decision: another team manager must approve it. The approver"
                    + " is never the decider, by staff record or by sign-in.");
        }
    }

    public void requireUndecided() {
        if (status == TriageStatus.DECIDED) {
            throw DomainException.conflict("Triage item " + id + " was already decided by " + decidedBy + " at "
                    + decidedAt);
        }
        if (status == TriageStatus.AWAITING_APPROVAL) {
            throw DomainException.conflict("Triage item " + id + " was decided by " + decidedBy
                    + " and awaits a team manager's approval");
        }
    }

    public void requireAwaitingApproval() {
        if (status != TriageStatus.AWAITING_APPROVAL) {
            throw DomainException.conflict(notAwaitingApproval());
        }
    }

    private String notAwaitingApproval() {
        return "Triage item " + id + " is " + status + ": only a decision awaiting approval can be approved or sent back";
    }

    /** A decision recorded and not yet in effect. */
    private void requireRecordedDecision() {
        if (status == TriageStatus.DECIDED || outcome == null || decidedBy == null) {
            throw DomainException.conflict("Triage item " + id + (status == TriageStatus.DECIDED
                    ? " was already decided by " + decidedBy + " at " + decidedAt : " has no decision recorded"));
        }
    }

    private void assignTo(String staffId, Instant now) {
        assignedTo = staffId;
        assignedAt = now;
        status = TriageStatus.IN_PROGRESS;
    }

    /** Who decided, by staff id and sign-in, and when. */
    public void decidedBy(Actor decider, Instant at) {
        decidedBy = decider.id();
        decidedBySubject = decider.subject();
        decidedAt = at;
    }

    /** Approved (or, with null, in effect without approval): who approved, by staff id and sign-in, and when. */
    public void approvedBy(Actor approver, Instant at) {
        approvedBy = approver == null ? null : approver.id();
        approvedBySubject = approver == null ? null : approver.subject();
        approvedAt = approver == null ? null : at;
    }

    private void clearDecision() {
        keep(null);
        decidedBy = decidedBySubject = null;
        decidedAt = null;
        approvalRequestedAt = null;
    }

    /** The decision's own fields, or none. */
    private void keep(Decision d) {
        decidedLevel = d == null ? null : d.level();
        outcome = d == null ? null : d.outcome();
        pathway = d == null ? null : d.pathway();
        primaryNeedCode = d == null ? null : d.primaryNeedCode();
        rationale = d == null ? null : d.rationale();
        referrerFeedback = d == null ? null : d.referrerFeedback();
        levelOverrideReason = d == null ? null : d.levelOverrideReason();
        requestedLeadWorker = d == null ? null : d.requestedLeadWorker();
        allocationOverrideReason = d == null ? null : d.allocationOverrideReason();
        openRequestsReason = d == null ? null : d.openRequestsReason();
    }

    public boolean isOverdue(Instant now) {
        return status != TriageStatus.DECIDED && now.isAfter(deadline);
    }
}
