package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;

/**
 * The plans after a referral, as the CIN census needs them: a referral's child in need plans (start, end), and the
 * reviews and changes of category of the child protection plan an s47 enquiry's conference made. The DfE's rules
 * are checked at input by the records themselves; nothing is saved unless all of them hold.
 */
@ApplicationScoped
public class PlanService {

    /** A child protection plan as recorded: the enquiry that made it, its reviews and changes of category. */
    public record ProtectionPlanDetails(Section47Enquiry enquiry, List<ProtectionPlanReview> reviews,
            List<ProtectionPlanCategoryChange> changes) {

        /** The category now: the latest change's, else the plan's first. */
        public String latestCategory() {
            return changes.isEmpty() ? enquiry.planCategory : changes.get(changes.size() - 1).category;
        }
    }

    /** What belongs to referrals, in this service's refusals. */
    private static final String WHOSE = "CIN plans";

    @Inject
    StatutorySteps steps;

    @Transactional
    public ChildInNeedPlan startCinPlan(UUID itemId, CinPlanCommand command) {
        TriageItem item = StatutorySteps.referral(itemId, WHOSE);
        steps.check(command, ChildInNeedPlan.check(command, item.referralDate, steps.today(),
                otherCinPlans(item.id, null), protectionPlans(item.id)));
        StatutorySteps.Doing doing = steps.doing();
        ChildInNeedPlan p = ChildInNeedPlan.start(item.id, command, doing.actor(), doing.now());
        steps.saveNew(p, item, doing, "CIN_PLAN_STARTED", p.note(), "cin-plan.started",
                "item " + item.id + ", plan " + p.id);
        return p;
    }

    /** The whole plan as {@code command} gives it: ending it is giving its end. */
    @Transactional
    public ChildInNeedPlan updateCinPlan(UUID id, CinPlanCommand command, Long ifMatch) {
        ChildInNeedPlan p = StatutorySteps.found(ChildInNeedPlan.findById(id, LockModeType.PESSIMISTIC_WRITE),
                "CIN plan " + id);
        TriageItem item = steps.changing(p, "CIN plan " + id, ifMatch, command, WHOSE, referralDate ->
                ChildInNeedPlan.check(command, referralDate, steps.today(), otherCinPlans(p.triageItemId, p.id),
                        protectionPlans(p.triageItemId)));
        StatutorySteps.Doing doing = steps.doing();
        boolean ending = p.endedOn == null && command.endedOn() != null;
        p.record(command, doing.actor(), doing.now());
        ChildInNeedPlan.flush();
        HistoryEntry.add(item.id, p.updatedAt, doing.actor(), ending ? "CIN_PLAN_ENDED" : "CIN_PLAN_CHANGED",
                p.note());
        steps.audit("cin-plan.changed", item.referralId, "plan " + id + ", version " + p.version);
        return p;
    }

    /** Ends the plan on {@code endedOn}, its start as it is: as {@link #updateCinPlan} with the whole record. */
    @Transactional
    public ChildInNeedPlan endCinPlan(UUID id, LocalDate endedOn, Long ifMatch) {
        ChildInNeedPlan p = StatutorySteps.found(ChildInNeedPlan.findById(id), "CIN plan " + id);
        return updateCinPlan(id, new CinPlanCommand(p.startedOn, endedOn), ifMatch);
    }

    /** The referral's CIN plans, earliest first. */
    @Transactional
    public List<ChildInNeedPlan> cinPlans(UUID itemId) {
        TriageItem item = StatutorySteps.item(itemId);
        steps.audit("cin-plan.list", item.referralId, "item " + item.id);
        return ChildInNeedPlan.ofItem(item.id);
    }

    @Transactional
    public ProtectionPlanDetails protectionPlan(UUID enquiryId) {
        Section47Enquiry e = plan(enquiryId, LockModeType.NONE);
        steps.audit("protection-plan.read", StatutorySteps.item(e.triageItemId).referralId, "enquiry " + enquiryId);
        return details(e);
    }

