package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

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

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public ChildInNeedPlan startCinPlan(UUID itemId, CinPlanCommand command) {
        TriageItem item = referral(itemId);
        validation.check(command, ChildInNeedPlan.check(command, item.referralDate, today(),
                otherCinPlans(item, null), protectionPlans(item.id)));
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        ChildInNeedPlan p = ChildInNeedPlan.start(item.id, command, actor, now);
        p.persist();
        ChildInNeedPlan.flush();
        HistoryEntry.add(item.id, now, actor, "CIN_PLAN_STARTED", p.note());
        audit.record("cin-plan.started", item.referralId, "item " + item.id + ", plan " + p.id);
        return p;
    }

    /** The whole plan as {@code command} gives it: ending it is giving its end. */
    @Transactional
    public ChildInNeedPlan updateCinPlan(UUID id, CinPlanCommand command, Long ifMatch) {
        ChildInNeedPlan p = ChildInNeedPlan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw DomainException.notFound("CIN plan " + id);
        }
        TriageItem item = referral(p.triageItemId);
        validation.check(command, ChildInNeedPlan.check(command, item.referralDate, today(), otherCinPlans(item, p.id),
                protectionPlans(item.id)));
        IfMatch.check(ifMatch, p.version, "CIN plan " + id);
        Actor actor = actors.staff();
        boolean ending = p.endedOn == null && command.endedOn() != null;
        p.record(command, actor, Instants.now(clock));
        ChildInNeedPlan.flush();
        HistoryEntry.add(item.id, p.updatedAt, actor, ending ? "CIN_PLAN_ENDED" : "CIN_PLAN_CHANGED", p.note());
        audit.record("cin-plan.changed", item.referralId, "plan " + id + ", version " + p.version);
        return p;
    }

    /** Ends the plan on {@code endedOn}, its start as it is: as {@link #updateCinPlan} with the whole record. */
    @Transactional
    public ChildInNeedPlan endCinPlan(UUID id, LocalDate endedOn, Long ifMatch) {
        ChildInNeedPlan p = ChildInNeedPlan.findById(id);
        if (p == null) {
            throw DomainException.notFound("CIN plan " + id);
        }
        return updateCinPlan(id, new CinPlanCommand(p.startedOn, endedOn), ifMatch);
    }

    /** The referral's CIN plans, earliest first. */
    @Transactional
    public List<ChildInNeedPlan> cinPlans(UUID itemId) {
        TriageItem item = item(itemId);
        audit.record("cin-plan.list", item.referralId, "item " + item.id);
        return ChildInNeedPlan.ofItem(item.id);
    }

    @Transactional
    public ProtectionPlanDetails protectionPlan(UUID enquiryId) {
        Section47Enquiry e = plan(enquiryId, LockModeType.NONE);
        audit.record("protection-plan.read", item(e.triageItemId).referralId, "enquiry " + enquiryId);
        return details(e);
    }

    @Transactional
    public ProtectionPlanDetails addReview(UUID enquiryId, PlanReviewCommand command) {
        Section47Enquiry e = plan(enquiryId, LockModeType.PESSIMISTIC_WRITE);
        TriageItem item = item(e.triageItemId);
        List<LocalDate> reviewed = ProtectionPlanReview.ofEnquiry(e.id).stream().map(r -> r.reviewedOn).toList();
        validation.check(command, ProtectionPlanReview.check(command, e, today(), reviewed,
                ChildInNeedPlan.ofItem(item.id).stream().map(ChildInNeedPlan::period).toList()));
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        ProtectionPlanReview review = ProtectionPlanReview.of(e, command.reviewedOn(), actor, now);
        review.persist();
        ProtectionPlanReview.flush();
        HistoryEntry.add(item.id, now, actor, "CP_PLAN_REVIEWED", "child protection plan reviewed "
                + command.reviewedOn());
        audit.record("protection-plan.reviewed", item.referralId, "enquiry " + e.id + ", review " + review.id);
        return details(e);
    }

    @Transactional
    public ProtectionPlanDetails changeCategory(UUID enquiryId, CategoryChangeCommand command) {
        Section47Enquiry e = plan(enquiryId, LockModeType.PESSIMISTIC_WRITE);
        TriageItem item = item(e.triageItemId);
        validation.check(command, ProtectionPlanCategoryChange.check(command, e, today(),
                ProtectionPlanCategoryChange.ofEnquiry(e.id)));
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        ProtectionPlanCategoryChange change = ProtectionPlanCategoryChange.of(e, command, actor, now);
        change.persist();
        ProtectionPlanCategoryChange.flush();
        HistoryEntry.add(item.id, now, actor, "CP_PLAN_CATEGORY_CHANGED", "child protection plan's category "
                + change.label() + " from " + change.changedOn);
        audit.record("protection-plan.category-changed", item.referralId, "enquiry " + e.id + ", change "
                + change.id);
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
        Section47Enquiry e = Section47Enquiry.findById(enquiryId, lock);
        if (e == null) {
            throw DomainException.notFound("Section 47 enquiry " + enquiryId);
        }
        if (e.planStartedOn == null) {
            throw DomainException.conflict("Section 47 enquiry " + enquiryId + " has no child protection plan:"
                    + " record the conference's plan on the enquiry first");
        }
        return e;
    }

    /** The child's CIN plans (every referral of theirs) but {@code except}. */
    private static List<PlanPeriod> otherCinPlans(TriageItem item, UUID except) {
        return ChildInNeedPlan.ofChild(item.childKey).stream().filter(p -> !p.id.equals(except))
                .map(ChildInNeedPlan::period).toList();
    }

    /** The referral's child protection plans. */
    private static List<PlanPeriod> protectionPlans(UUID itemId) {
        return Section47Enquiry.ofItem(itemId).stream().filter(e -> e.planStartedOn != null)
                .map(e -> new PlanPeriod(e.planStartedOn, e.planEndedOn)).toList();
    }

    private static TriageItem item(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        if (item == null) {
            throw DomainException.notFound("Triage item " + itemId);
        }
        return item;
    }

    /** The triage item of a contact that became a referral: CIN plans belong to referrals. */
    private static TriageItem referral(UUID itemId) {
        TriageItem item = item(itemId);
        if (!item.becameReferral || item.referralDate == null) {
            throw DomainException.conflict("Triage item " + itemId + " is a contact that did not become a referral:"
                    + " CIN plans belong to referrals");
        }
        return item;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ENGLAND);
    }
}
