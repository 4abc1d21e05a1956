package org.frontdoor.triage.statutory;

import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.config.TriageConfig;

/**
 * The statutory work after a referral, as the census needs it: the s17 assessment (due 45 working days after the
 * referral) and the s47 enquiry (its initial child protection conference due 15 working days after the strategy
 * discussion), on the same working-day calendar as the rest; the DfE's rules are checked at input (returns.md,
 * section 2), and the lists of what is due and overdue come from here.
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    EntityManager em;

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Something statutory that is due: an assessment to authorise, or an initial conference to hold. */
    public record Due(Kind kind, UUID id, UUID triageItemId, UUID referralId, UUID childKey, UUID caseId,
            String leadWorker, LocalDate from, LocalDate dueOn, boolean overdue, int workingDaysLeft) {
    }

    public enum Kind {
        /** An s17 assessment not yet authorised: due a number of working days after the referral. */
        ASSESSMENT,
        /** An initial child protection conference not yet held: due after the strategy discussion. */
        ICPC
    }

    @Transactional
    public Assessment startAssessment(UUID itemId, AssessmentCommand command) {
        TriageItem item = referral(itemId);
        List<FieldError> errors = new ArrayList<>();
        checkAssessment(item, command, errors);
        validation.check(command, errors);
        if (Assessment.count("triageItemId = ?1 and authorisedOn is null", item.id) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + itemId + " has an assessment that is"
                    + " not yet authorised: one at a time per referral (DfE rule 8736); authorise it first");
        }
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.triageItemId = item.id;
        a.dueOn = calendar.plusWorkingDays(item.referralDate, config.returns().assessmentWorkingDays());
        a.recordedBy = actor.id();
        a.recordedAt = now;
        apply(a, command, actor, now);
        a.persist();
        Assessment.flush();
        HistoryEntry.add(item.id, now, actor, "ASSESSMENT_STARTED", "s17 assessment started " + a.startedOn
                + ", due by " + a.dueOn + (a.authorisedOn == null ? "" : "; authorised " + a.authorisedOn));
        audit.record("assessment.started", item.referralId, "item " + item.id + ", assessment " + a.id);
        return a;
    }

    @Transactional
    public Assessment updateAssessment(UUID id, AssessmentCommand command, Long ifMatch) {
        Assessment a = Assessment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("Assessment " + id);
        }
        TriageItem item = referral(a.triageItemId);
        List<FieldError> errors = new ArrayList<>();
        checkAssessment(item, command, errors);
        validation.check(command, errors);
        IfMatch.check(ifMatch, a.version, "Assessment " + id);
        Actor actor = actors.staff();
        boolean authorising = a.authorisedOn == null && command.authorisedOn() != null;
        apply(a, command, actor, Instants.now(clock));
        Assessment.flush();
        if (authorising) {
            HistoryEntry.add(item.id, a.updatedAt, actor, "ASSESSMENT_AUTHORISED", "s17 assessment authorised "
                    + a.authorisedOn + (a.authorisedOn.isAfter(a.dueOn) ? ", after its due date " + a.dueOn : "")
                    + "; factors " + String.join(", ", a.factors));
        }
        audit.record("assessment.changed", item.referralId, "assessment " + id + ", version " + a.version);
        return a;
    }

    @Transactional
    public Section47Enquiry startEnquiry(UUID itemId, Section47Command command) {
        TriageItem item = referral(itemId);
        List<FieldError> errors = new ArrayList<>();
        checkEnquiry(item, command, errors);
        validation.check(command, errors);
        if (Section47Enquiry.count("triageItemId = ?1 and icpcOn is null and icpcNotRequired = false", item.id) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + itemId + " has an s47 enquiry without"
                    + " its conference: one at a time per referral (DfE rule 8740); record its outcome first");
        }
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        Section47Enquiry e = new Section47Enquiry();
        e.id = UUID.randomUUID();
        e.triageItemId = item.id;
        e.recordedBy = actor.id();
        e.recordedAt = now;
        apply(e, command, actor, now);
        e.persist();
        Section47Enquiry.flush();
        HistoryEntry.add(item.id, now, actor, "S47_STARTED", "s47 enquiry from the strategy discussion of "
                + e.strategyDiscussionOn + "; initial conference due by " + e.icpcDueOn);
        audit.record("section47.started", item.referralId, "item " + item.id + ", enquiry " + e.id);
        return e;
    }

    @Transactional
    public Section47Enquiry updateEnquiry(UUID id, Section47Command command, Long ifMatch) {
        Section47Enquiry e = Section47Enquiry.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("Section 47 enquiry " + id);
        }
        TriageItem item = referral(e.triageItemId);
        List<FieldError> errors = new ArrayList<>();
        checkEnquiry(item, command, errors);
        validation.check(command, errors);
        IfMatch.check(ifMatch, e.version, "Section 47 enquiry " + id);
        Actor actor = actors.staff();
        boolean concluding = e.open() && (command.icpcOn() != null || Boolean.TRUE.equals(command.icpcNotRequired()));
        apply(e, command, actor, Instants.now(clock));
        Section47Enquiry.flush();
        if (concluding) {
            HistoryEntry.add(item.id, e.updatedAt, actor, "ICPC_RECORDED", e.icpcNotRequired
                    ? "s47 enquiry ended: no initial conference needed"
                    : "initial child protection conference on " + e.icpcOn
                            + (e.icpcOn.isAfter(e.icpcDueOn) ? ", after its due date " + e.icpcDueOn : "")
                            + (e.planStartedOn == null ? "" : "; child protection plan (" + e.planCategory + ")"));
        }
        audit.record("section47.changed", item.referralId, "enquiry " + id + ", version " + e.version);
        return e;
    }

    /**
     * What is due now: assessments of open referrals not yet authorised, and conferences not yet held nor ruled
     * out. {@code overdueOnly} keeps those past their date. Earliest due first.
     */
    @Transactional
    public List<Due> due(boolean overdueOnly) {
        LocalDate today = today();
        List<Due> due = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> assessments = em.createNativeQuery("""
                select a.id, i.id, i.referral_id, i.child_key, c.id, c.lead_worker, i.referral_date, a.due_on
                from triage_item i
                left join care_case c on c.id = i.case_id
                left join assessment a on a.triage_item_id = i.id and a.authorised_on is null
                where i.became_referral and (c.id is null or c.status = 'OPEN')
                  and not exists (select 1 from assessment done where done.triage_item_id = i.id
                                  and done.authorised_on is not null)""").getResultList();
        for (Object[] r : assessments) {
            LocalDate from = NativeRows.date(r[6]);
            LocalDate dueOn = r[7] != null ? NativeRows.date(r[7])
                    : calendar.plusWorkingDays(from, config.returns().assessmentWorkingDays());
            add(due, Kind.ASSESSMENT, r, from, dueOn, today, overdueOnly);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> enquiries = em.createNativeQuery("""
                select e.id, i.id, i.referral_id, i.child_key, c.id, c.lead_worker, e.strategy_discussion_on,
                       e.icpc_due_on
                from section47_enquiry e
                join triage_item i on i.id = e.triage_item_id
                left join care_case c on c.id = i.case_id
                where e.icpc_on is null and not e.icpc_not_required""").getResultList();
        for (Object[] r : enquiries) {
            add(due, Kind.ICPC, r, NativeRows.date(r[6]), NativeRows.date(r[7]), today, overdueOnly);
        }
        due.sort(java.util.Comparator.comparing(Due::dueOn).thenComparing(d -> d.kind().name()));
        audit.record("timescales.list", null, due.size() + " due" + (overdueOnly ? " (overdue only)" : ""));
        return due;
    }

    private void add(List<Due> due, Kind kind, Object[] r, LocalDate from, LocalDate dueOn, LocalDate today,
            boolean overdueOnly) {
        boolean overdue = dueOn.isBefore(today);
        if (overdueOnly && !overdue) {
            return;
        }
        int left = overdue ? -calendar.workingDaysBetween(dueOn, today) : calendar.workingDaysBetween(today, dueOn);
        due.add(new Due(kind, (UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4], (String) r[5], from,
                dueOn, overdue, left));
    }

    private void checkAssessment(TriageItem item, AssessmentCommand command, List<FieldError> errors) {
        if (command == null) {
            return;
        }
        LocalDate today = today();
        if (command.startedOn() != null) {
            if (command.startedOn().isBefore(item.referralDate)) {
                errors.add(new FieldError("startedOn", "must not be before the referral, " + item.referralDate
                        + " (DfE rule 1103)"));
            }
            if (command.startedOn().isAfter(today)) {
                errors.add(new FieldError("startedOn", "must not be in the future"));
            }
        }
        if (command.authorisedOn() != null) {
            if (command.startedOn() != null && command.authorisedOn().isBefore(command.startedOn())) {
                errors.add(new FieldError("authorisedOn", "must not be before the assessment started, "
                        + command.startedOn() + " (DfE rule 8608)"));
            }
            if (command.authorisedOn().isAfter(today)) {
                errors.add(new FieldError("authorisedOn", "must not be in the future"));
            }
        }
        List<AssessmentFactor> factors = command.factors() == null ? List.of() : command.factors();
        if (!factors.isEmpty() && command.authorisedOn() == null) {
            errors.add(new FieldError("factors", "are identified at the end: give them with the authorisation date"
                    + " (DfE rule 8614)"));
        }
        if (command.requiresSupport() != null && command.authorisedOn() == null) {
            errors.add(new FieldError("requiresSupport", "is the assessment's conclusion: give it when authorised"));
        }
        Set<AssessmentFactor> seen = new HashSet<>();
        for (int i = 0; i < factors.size(); i++) {
            AssessmentFactor f = factors.get(i);
            if (f == null) {
                continue;
            }
            if (!seen.add(f)) {
                errors.add(new FieldError("factors[" + i + "]", "is given twice (DfE rule 8897)"));
            }
            if (f.retired()) {
                errors.add(new FieldError("factors[" + i + "]", f.code() + " is no longer used: code the factor more"
                        + " precisely (DfE rules 8945, 8950)"));
            }
            if ("21".equals(f.code()) && factors.size() > 1) {
                errors.add(new FieldError("factors[" + i + "]", "21 (no factors identified) stands alone (DfE rule"
                        + " 8898)"));
            }
        }
    }

    private void checkEnquiry(TriageItem item, Section47Command command, List<FieldError> errors) {
        if (command == null || command.strategyDiscussionOn() == null) {
            return;
        }
        LocalDate today = today();
        LocalDate strategy = command.strategyDiscussionOn();
        LocalDate start = command.startedOn() != null ? command.startedOn() : strategy;
        if (strategy.isBefore(item.referralDate)) {
            errors.add(new FieldError("strategyDiscussionOn", "must not be before the referral, " + item.referralDate
                    + " (DfE rule 2889)"));
        }
        if (strategy.isAfter(today)) {
            errors.add(new FieldError("strategyDiscussionOn", "must not be in the future"));
        }
        if (command.startedOn() != null && (start.isBefore(strategy) || start.isAfter(today))) {
            errors.add(new FieldError("startedOn", "must be between the strategy discussion and today"));
        }
        boolean notRequired = Boolean.TRUE.equals(command.icpcNotRequired());
        if (command.icpcOn() != null) {
            if (notRequired) {
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

    private void apply(Assessment a, AssessmentCommand command, Actor actor, Instant now) {
        a.recordAuthorisation(command.authorisedOn(), command.factors() == null ? List.of()
                : command.factors().stream().map(AssessmentFactor::code).toList(), command.requiresSupport(), actor);
        a.startedOn = command.startedOn();
        a.childSeen = command.childSeen();
        a.updatedBy = actor.id();
        a.updatedAt = now;
    }

    private void apply(Section47Enquiry e, Section47Command command, Actor actor, Instant now) {
        e.strategyDiscussionOn = command.strategyDiscussionOn();
        e.startedOn = command.startedOn() != null ? command.startedOn() : command.strategyDiscussionOn();
        e.icpcDueOn = calendar.plusWorkingDays(e.strategyDiscussionOn, config.returns().icpcWorkingDays());
        e.icpcOn = command.icpcOn();
        e.recordIcpcNotRequired(Boolean.TRUE.equals(command.icpcNotRequired()), actor);
        e.planStartedOn = command.planStartedOn();
        e.planCategory = command.planCategory() == null ? null : command.planCategory().code();
        e.planEndedOn = command.planEndedOn();
        e.updatedBy = actor.id();
        e.updatedAt = now;
    }

    /** The triage item of a contact that became a referral: assessments and enquiries belong to referrals. */
    private static TriageItem referral(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        if (item == null) {
            throw ProblemException.notFound("Triage item " + itemId);
        }
        if (!item.becameReferral || item.referralDate == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + itemId + " is a contact that did not"
                    + " become a referral: s17 assessments and s47 enquiries belong to referrals");
        }
        return item;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ENGLAND);
    }

}
