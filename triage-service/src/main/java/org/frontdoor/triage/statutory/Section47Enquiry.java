package org.frontdoor.triage.statutory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.FourEyesViolation;

/**
 * An s47 enquiry of a referral: the strategy discussion that started it, the initial child protection conference
 * (ICPC), or that none was needed, and the child protection plan the conference made. The DfE's rules on its
 * dates and plan are checked at input ({@link #check}).
 */
@Entity
@Table(name = "section47_enquiry")
public class Section47Enquiry extends StatutoryRecord {

    @Column(name = "strategy_discussion_on", nullable = false)
    public LocalDate strategyDiscussionOn;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    /** The statutory timescale: working days from the strategy discussion (15 by default). */
    @Column(name = "icpc_due_on", nullable = false)
    public LocalDate icpcDueOn;

    @Column(name = "icpc_on")
    public LocalDate icpcOn;

    @Column(name = "icpc_not_required", nullable = false)
    public boolean icpcNotRequired;

    /** The team manager who recorded that no conference was needed: staff id and sign-in. */
    @Column(name = "icpc_not_required_by")
    public String icpcNotRequiredBy;

    @Column(name = "icpc_not_required_by_subject")
    public String icpcNotRequiredBySubject;

    @Column(name = "plan_started_on")
    public LocalDate planStartedOn;

    /** Census category of abuse code of the plan. */
    @Column(name = "plan_category")
    public String planCategory;

    @Column(name = "plan_ended_on")
    public LocalDate planEndedOn;

    /**
     * Ruling out an initial conference ends the child protection enquiry: a team manager's act, kept with who. A
     * triage worker may record the rest but not set or take back "not required".
     */
    public void recordIcpcNotRequired(boolean notRequired, Actor by) {
        if (notRequired == icpcNotRequired) {
            return;
        }
        if (!by.teamManager()) {
            throw new FourEyesViolation("Recording that no initial child protection conference is needed is a team"
                    + " manager's act", List.of(new FieldError("icpcNotRequired", "is a team manager's to record")));
        }
        icpcNotRequired = notRequired;
        icpcNotRequiredBy = notRequired ? by.id() : null;
        icpcNotRequiredBySubject = notRequired ? by.subject() : null;
    }

    public boolean open() {
        return icpcOn == null && !icpcNotRequired;
    }

    /** A new enquiry of the referral, as {@code command} gives it; its conference due {@code icpcDue}. */
    public static Section47Enquiry start(UUID referralItemId, Section47Command command, LocalDate icpcDue, Actor by,
            Instant now) {
        Section47Enquiry e = new Section47Enquiry();
        e.recorded(referralItemId, by, now);
        e.record(command, icpcDue, by, now);
        return e;
    }

    /**
     * The whole record as {@code command} gives it, the conference due {@code icpcDue}; "not required" only as
     * {@link #recordIcpcNotRequired} allows.
     */
    public void record(Section47Command command, LocalDate icpcDue, Actor by, Instant now) {
        strategyDiscussionOn = command.strategyDiscussionOn();
        startedOn = command.startedOn() != null ? command.startedOn() : command.strategyDiscussionOn();
        icpcDueOn = icpcDue;
        icpcOn = command.icpcOn();
        recordIcpcNotRequired(Boolean.TRUE.equals(command.icpcNotRequired()), by);
        planStartedOn = command.planStartedOn();
        planCategory = command.planCategory() == null ? null : command.planCategory().code();
        planEndedOn = command.planEndedOn();
        updated(by, now);
    }

    /**
     * A strategy discussion held {@code on} decided on this enquiry: it dates the enquiry, its conference then due
     * {@code icpcDue}. A start that followed the old date moves with it; a later start stays unless now before it.
     */
    public void takeStrategyDiscussion(LocalDate on, LocalDate icpcDue, Actor by, Instant now) {
        if (startedOn.equals(strategyDiscussionOn) || startedOn.isBefore(on)) {
            startedOn = on;
        }
        strategyDiscussionOn = on;
        icpcDueOn = icpcDue;
        updated(by, now);
    }

    /** Whether {@code command} ends the enquiry: a conference held, or none needed. */
    public boolean concludedBy(Section47Command command) {
        return open() && (command.icpcOn() != null || Boolean.TRUE.equals(command.icpcNotRequired()));
    }

