package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.Caseloads;
import org.frontdoor.triage.staff.StaffAlert;

/**
 * A case's lead worker, within the caseload rules (Caseloads): a manager's allocation, and the lead worker a case
 * gets when it opens or steps, or the wait for a manager's allocation, due within the pathway's working days.
 */
@ApplicationScoped
public class CaseAllocation {

    @Inject
    Caseloads caseloads;

    @Inject
    CaseReads reads;

    @Inject
    CaseEvents events;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public CaseResults.Details allocate(UUID id, AllocateCommand command, Long ifMatch) {
        validation.check(command, List.of());
        CareCase c = reads.find(id, true);
        IfMatch.check(ifMatch, c.version, "Case " + id);
        c.requireOpen();
        Actor actor = actors.current();
        if (command.worker().strip().equals(c.leadWorker)) {
            throw DomainException.invalid("worker", "is already the case's lead worker");
        }
        List<FieldError> errors = new ArrayList<>();
        Caseloads.Allocation allocation = caseloads.allocate(c.pathway, command.worker(), command.reason(), actor,
                "worker", "reason", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String previous = c.leadWorker;
        assign(c, allocation, previous, actor, Instants.now(clock));
        events.allocated(c, previous);
        CareCase.flush();
        return reads.details(c, allocation.warnings());
    }

    /** Gives the case its lead worker (or the wait for one), records it and tells the workers concerned. */
    void assign(CareCase c, Caseloads.Allocation allocation, String previous, Actor actor, Instant now) {
        place(c, allocation, now);
        record(c, allocation, previous, actor, now);
    }

    /** Gives the case its lead worker, or leaves it waiting for a manager's allocation, due by its deadline. */
    void place(CareCase c, Caseloads.Allocation allocation, Instant now) {
        if (allocation.awaiting()) {
            c.awaitAllocation(calendar.plusWorkingDays(now, c.pathway == Pathway.SOCIAL_CARE
                    ? config.allocation().socialCareWorkingDays() : config.allocation().earlyHelpWorkingDays()));
        } else {
            c.allocateTo(allocation.worker().id);
        }
    }

    /** The allocation in the case's history; the new lead worker and the one before are told. */
    void record(CareCase c, Caseloads.Allocation allocation, String previous, Actor actor, Instant now) {
        if (allocation.awaiting()) {
            HistoryEntry.add(c.id, now, actor, "AWAITING_ALLOCATION", "Due by " + c.allocationDueBy + ": "
                    + String.join("; ", allocation.warnings()));
            return;
        }
        HistoryEntry.add(c.id, now, actor, "ALLOCATED", "lead worker " + c.leadWorker + ", "
                + allocation.openCasesAfter() + " open case(s)"
                + (allocation.overrideReason() == null ? "" : "; above the limit: " + allocation.overrideReason())
                + (previous == null ? "" : " (was " + previous + ")"));
        StaffAlert.add(c.leadWorker, now, StaffAlert.Kind.CASE_ALLOCATED, c.id, null, c.referralId,
                c.pathway + " case " + c.id + " was allocated to you");
        if (previous != null && !previous.equals(c.leadWorker)) {
            StaffAlert.add(previous, now, StaffAlert.Kind.CASE_MOVED_AWAY, c.id, null, c.referralId,
                    "Case " + c.id + " was allocated to " + c.leadWorker);
        }
    }

    /** What to tell the manager after a step: the new lead worker's load, or the wait for allocation. */
    List<String> warnings(CareCase c) {
        if (c.leadWorker != null) {
            long open = CareCase.openCasesOf(c.leadWorker);
            return open >= config.caseload().warnFrom()
                    ? List.of(c.leadWorker + " now carries " + open + " open cases") : List.of();
        }
        return List.of("No " + c.pathway + " worker had room: the case waits for a team manager's allocation, due by "
                + c.allocationDueBy);
    }
}
