package org.frontdoor.triage.statutory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;

/**
 * A review conference of the child protection plan an s47 enquiry's conference made (the census's
 * {@code CPPreviewDate}). The DfE's rules on it are checked at input ({@link #check}).
 */
@Entity
@Table(name = "protection_plan_review")
public class ProtectionPlanReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "section47_enquiry_id", nullable = false)
    public UUID section47EnquiryId;

    @Column(name = "reviewed_on", nullable = false)
    public LocalDate reviewedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static ProtectionPlanReview of(Section47Enquiry plan, LocalDate on, Actor by, Instant now) {
        ProtectionPlanReview r = new ProtectionPlanReview();
        r.id = UUID.randomUUID();
        r.section47EnquiryId = plan.id;
        r.reviewedOn = on;
        r.recordedBy = by.id();
        r.recordedAt = now;
        return r;
    }

    /**
     * Every field of {@code command} that breaks a rule for the plan of {@code enquiry}, on {@code today} (England):
     * after the plan started (DfE 8841), not after it ended nor in the future, not twice, and not while a CIN plan of
     * the referral runs (4003: a child on a CIN plan is not on a protection plan).
     */
    public static List<FieldError> check(PlanReviewCommand command, Section47Enquiry enquiry, LocalDate today,
            List<LocalDate> reviewed, List<PlanPeriod> cinPlans) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.reviewedOn() == null) {
            return errors;
        }
        LocalDate on = command.reviewedOn();
        inThePlan("reviewedOn", on, enquiry, today, "8841", errors);
        if (reviewed.contains(on)) {
            errors.add(new FieldError("reviewedOn", "is already recorded: the plan was reviewed on " + on));
        }
        cinPlans.stream().filter(p -> p.runsThrough(on)).findFirst().ifPresent(p -> errors.add(new FieldError(
                "reviewedOn", "falls while the CIN plan " + p.describe() + " runs (DfE rule 4003)")));
        return errors;
    }

    /**
     * A day of the plan's life: after its start (the DfE's rule {@code rule}, if any), not after its end, not in the
     * future.
     */
    static void inThePlan(String field, LocalDate on, Section47Enquiry plan, LocalDate today, String rule,
            List<FieldError> errors) {
        if (!on.isAfter(plan.planStartedOn)) {
            errors.add(new FieldError(field, "must be after the plan started, " + plan.planStartedOn
                    + (rule == null ? "" : " (DfE rule " + rule + ")")));
        } else if (plan.planEndedOn != null && on.isAfter(plan.planEndedOn)) {
            errors.add(new FieldError(field, "must not be after the plan ended, " + plan.planEndedOn));
        } else if (on.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }

    /** The plan's reviews, earliest first. */
    public static List<ProtectionPlanReview> ofEnquiry(UUID enquiryId) {
        return list("section47EnquiryId = ?1 order by reviewedOn", enquiryId);
    }
}
