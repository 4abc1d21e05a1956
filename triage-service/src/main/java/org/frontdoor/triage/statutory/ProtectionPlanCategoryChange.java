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
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;

/**
 * A child protection plan's category of abuse changed, from a day on. The census's {@code LatestCategoryOfAbuse} is
 * the latest change's by the year's end (or the plan's end); without one it is the plan's first category.
 */
@Entity
@Table(name = "protection_plan_category_change")
public class ProtectionPlanCategoryChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "section47_enquiry_id", nullable = false)
    public UUID section47EnquiryId;

    @Column(name = "changed_on", nullable = false)
    public LocalDate changedOn;

    /** Census category of abuse code. */
    @Column(nullable = false)
    public String category;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static ProtectionPlanCategoryChange of(Section47Enquiry plan, CategoryChangeCommand command, Actor by,
            Instant now) {
        ProtectionPlanCategoryChange c = new ProtectionPlanCategoryChange();
        c.id = UUID.randomUUID();
        c.section47EnquiryId = plan.id;
        c.changedOn = command.changedOn();
        c.category = command.category().code();
        c.recordedBy = by.id();
        c.recordedAt = now;
        return c;
    }

    /**
     * Every field of {@code command} that breaks a rule for the plan of {@code enquiry}, given its earlier changes:
     * after the plan started (its first category is the enquiry's), not after it ended nor in the future, one change
     * a day, and a change: not the category already in force that day.
     */
    public static List<FieldError> check(CategoryChangeCommand command, Section47Enquiry enquiry, LocalDate today,
            List<ProtectionPlanCategoryChange> changes) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.changedOn() == null) {
            return errors;
        }
        LocalDate on = command.changedOn();
        ProtectionPlanReview.inThePlan("changedOn", on, enquiry, today, null, errors);
        if (changes.stream().anyMatch(c -> c.changedOn.equals(on))) {
            errors.add(new FieldError("changedOn", "already has a change of category: one a day"));
        } else if (command.category() != null && command.category().code().equals(categoryOn(enquiry, changes, on))) {
            errors.add(new FieldError("category", "is already the plan's category on " + on + ": "
                    + command.category().label()));
        }
        return errors;
    }

    /** The plan's category on {@code day}: the latest change by then, else the plan's first. */
    public static String categoryOn(Section47Enquiry enquiry, List<ProtectionPlanCategoryChange> changes,
            LocalDate day) {
        String category = enquiry.planCategory;
        for (ProtectionPlanCategoryChange c : changes) {
            if (!c.changedOn.isAfter(day)) {
                category = c.category;
            }
        }
        return category;
    }

    /** The plan's changes, earliest first. */
    public static List<ProtectionPlanCategoryChange> ofEnquiry(UUID enquiryId) {
        return list("section47EnquiryId = ?1 order by changedOn", enquiryId);
    }

    public String label() {
        return CategoryOfAbuse.fromCode(category).map(CategoryOfAbuse::label).orElse(category);
    }
}