    /** One at a time per referral (DfE rule 8740): whether the referral has one without its conference. */
    public static boolean openOf(UUID triageItemId) {
        return count("triageItemId = ?1 and icpcOn is null and icpcNotRequired = false", triageItemId) > 0;
    }

    /** The referral's enquiry without its conference, if any, locked for a change. */
    public static Optional<Section47Enquiry> openOfForUpdate(UUID triageItemId) {
        return find("triageItemId = ?1 and icpcOn is null and icpcNotRequired = false", triageItemId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** For the referral's history: the strategy discussion and when the conference is due. */
    public String startedNote() {
        return "s47 enquiry from the strategy discussion of " + strategyDiscussionOn + "; initial conference due by "
                + icpcDueOn;
    }

    public String concludedNote() {
        return icpcNotRequired ? "s47 enquiry ended: no initial conference needed"
                : "initial child protection conference on " + icpcOn
                        + (icpcOn.isAfter(icpcDueOn) ? ", after its due date " + icpcDueOn : "")
                        + (planStartedOn == null ? "" : "; child protection plan (" + planCategory + ")");
    }

    /**
     * Every field of {@code command} that breaks a rule, for the referral of {@code referralDate}, on {@code today}
     * (England): the strategy discussion and start in order (DfE 2889), the conference (8615, 8868, 8870) and the
     * plan (2885).
     */
    public static List<FieldError> check(Section47Command command, LocalDate referralDate, LocalDate today,
            WorkingCalendar calendar) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.strategyDiscussionOn() == null) {
            return errors;
        }
        LocalDate strategy = command.strategyDiscussionOn();
        LocalDate start = command.startedOn() != null ? command.startedOn() : strategy;
        notBeforeReferral("strategyDiscussionOn", strategy, referralDate, "2889", errors);
        notInTheFuture("strategyDiscussionOn", strategy, today, errors);
        if (command.startedOn() != null && (start.isBefore(strategy) || start.isAfter(today))) {
            errors.add(new FieldError("startedOn", "must be between the strategy discussion and today"));
        }
        checkConference(command, start, today, calendar, errors);
        checkPlan(command, today, errors);
        return errors;
    }

    private static void checkConference(Section47Command command, LocalDate start, LocalDate today,
            WorkingCalendar calendar, List<FieldError> errors) {
        if (command.icpcOn() == null) {
            return;
        }
        if (Boolean.TRUE.equals(command.icpcNotRequired())) {
            errors.add(new FieldError("icpcNotRequired", "must not be true when a conference was held (DfE rule"
                    + " 8868)"));
        }
        if (command.icpcOn().isBefore(start) || command.icpcOn().isAfter(today)) {
            errors.add(new FieldError("icpcOn", "must be between the enquiry's start and today (DfE rule 8615)"));
        } else if (!calendar.isWorkingDay(command.icpcOn())) {
            errors.add(new FieldError("icpcOn", "must be a working day: " + command.icpcOn() + " is a "
                    + (calendar.isBankHoliday(command.icpcOn()) ? "bank holiday" : "weekend") + " (DfE rule 8870)"));
        }
    }

    private static void checkPlan(Section47Command command, LocalDate today, List<FieldError> errors) {
        if (command.planStartedOn() != null) {
            if (command.icpcOn() == null || !command.planStartedOn().equals(command.icpcOn())) {
                errors.add(new FieldError("planStartedOn", "must be the initial conference's date (DfE rule 2885)"));
            }
            if (command.planCategory() == null) {
                errors.add(new FieldError("planCategory", "is required with a child protection plan"));
            }
        } else {
            if (command.planCategory() != null) {
                errors.add(new FieldError("planCategory", "belongs to a child protection plan: give its start"));
            }
            if (command.planEndedOn() != null) {
                errors.add(new FieldError("planEndedOn", "needs the plan's start"));
            }
        }
        if (command.planEndedOn() != null && command.planStartedOn() != null
                && (command.planEndedOn().isBefore(command.planStartedOn()) || command.planEndedOn().isAfter(today))) {
            errors.add(new FieldError("planEndedOn", "must be between the plan's start and today"));
        }
    }

    public static List<Section47Enquiry> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by strategyDiscussionOn, recordedAt", triageItemId);
    }
}
