package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.decision.DecisionRules;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.Caseloads;
import org.frontdoor.triage.staff.StaffAlert;
import org.jboss.logging.Logger;

/**
 * A manager's changes to a case: stepped up, down or across with a worker of the new pathway, or closed with a CIN
 * reason. A risky case's early change waits for a second manager (CaseApprovals), which applies it here.
 */
@ApplicationScoped
public class CaseChanges {

    private static final Logger LOG = Logger.getLogger(CaseChanges.class);

    /** The step as asked: what it moves and how its new lead worker is chosen. */
    record Step(StepDirection direction, Pathway to, String rationale, String partnerSummary, LocalDate panelDate,
            String requestedLead, String overrideReason) {
    }

    @Inject
    CaseReads reads;

    @Inject
    CaseAllocation allocation;

    @Inject
    CaseEvents events;

    @Inject
    Caseloads caseloads;

    /** Four eyes on a risky case's early close or step (and CaseApprovals applies an approved one here). */
    @Inject
    CaseApprovals approvals;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    @Transactional
    public CaseResults.Details step(UUID id, StepCommand command, Long ifMatch) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ENGLAND));
        validation.check(command, command == null ? List.of()
                : DecisionRules.checkStep(command.direction(), command.pathway(), command.panelDate(), today));
        CareCase c = openForChange(id, ifMatch);
        Actor actor = actors.current();
        c.requireStepTo(command.pathway());
        return approvals.needsSecondManager(c)
                ? held(c, CaseChangeRequest.step(c.id, command, actor, Instants.now(clock)))
                : stepNow(c, command, actor);
    }

    /** The step takes effect (asked by {@code actor}, approved where it needed approval). */
    @Transactional(Transactional.TxType.MANDATORY)
    CaseResults.Details stepNow(CareCase c, StepCommand command, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String previous = c.leadWorker;
        CaseStep s = applyStep(c, new Step(StepDirection.valueOf(command.direction()), command.pathway(),
                command.rationale().strip(), Text.blankToNull(command.partnerSummary()), command.panelDate(),
                Text.blankToNull(command.leadWorker()), Text.blankToNull(command.allocationOverrideReason())),
                actor, true, errors, Instants.now(clock));
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        events.stepped(c, s, previous);
        LOG.infof("Case %s stepped %s to %s", c.id, s.direction, c.pathway);
        CareCase.flush();
        return reads.details(c, allocation.warnings(c));
    }

    @Transactional
    public CaseResults.Details close(UUID id, CloseCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        // the code list is the census's (a string here, so a bad code is named with every other bad field)
        if (command != null && command.reasonCode() != null && !command.reasonCode().isBlank()
                && ClosureReason.fromCode(command.reasonCode()).isEmpty()) {
            errors.add(new FieldError("reasonCode", "must be a CIN reason for closure RC1-RC9"));
        }
        validation.check(command, errors);
        CareCase c = openForChange(id, ifMatch);
        Actor actor = actors.current();
        return approvals.needsSecondManager(c)
                ? held(c, CaseChangeRequest.close(c.id, command, actor, Instants.now(clock)))
                : closeNow(c, command, actor);
    }

    /** The close takes effect (asked by {@code actor}, approved where it needed approval). */
    @Transactional(Transactional.TxType.MANDATORY)
    CaseResults.Details closeNow(CareCase c, CloseCommand command, Actor actor) {
        Instant now = Instants.now(clock);
        ClosureReason reason = ClosureReason.fromCode(command.reasonCode()).orElseThrow();
        c.close(reason, command.summary().strip(), actor, now);
        HistoryEntry.add(c.id, now, actor, "CLOSED", c.closureReasonCode + " ("
                + reason.label().toLowerCase(Locale.UK) + ")");
        events.closed(c);
        LOG.infof("Case %s closed: %s", c.id, c.closureReasonCode);
        CareCase.flush();
        return reads.details(c, List.of());
    }

    /** The case to change, locked, as the manager last read it, and open. */
    private CareCase openForChange(UUID id, Long ifMatch) {
        CareCase c = reads.find(id, true);
        IfMatch.check(ifMatch, c.version, "Case " + id);
        c.requireOpen();
        return c;
    }

    /** The change waits for a second manager: the case as it is, with what to tell the manager who asked. */
    private CaseResults.Details held(CareCase c, CaseChangeRequest request) {
        return reads.details(c, approvals.hold(c, request));
    }

    /**
     * Moves the case to another pathway with a worker of that pathway: the one asked for, else the least loaded
     * with room, else none (the case waits for allocation). {@code strict}: a manager's own step, where a named
     * worker over their limit without a reason is an error rather than a wait. The old and the new lead worker are
     * told. Returns null when {@code errors} gained any.
     */
    CaseStep applyStep(CareCase c, Step step, Actor actor, boolean strict, List<FieldError> errors, Instant now) {
        Caseloads.Allocation lead = strict && step.requestedLead() != null
                ? caseloads.allocate(step.to(), step.requestedLead(), step.overrideReason(), actor, "leadWorker",
                        "allocationOverrideReason", errors)
                : caseloads.allocateOrQueue(step.to(), step.requestedLead(), step.overrideReason(), actor,
                        "leadWorker", errors);
        if (lead == null || !errors.isEmpty()) {
            return null;
        }
        CaseStep s = c.step(step.direction(), step.to(), step.rationale(), step.partnerSummary(), step.panelDate(),
                actor, now);
        s.persist();
        String previous = c.leadWorker;
        HistoryEntry.add(c.id, now, actor, "STEPPED", s.direction + ": " + s.fromPathway + " to " + s.toPathway
                + (s.panelDate == null ? "" : ", panel " + s.panelDate));
        StaffAlert.add(previous, now, StaffAlert.Kind.CASE_MOVED_AWAY, c.id, null, c.referralId, "Case " + c.id
                + " was stepped " + s.direction.name().toLowerCase() + " to " + s.toPathway
                + "; it has a new lead worker");
        allocation.assign(c, lead, previous, actor, now);
        return s;
    }
}
