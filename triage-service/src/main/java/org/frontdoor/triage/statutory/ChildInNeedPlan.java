package org.frontdoor.triage.statutory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;

/**
 * A child in need plan of a referral (the census's {@code CINPlanDates} of the child's CIN episode): when it started
 * and ended. The DfE's rules on it are checked at input ({@link #check}), so the census refuses none of them.
 */
@Entity
@Table(name = "cin_plan")
public class ChildInNeedPlan extends StatutoryRecord {

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** A new plan of the referral, as {@code command} gives it. */
    public static ChildInNeedPlan start(UUID referralItemId, CinPlanCommand command, Actor by, Instant now) {
        ChildInNeedPlan p = new ChildInNeedPlan();
        p.recorded(referralItemId, by, now);
        p.record(command, by, now);
        return p;
    }

    /** The whole record as {@code command} gives it (ending the plan is giving its end). */
    public void record(CinPlanCommand command, Actor by, Instant now) {
        startedOn = command.startedOn();
        endedOn = command.endedOn();
        updated(by, now);
    }

    PlanPeriod period() {
        return new PlanPeriod(startedOn, endedOn);
    }

    /**
     * Every field of {@code command} that breaks a rule, for the referral of {@code referralDate}, on {@code today}
     * (England), given the child's other CIN plans and the referral's child protection plans: not before the referral
     * (DfE 4015), not in the future (4010), ended not before it started (4011); not overlapping another CIN plan of
     * the child, so one open at a time (4014, 4004), nor a child protection plan (4001).
     */
    public static List<FieldError> check(CinPlanCommand command, LocalDate referralDate, LocalDate today,
            List<PlanPeriod> otherCinPlans, List<PlanPeriod> protectionPlans) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.startedOn() == null) {
            return errors;
        }
        LocalDate start = command.startedOn();
        notBeforeReferral("startedOn", start, referralDate, "4015", errors);
        if (start.isAfter(today)) {
            errors.add(new FieldError("startedOn", "must not be in the future (DfE rule 4010)"));
        }
        LocalDate end = command.endedOn();
        if (end != null && end.isBefore(start)) {
            errors.add(new FieldError("endedOn", "must not be before the plan started, " + start + " (DfE rule 4011)"));
        } else if (end != null) {
            notInTheFuture("endedOn", end, today, errors);
        }
        if (end != null && end.isBefore(start)) {
            return errors;
        }
        PlanPeriod plan = new PlanPeriod(start, end);
        otherCinPlans.stream().filter(plan::overlaps).findFirst().ifPresent(other -> errors.add(new FieldError(
                clashingField(start, other), "overlaps the child's CIN plan " + other.describe()
                        + ": one plan at a time (DfE rules 4014, 4004)")));
        protectionPlans.stream().filter(plan::overlaps).findFirst().ifPresent(cp -> errors.add(new FieldError(
                clashingField(start, cp), "overlaps the child protection plan " + cp.describe()
                        + ": a CIN plan does not run alongside one (DfE rule 4001)")));
        return errors;
    }

    /** The start when it falls in the other plan, else the end that runs into it. */
    private static String clashingField(LocalDate start, PlanPeriod other) {
        return other.runsOn(start) ? "startedOn" : "endedOn";
    }

    /** For the referral's history. */
    public String note() {
        return "CIN plan " + new PlanPeriod(startedOn, endedOn).describe().replace("still going on", "going on");
    }

    /** The referral's plans, earliest first. */
    public static List<ChildInNeedPlan> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by startedOn, recordedAt", triageItemId);
    }

    /** Every CIN plan of the child of {@code childKey} (each of their referrals), earliest first. */
    public static List<ChildInNeedPlan> ofChild(UUID childKey) {
        return list("triageItemId in (select i.id from TriageItem i where i.childKey = ?1) order by startedOn",
                childKey);
    }
}
