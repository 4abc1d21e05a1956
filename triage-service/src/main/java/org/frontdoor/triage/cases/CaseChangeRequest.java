package org.frontdoor.triage.cases;

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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.FourEyesViolation;

/**
 * A close or step of a case that needs a second manager (a case opened from an immediate-risk contact, in its
 * first working days): kept as asked until another manager, by staff record and by sign-in, approves it (then it
 * takes effect) or declines it.
 */
@Entity
@Table(name = "case_change_request")
public class CaseChangeRequest extends PanacheEntityBase {

    @Schema(name = "CaseChangeKind")
    public enum Kind {
        CLOSE, STEP
    }

    @Schema(name = "CaseChangeStatus")
    public enum Status {
        PENDING, APPROVED, DECLINED
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "reason_code")
    public String reasonCode;

    public String summary;

    public String direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_pathway")
    public Pathway toPathway;

    public String rationale;

    @Column(name = "partner_summary")
    public String partnerSummary;

    @Column(name = "panel_date")
    public LocalDate panelDate;

    @Column(name = "lead_worker")
    public String leadWorker;

    @Column(name = "allocation_override_reason")
    public String allocationOverrideReason;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_by_subject", nullable = false)
    public String requestedBySubject;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_by_subject")
    public String reviewedBySubject;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "decline_reason")
    public String declineReason;

    @Version
    public long version;

    /** A close, as asked, waiting for a second manager. */
    public static CaseChangeRequest close(UUID caseId, CloseCommand command, Actor by, Instant at) {
        CaseChangeRequest r = requested(caseId, Kind.CLOSE, by, at);
        r.reasonCode = command.reasonCode().strip();
        r.summary = command.summary().strip();
        return r;
    }

    /** A step, as asked, waiting for a second manager. */
    public static CaseChangeRequest step(UUID caseId, StepCommand command, Actor by, Instant at) {
        CaseChangeRequest r = requested(caseId, Kind.STEP, by, at);
        r.direction = command.direction();
        r.toPathway = command.pathway();
        r.rationale = command.rationale().strip();
        r.partnerSummary = Text.blankToNull(command.partnerSummary());
        r.panelDate = command.panelDate();
        r.leadWorker = Text.blankToNull(command.leadWorker());
        r.allocationOverrideReason = Text.blankToNull(command.allocationOverrideReason());
        return r;
    }

    private static CaseChangeRequest requested(UUID caseId, Kind kind, Actor by, Instant at) {
        CaseChangeRequest r = new CaseChangeRequest();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.kind = kind;
        r.status = Status.PENDING;
        r.requestedBy = by.id();
        r.requestedBySubject = by.subject();
        r.requestedAt = at;
        return r;
    }

    public CloseCommand closeCommand() {
        return new CloseCommand(reasonCode, summary);
    }

    public StepCommand stepCommand() {
        return new StepCommand(direction, toPathway, rationale, partnerSummary, panelDate, leadWorker,
                allocationOverrideReason);
    }

    /** The manager who asked, as the one who closes or steps once approved. */
    public Actor requester() {
        return new Actor(requestedBy, requestedBySubject, null, true);
    }

    /**
     * Four eyes: a pending change is approved by a manager other than the one who asked, by staff record and by
     * sign-in alike; then it is APPROVED, by whom and when.
     */
    public void approveBy(Actor approver, Instant at) {
        requirePending();
        if (approver.isSamePersonAs(requestedBy, requestedBySubject)) {
            throw new FourEyesViolation("You asked for this " + kind.name().toLowerCase() + ": another team manager"
                    + " must approve it. The approver is never the one who asked, by staff record or by sign-in.");
        }
        review(Status.APPROVED, approver, at);
    }

    /** Declined with a reason, by any team manager (by the one who asked: withdrawn). */
    public void declineBy(Actor manager, String reason, Instant at) {
        requirePending();
        review(Status.DECLINED, manager, at);
        declineReason = reason;
    }

    private void review(Status outcome, Actor by, Instant at) {
        status = outcome;
        reviewedBy = by.id();
        reviewedBySubject = by.subject();
        reviewedAt = at;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            // a ProblemException still: FourEyesRulesTest pins this refusal's class
            throw new ProblemException(ProblemType.CONFLICT, "This " + kind.name().toLowerCase() + " was already "
                    + status.name().toLowerCase() + " by " + reviewedBy + " at " + reviewedAt);
        }
    }

    public static Optional<CaseChangeRequest> pendingFor(UUID caseId) {
        return find("caseId = ?1 and status = ?2", caseId, Status.PENDING).firstResultOptional();
    }
}
