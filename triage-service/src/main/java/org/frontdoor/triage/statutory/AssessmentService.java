package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.strategy.StrategyDiscussion;

/**
 * The statutory work after a referral, as the census needs it: the s17 assessment (due 45 working days after the
 * referral) and the s47 enquiry (its initial child protection conference due 15 working days after the strategy
 * discussion), on the same working-day calendar as the rest; the DfE's rules are checked at input by the records
 * themselves (returns.md, section 2). What is due and overdue is {@link StatutoryTimescales}'.
 */
@ApplicationScoped
public class AssessmentService {

    /** What belongs to referrals, in this service's refusals. */
    private static final String WHOSE = "s17 assessments and s47 enquiries";

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    StatutorySteps steps;

    @Transactional
    public Assessment startAssessment(UUID itemId, AssessmentCommand command) {
        TriageItem item = StatutorySteps.referral(itemId, WHOSE);
        steps.check(command, Assessment.check(command, item.referralDate, steps.today()));
        if (Assessment.unauthorisedOf(item.id)) {
            throw DomainException.conflict("Triage item " + itemId + " has an assessment that is not yet authorised:"
                    + " one at a time per referral (DfE rule 8736); authorise it first");
        }
        StatutorySteps.Doing doing = steps.doing();
        Assessment a = Assessment.start(item.id, calendar.plusWorkingDays(item.referralDate,
                config.returns().assessmentWorkingDays()), command, doing.actor(), doing.now());
        steps.saveNew(a, item, doing, "ASSESSMENT_STARTED", a.startedNote(), "assessment.started",
                "item " + item.id + ", assessment " + a.id);
        return a;
    }

    @Transactional
    public Assessment updateAssessment(UUID id, AssessmentCommand command, Long ifMatch) {
        Assessment a = StatutorySteps.found(Assessment.findById(id, LockModeType.PESSIMISTIC_WRITE),
                "Assessment " + id);
        TriageItem item = steps.changing(a, "Assessment " + id, ifMatch, command, WHOSE,
                referralDate -> Assessment.check(command, referralDate, steps.today()));
        StatutorySteps.Doing doing = steps.doing();
        Actor actor = doing.actor();
        boolean authorising = a.authorisedOn == null && command.authorisedOn() != null;
        a.record(command, actor, doing.now());
        Assessment.flush();
        if (authorising) {
            HistoryEntry.add(item.id, a.updatedAt, actor, "ASSESSMENT_AUTHORISED", a.authorisedNote());
        }
        steps.audit("assessment.changed", item.referralId, "assessment " + id + ", version " + a.version);
        return a;
    }

    @Transactional
    public Section47Enquiry startEnquiry(UUID itemId, Section47Command asked) {
        TriageItem item = StatutorySteps.referral(itemId, WHOSE);
        Section47Command command = datedByDiscussion(item.id, asked);
        steps.check(command, enquiryRules(command, item.referralDate));
        if (Section47Enquiry.openOf(item.id)) {
            throw DomainException.conflict("Triage item " + itemId + " has an s47 enquiry without its conference:"
                    + " one at a time per referral (DfE rule 8740); record its outcome first");
        }
        StatutorySteps.Doing doing = steps.doing();
        Section47Enquiry e = Section47Enquiry.start(item.id, command, icpcDue(command), doing.actor(), doing.now());
        steps.saveNew(e, item, doing, "S47_STARTED", e.startedNote(), "section47.started",
                "item " + item.id + ", enquiry " + e.id);
        return e;
    }

    @Transactional
    public Section47Enquiry updateEnquiry(UUID id, Section47Command asked, Long ifMatch) {
        Section47Enquiry e = StatutorySteps.found(Section47Enquiry.findById(id, LockModeType.PESSIMISTIC_WRITE),
                "Section 47 enquiry " + id);
        Section47Command command = datedByDiscussion(e.triageItemId, asked);
        TriageItem item = steps.changing(e, "Section 47 enquiry " + id, ifMatch, command, WHOSE, referralDate -> {
            List<FieldError> errors = new ArrayList<>(enquiryRules(command, referralDate));
            errors.addAll(PlanService.keepsItsRecords(id, command)); // its plan's reviews and categories stay in it
            return errors;
        });
        StatutorySteps.Doing doing = steps.doing();
        Actor actor = doing.actor();
        boolean concluding = e.concludedBy(command);
        e.record(command, icpcDue(command), actor, doing.now());
        Section47Enquiry.flush();
        if (concluding) {
            HistoryEntry.add(item.id, e.updatedAt, actor, "ICPC_RECORDED", e.concludedNote());
        }
        steps.audit("section47.changed", item.referralId, "enquiry " + id + ", version " + e.version);
        return e;
    }

    /**
     * A strategy discussion held {@code on} decided on an s47 enquiry of {@code item}: the referral's enquiry
     * without its conference, if there is one, takes the discussion's date (and its conference falls due from it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Section47Enquiry> strategyDiscussionHeld(TriageItem item, LocalDate on, Actor by, Instant now) {
        Optional<Section47Enquiry> open = Section47Enquiry.openOfForUpdate(item.id);
        open.ifPresent(e -> {
            e.takeStrategyDiscussion(on, icpcDue(on), by, now);
            HistoryEntry.add(item.id, now, by, "S47_DATED", "s47 enquiry dated by the strategy discussion of " + on
                    + "; initial conference due by " + e.icpcDueOn);
            steps.audit("section47.changed", item.referralId, "enquiry " + e.id + ", dated by a strategy"
                    + " discussion");
        });
        return open;
    }

    /** Without a date, the latest strategy discussion of the item that decided on an s47 enquiry dates it. */
    private static Section47Command datedByDiscussion(UUID itemId, Section47Command command) {
        if (command == null || command.strategyDiscussionOn() != null) {
            return command;
        }
        return StrategyDiscussion.latestDecidingAnEnquiry(itemId)
                .map(d -> command.withStrategyDiscussionOn(d.heldOn())).orElse(command);
    }

    /** The enquiry's rules, and its date required when no strategy discussion of the item gave one. */
    private List<FieldError> enquiryRules(Section47Command command, LocalDate referralDate) {
        List<FieldError> errors = new ArrayList<>(Section47Enquiry.check(command, referralDate, steps.today(),
                calendar));
        if (command != null && command.strategyDiscussionOn() == null) {
            errors.add(new FieldError("strategyDiscussionOn", "must not be null: give the strategy discussion's"
                    + " date, or record the strategy discussion that decided on the enquiry first"));
        }
        return errors;
    }

    private LocalDate icpcDue(Section47Command command) {
        return icpcDue(command.strategyDiscussionOn());
    }

    private LocalDate icpcDue(LocalDate strategyDiscussionOn) {
        return calendar.plusWorkingDays(strategyDiscussionOn, config.returns().icpcWorkingDays());
    }

}