    @Transactional
    public ProtectionPlanDetails addReview(UUID enquiryId, PlanReviewCommand command) {
        Section47Enquiry e = plan(enquiryId, LockModeType.PESSIMISTIC_WRITE);
        TriageItem item = StatutorySteps.item(e.triageItemId);
        List<LocalDate> reviewed = ProtectionPlanReview.ofEnquiry(e.id).stream().map(r -> r.reviewedOn).toList();
        steps.check(command, ProtectionPlanReview.check(command, e, steps.today(), reviewed,
                ChildInNeedPlan.ofItem(item.id).stream().map(ChildInNeedPlan::period).toList()));
        StatutorySteps.Doing doing = steps.doing();
        ProtectionPlanReview review = ProtectionPlanReview.of(e, command.reviewedOn(), doing.actor(), doing.now());
        steps.saveNew(review, item, doing, "CP_PLAN_REVIEWED", "child protection plan reviewed "
                + command.reviewedOn(), "protection-plan.reviewed", "enquiry " + e.id + ", review " + review.id);
        return details(e);
    }

    @Transactional
    public ProtectionPlanDetails changeCategory(UUID enquiryId, CategoryChangeCommand command) {
        Section47Enquiry e = plan(enquiryId, LockModeType.PESSIMISTIC_WRITE);
        TriageItem item = StatutorySteps.item(e.triageItemId);
        steps.check(command, ProtectionPlanCategoryChange.check(command, e, steps.today(),
                ProtectionPlanCategoryChange.ofEnquiry(e.id)));
        StatutorySteps.Doing doing = steps.doing();
        ProtectionPlanCategoryChange change = ProtectionPlanCategoryChange.of(e, command, doing.actor(), doing.now());
        steps.saveNew(change, item, doing, "CP_PLAN_CATEGORY_CHANGED", "child protection plan's category "
                + change.label() + " from " + change.changedOn, "protection-plan.category-changed",
                "enquiry " + e.id + ", change " + change.id);
        return details(e);
    }

    /**
     * What a change of the enquiry {@code enquiryId} would break of its plan's reviews and changes of category: the
     * plan taken away, started on or after one of them, or ended before one.
     */
    static List<FieldError> keepsItsRecords(UUID enquiryId, Section47Command command) {
        List<LocalDate> days = new ArrayList<>();
        ProtectionPlanReview.ofEnquiry(enquiryId).forEach(r -> days.add(r.reviewedOn));
        ProtectionPlanCategoryChange.ofEnquiry(enquiryId).forEach(c -> days.add(c.changedOn));
        if (days.isEmpty() || command == null) {
            return List.of();
        }
        LocalDate first = Collections.min(days);
        LocalDate last = Collections.max(days);
        List<FieldError> errors = new ArrayList<>();
        if (command.planStartedOn() == null || !first.isAfter(command.planStartedOn())) {
            errors.add(new FieldError("planStartedOn", "must be before the plan's first review or change of"
                    + " category, " + first));
        }
        if (command.planEndedOn() != null && last.isAfter(command.planEndedOn())) {
            errors.add(new FieldError("planEndedOn", "must not be before the plan's last review or change of"
                    + " category, " + last));
        }
        return errors;
    }

    private static ProtectionPlanDetails details(Section47Enquiry e) {
        return new ProtectionPlanDetails(e, ProtectionPlanReview.ofEnquiry(e.id),
                ProtectionPlanCategoryChange.ofEnquiry(e.id));
    }

    /** An s47 enquiry whose conference made a child protection plan. */
    private static Section47Enquiry plan(UUID enquiryId, LockModeType lock) {
        Section47Enquiry e = StatutorySteps.found(Section47Enquiry.findById(enquiryId, lock),
                "Section 47 enquiry " + enquiryId);
        if (e.planStartedOn == null) {
            throw DomainException.conflict("Section 47 enquiry " + enquiryId + " has no child protection plan:"
                    + " record the conference's plan on the enquiry first");
        }
        return e;
    }

    /** The child's CIN plans (every referral of theirs) but {@code except}. */
    private static List<PlanPeriod> otherCinPlans(UUID itemId, UUID except) {
        return ChildInNeedPlan.ofChild(StatutorySteps.item(itemId).childKey).stream()
                .filter(p -> !p.id.equals(except))
                .map(ChildInNeedPlan::period).toList();
    }

    /** The referral's child protection plans. */
    private static List<PlanPeriod> protectionPlans(UUID itemId) {
        return Section47Enquiry.ofItem(itemId).stream().filter(e -> e.planStartedOn != null)
                .map(e -> new PlanPeriod(e.planStartedOn, e.planEndedOn)).toList();
    }
}
