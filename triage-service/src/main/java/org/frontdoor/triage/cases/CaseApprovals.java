package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.FourEyesViolation;
import org.frontdoor.triage.staff.StaffAlert;
import org.frontdoor.triage.staff.StaffMember;

/**
 * Four eyes on a risky case's early end: a close or step that waits for a second manager (CareCase) is approved by
 * another manager, by staff record and by sign-in, and then takes effect as asked; or it is declined with a reason.
 * CaseChanges asks here whether a close or step must wait, and an approved one is applied there.
 */
@ApplicationScoped
public class CaseApprovals {

    @Inject
    CaseReads reads;

    @Inject
    CaseChanges changes;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** A page of cases' changes awaiting a second manager, the longest waiting first. */
    public record Page(int page, int size, long total, List<CaseChangeRequest> requests) {
    }

    @Transactional
    public Page awaitingApproval(int page, int size) {
        List<CaseChangeRequest> requests = CaseChangeRequest.<CaseChangeRequest>find("status = ?1"
                + " order by requestedAt, id", CaseChangeRequest.Status.PENDING)
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
        long total = CaseChangeRequest.count("status", CaseChangeRequest.Status.PENDING);
        audit.record("case.awaiting-approval", null, requests.size() + " of " + total + " change(s)");
        return new Page(page, size, total, requests);
    }

    /** Another manager approves the pending close or step: it takes effect as the manager who asked it. */
    @Transactional
    public CaseResults.Details approve(UUID caseId, Long ifMatch) {
        CareCase c = reads.find(caseId, true);
        IfMatch.check(ifMatch, c.version, "Case " + caseId);
        CaseChangeRequest request = pending(c);
        Actor approver = actors.staff();
        Instant now = Instants.now(clock);
        try {
            request.approveBy(approver, now);
        } catch (FourEyesViolation e) {
            audit.recordRefused("case.change.approval.refused", c.referralId, "case " + caseId + ": "
                    + request.kind + " asked by " + request.requestedBy + " (" + request.requestedBySubject
                    + "), approval asked by " + approver.id() + " (" + approver.subject() + ")");
            throw e;
        }
        HistoryEntry.add(c.id, now, approver, request.kind + "_APPROVED", request.kind.name().toLowerCase()
                + " asked by " + request.requestedBy + " at " + request.requestedAt);
        audit.record("case.change-approved", c.referralId, "case " + caseId + ", " + request.kind + " asked by "
                + request.requestedBy);
        CaseChangeRequest.flush();
        return request.kind == CaseChangeRequest.Kind.CLOSE
                ? changes.closeNow(c, request.closeCommand(), request.requester())
                : changes.stepNow(c, request.stepCommand(), request.requester());
    }

    /** Any team manager declines it with a reason (the one who asked: withdraws it); the case stays as it is. */
    @Transactional
    public CaseResults.Details decline(UUID caseId, DeclineCommand command, Long ifMatch) {
        validation.check(command, List.of());
        CareCase c = reads.find(caseId, true);
        IfMatch.check(ifMatch, c.version, "Case " + caseId);
        CaseChangeRequest request = pending(c);
        Actor manager = actors.staff();
        Instant now = Instants.now(clock);
        request.declineBy(manager, command.reason().strip(), now);
        HistoryEntry.add(c.id, now, manager, request.kind + "_DECLINED", request.kind.name().toLowerCase()
                + " asked by " + request.requestedBy + ": " + request.declineReason);
        StaffAlert.add(request.requestedBy, now, StaffAlert.Kind.CASE_CHANGE_DECLINED, c.id, null, c.referralId,
                "Your " + request.kind.name().toLowerCase() + " of case " + c.id + " was declined by " + manager.id()
                        + ": " + request.declineReason);
        audit.record("case.change-declined", c.referralId, "case " + caseId + ", " + request.kind);
        CaseChangeRequest.flush();
        return reads.details(c, List.of());
    }

    /**
     * A change waits while another is pending; a case opened from an immediate-risk contact is closed or stepped in
     * its first working days only with a second manager (CareCase).
     */
    boolean needsSecondManager(CareCase c) {
        CaseChangeRequest.pendingFor(c.id).ifPresent(p -> {
            throw DomainException.conflict("Case " + c.id + " has a " + p.kind.name().toLowerCase()
                    + " asked by " + p.requestedBy + " awaiting a second manager's approval: approve or decline it"
                    + " first");
        });
        return c.changeNeedsSecondManager(Instants.now(clock), calendar, config.approval().caseChangeWorkingDays());
    }

    /** Holds the close or step for a second manager; the warning to show the manager who asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<String> hold(CareCase c, CaseChangeRequest request) {
        if (request.kind == CaseChangeRequest.Kind.STEP && request.leadWorker != null) {
            StaffMember lead = StaffMember.findById(request.leadWorker);
            if (lead == null || !lead.active || lead.pathway != request.toPathway) {
                throw DomainException.invalid("leadWorker", "is not an active " + request.toPathway
                        + " worker of the staff directory");
            }
        }
        request.persist();
        String what = request.kind == CaseChangeRequest.Kind.CLOSE ? "close (" + request.reasonCode + ")"
                : "step " + request.direction.toLowerCase() + " to " + request.toPathway;
        HistoryEntry.add(c.id, request.requestedAt, request.requester(), request.kind + "_REQUESTED", what
                + ": opened from an immediate-risk contact, so it awaits a second manager's approval");
        audit.record("case.change-requested", c.referralId, "case " + c.id + ", " + what);
        CareCase.flush();
        return List.of("This " + what + " waits for another team manager's approval: the case was opened"
                + " from an immediate-risk contact less than " + config.approval().caseChangeWorkingDays()
                + " working days ago");
    }

    private static CaseChangeRequest pending(CareCase c) {
        c.requireOpen();
        return CaseChangeRequest.<CaseChangeRequest>find("caseId = ?1 and status = ?2", c.id,
                CaseChangeRequest.Status.PENDING).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> DomainException.conflict("Case " + c.id + " has no close or"
                        + " step awaiting approval"));
    }
}
