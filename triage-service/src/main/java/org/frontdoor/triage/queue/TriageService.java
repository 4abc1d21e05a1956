package org.frontdoor.triage.queue;

import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseService;
import org.frontdoor.triage.decision.DecisionCommand;
import org.frontdoor.triage.decision.SendBackCommand;
import org.frontdoor.triage.screening.CheckCommand;
import org.frontdoor.triage.screening.PartnerCheck;
import org.frontdoor.triage.screening.ThresholdRules;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.FourEyesViolation;
import org.frontdoor.triage.staff.StaffAlert;
import org.frontdoor.triage.staff.StaffMember;

import org.frontdoor.events.codes.Priority;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.config.TriageConfig;
import org.jboss.logging.Logger;

/**
 * Screening: list and read the queue, claim, assign, partner checks, and the decision for each
 * child. A decision that risk demands a manager see (an outcome below social care on an
 * immediate-risk or suggested level 4 contact) waits for a team manager other than the decider;
 * only then does it take effect, open, join or step the child's case and reach the referrer.
 */
@ApplicationScoped
public class TriageService {

    private static final Logger LOG = Logger.getLogger(TriageService.class);

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    ThresholdRules rules;

    @Inject
    CaseService cases;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    TriageConfig config;

    @Inject
    Clock clock;

    /**
     * Queue filters; each optional. Without a status the open queue is listed: NEW, IN_PROGRESS and
     * AWAITING_APPROVAL. {@code openCase}: only children with (true) or without (false) an open case.
     */
    public record Filter(TriageStatus status, Priority priority, String assignedTo, Boolean overdue, UUID referralId,
            Boolean openCase) {
    }

    /** One row of the queue: the item, the child's name and the referral source. */
    public record Row(TriageItem item, String childName, String sourceCode) {
    }

    public record Page(int page, int size, long total, List<Row> rows) {
    }

    /** Another child of the same contact, with their own item. */
    public record Sibling(int position, UUID childId, UUID triageItemId, String firstName, String lastName,
            LocalDate dateOfBirth, TriageStatus status) {
    }

    /** Everything a triage worker needs to decide for one child. */
    public record Details(TriageItem item, ReferralReceived content, List<Sibling> siblings, List<PartnerCheck> checks,
            List<HistoryEntry> history, CareCase openCase) {
    }

    /** A decision as recorded; {@code effect} is null while it awaits approval. */
    public record Decided(TriageItem item, CaseService.Effect effect, Long leadWorkerOpenCases, List<String> warnings) {
    }

    private static final List<TriageStatus> OPEN = List.of(TriageStatus.NEW, TriageStatus.IN_PROGRESS,
            TriageStatus.AWAITING_APPROVAL);

    @Transactional
    public Page list(Filter filter, int page, int size) {
        Instant now = Instants.now(clock);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        } else {
            where.add("status in (:open)");
            params.and("open", OPEN);
        }
        if (filter.priority() != null) {
            where.add("priority = :priority");
            params.and("priority", filter.priority());
        }
        if (filter.assignedTo() != null) {
            where.add("assignedTo = :assignedTo");
            params.and("assignedTo", filter.assignedTo());
        }
        if (filter.referralId() != null) {
            where.add("referralId = :referralId");
            params.and("referralId", filter.referralId());
        }
        if (filter.openCase() != null) {
            where.add(filter.openCase() ? "openCaseId is not null" : "openCaseId is null");
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(status <> :decided and deadline < :now)"
                    : "(status = :decided or deadline >= :now)");
            params.and("decided", TriageStatus.DECIDED).and("now", now);
        }
        // RED first whatever its deadline, then the soonest due
        String query = "from TriageItem where " + String.join(" and ", where) + " order by case priority"
                + " when org.frontdoor.events.codes.Priority.RED then 0"
                + " when org.frontdoor.events.codes.Priority.AMBER then 1 else 2 end,"
                + " deadline, receivedAt, position, id";
        PanacheQuery<TriageItem> found = TriageItem.find(query, params);
        long total = TriageItem.count(String.join(" and ", where), params);
        List<TriageItem> items = found.page(io.quarkus.panache.common.Page.of(page, size)).list();
        Page result = new Page(page, size, total, rows(items));
        audit.record("triage-item.list", filter.referralId(), items.size() + " of " + total + " item(s)");
        return result;
    }

    /** The signed-in worker's own undecided items, RED first. */
    @Transactional
    public Page mine(int page, int size) {
        Actor actor = actors.staff();
        return list(new Filter(null, null, actor.id(), null, null, null), page, size);
    }

    /** Decisions waiting for a team manager's approval, the longest waiting first. */
    @Transactional
    public List<Row> awaitingApproval() {
        List<TriageItem> items = TriageItem.list("status = ?1 order by approvalRequestedAt, id",
                TriageStatus.AWAITING_APPROVAL);
        audit.record("triage-item.awaiting-approval", null, items.size() + " item(s)");
        return rows(items);
    }

    private List<Row> rows(List<TriageItem> items) {
        Map<UUID, TriageReferral> referrals = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (TriageItem item : items) {
            TriageReferral referral = referrals.computeIfAbsent(item.referralId, r -> TriageReferral.<TriageReferral>findById(r));
            ReferralReceived.Child child = childOf(referral.content(), item.childId);
            String name = child == null ? null
                    : ((child.firstName() == null ? "" : child.firstName() + " ") + child.lastName()).strip();
            rows.add(new Row(item, name, referral.sourceCode));
        }
        return rows;
    }

    @Transactional
    public Details view(UUID id) {
        TriageItem item = find(id, false);
        audit.record("triage-item.read", item.referralId, "item " + id);
        return details(item);
    }

    @Transactional
    public Details claim(UUID id, Long ifMatch) {
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        requireUndecided(item);
        if (item.assignedTo != null && !item.assignedTo.equals(actor.id())) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + id + " is already with "
                    + item.assignedTo + "; a team manager can reassign it");
        }
        if (item.assignedTo == null) {
            item.assignedTo = actor.id();
            item.assignedAt = Instants.now(clock);
            item.status = TriageStatus.IN_PROGRESS;
            HistoryEntry.add(item.id, item.assignedAt, actor, "CLAIMED", null);
        }
        audit.record("triage-item.claimed", item.referralId, "item " + id);
        return details(item);
    }

    @Transactional
    public Details assign(UUID id, AssignCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        StaffMember assignee = null;
        if (command != null && command.assignee() != null && !command.assignee().isBlank()) {
            assignee = StaffMember.findById(command.assignee().strip());
            if (assignee == null || !assignee.active) {
                errors.add(new FieldError("assignee", "is not an active member of staff; see GET /api/v1/staff"));
            }
        }
        validation.check(command, errors);
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.current();
        requireUndecided(item);
        String previous = item.assignedTo;
        item.assignedTo = assignee.id;
        item.assignedAt = Instants.now(clock);
        item.status = TriageStatus.IN_PROGRESS;
        HistoryEntry.add(item.id, item.assignedAt, actor, "ASSIGNED",
                "to " + item.assignedTo + (previous == null ? "" : " (was " + previous + ")"));
        audit.record("triage-item.assigned", item.referralId, "item " + id + " to " + item.assignedTo);
        return details(item);
    }

    @Transactional
    public PartnerCheck addCheck(UUID id, CheckCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        Optional<PartnerDirectoryCopy.Partner> organisation = Optional.empty();
        if (command != null) {
            if (command.checkedAt() != null && command.checkedAt().isAfter(Instants.now(clock).plus(5, ChronoUnit.MINUTES))) {
                errors.add(new FieldError("checkedAt", "must not be in the future"));
            }
            if (command.organisation() != null && !command.organisation().isBlank()) {
                organisation = partners.requireActive(command.organisation().strip(), "organisation", errors);
            }
        }
        validation.check(command, errors);
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.current();
        PartnerCheck c = new PartnerCheck();
        c.id = UUID.randomUUID();
        c.triageItemId = item.id;
        c.organisation = organisation.orElseThrow().id();
        c.agency = command.agency() != null ? command.agency() : organisation.get().agencyType();
        c.contactName = command.contactName().strip();
        c.checkedAt = command.checkedAt();
        c.findings = command.findings().strip();
        c.recordedBy = actor.id();
        c.recordedAt = Instants.now(clock);
        c.persist();
        HistoryEntry.add(item.id, c.recordedAt, actor, "CHECK_RECORDED", c.agency + " (" + c.organisation + ")");
        audit.record("triage-item.check-recorded", item.referralId, "item " + id + ", " + c.agency);
        return c;
    }

    /**
     * Records the decision for one child. Every invalid field is listed in one 422 and nothing is
     * saved unless all is well. Where risk demands it, the decision waits for a team manager's
     * approval; otherwise it takes effect at once (see {@link #takeEffect}).
     */
    @Transactional
    public Decided decide(UUID id, DecisionCommand command, Long ifMatch) {
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        requireUndecided(item);
        if (item.assignedTo != null && !item.assignedTo.equals(actor.id()) && !actor.teamManager()) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + id + " is with " + item.assignedTo
                    + "; a team manager can reassign it to you");
        }
        CareCase open = CareCase.openFor(item.knownChildId).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (command != null) {
            checkDecision(item, command, open, errors);
        }
        validation.check(command, errors);
        // Bean validation passed and so did every rule above: the command is complete.
        Instant now = Instants.now(clock);
        item.decidedLevel = command.level();
        item.outcome = command.outcome();
        item.pathway = effectivePathway(command.outcome(), open);
        item.primaryNeedCode = Text.blankToNull(command.primaryNeedCode());
        item.rationale = command.rationale().strip();
        item.referrerFeedback = command.referrerFeedback().strip();
        item.levelOverrideReason = command.level() == item.suggestedLevel ? null
                : command.levelOverrideReason().strip();
        item.requestedLeadWorker = Text.blankToNull(command.leadWorker());
        item.allocationOverrideReason = Text.blankToNull(command.allocationOverrideReason());
        item.decidedBy(actor, now);
        if (item.assignedTo == null) {
            item.assignedTo = actor.id();
            item.assignedAt = now;
        }
        if (needsApproval(item)) {
            item.status = TriageStatus.AWAITING_APPROVAL;
            item.approvalRequestedAt = now;
            HistoryEntry.add(item.id, now, actor, "AWAITING_APPROVAL", "level " + item.decidedLevel + ", "
                    + item.outcome + ": " + approvalReason(item));
            audit.record("triage-item.decided", item.referralId, "item " + id + ": level " + item.decidedLevel + ", "
                    + item.outcome + ", awaiting approval");
            LOG.infof("Triage item %s decided %s, awaiting a team manager's approval", id, item.outcome);
            TriageItem.flush();
            return new Decided(item, null, null, List.of("This decision waits for a team manager's approval ("
                    + approvalReason(item) + "): it takes effect, and the referrer hears of it, once approved"));
        }
        return takeEffect(item, open, actor, null);
    }

    /** A team manager other than the decider approves a decision awaiting approval: it takes effect. */
    @Transactional
    public Decided approve(UUID id, Long ifMatch) {
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        try {
            item.requireApprovableBy(actor);
        } catch (FourEyesViolation e) {
            audit.recordRefused("triage-item.approval.refused", item.referralId, "item " + id + ": decided by "
                    + item.decidedBy + " (" + item.decidedBySubject + "), approval asked by " + actor.id() + " ("
                    + actor.subject() + "): the decider may not approve their own decision");
            throw e;
        }
        CareCase open = CareCase.openFor(item.knownChildId).orElse(null);
        if (item.outcome == Outcome.PASSED_TO_ALLOCATED_WORKER && open == null) {
            throw new ProblemException(ProblemType.CONFLICT, "The child's case has closed since the decision:"
                    + " send it back for a new decision");
        }
        return takeEffect(item, open, actor, actor);
    }

    /** A team manager sends a decision awaiting approval back to its decider, with the reason. */
    @Transactional
    public Details sendBack(UUID id, SendBackCommand command, Long ifMatch) {
        validation.check(command, List.of());
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        requireAwaitingApproval(item);
        Instant now = Instants.now(clock);
        String decider = item.decidedBy;
        HistoryEntry.add(item.id, now, actor, "SENT_BACK", "level " + item.decidedLevel + ", " + item.outcome
                + " sent back to " + decider + ": " + command.reason().strip());
        item.status = TriageStatus.IN_PROGRESS;
        item.assignedTo = decider;
        item.assignedAt = now;
        item.sentBackBy = actor.id();
        item.sentBackAt = now;
        item.sentBackReason = command.reason().strip();
        clearDecision(item);
        StaffAlert.add(decider, now, StaffAlert.Kind.DECISION_SENT_BACK, null, item.id, item.referralId,
                "Your decision on triage item " + item.id + " was sent back by " + actor.id() + ": decide again");
        audit.record("triage-item.sent-back", item.referralId, "item " + id + " to " + decider);
        TriageItem.flush();
        return details(item);
    }

    /**
     * The decision takes effect: the child's case is opened, joined or stepped (or the contact passed
     * to its lead worker), the contact becomes a referral when the outcome is statutory, and
     * {@code triage.decided} goes out, all in this transaction. {@code actor} is who makes it take
     * effect (the decider, or the approving manager, whose override counts for allocation).
     */
    private Decided takeEffect(TriageItem item, CareCase open, Actor actor, Actor approver) {
        Instant now = Instants.now(clock);
        // as it was before this decision: a step up changes it
        Pathway openPathway = open == null ? null : open.pathway;
        List<FieldError> errors = new ArrayList<>();
        CaseService.Effect effect = null;
        if (item.outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
            effect = cases.passToLeadWorker(open, item, actor);
        } else if (item.outcome.opensCase()) {
            effect = cases.openJoinOrStep(item, actor, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        item.status = TriageStatus.DECIDED;
        item.approvedBy(approver, now);
        item.metDeadline = !now.isAfter(item.deadline);
        item.becameReferral = item.outcome.statutory() && openPathway != Pathway.SOCIAL_CARE;
        if (item.becameReferral) {
            item.referralDate = item.receivedAt.atZone(WorkingCalendar.ENGLAND).toLocalDate();
            item.reReferral = TriageItem.count("knownChildId = ?1 and becameReferral = true and id <> ?2"
                    + " and referralDate < ?3 and referralDate >= ?4", item.knownChildId, item.id, item.referralDate,
                    item.referralDate.minusMonths(config.reReferralMonths())) > 0;
        }
        if (effect != null) {
            item.caseId = effect.careCase().id;
        }
        HistoryEntry.add(item.id, now, actor, approver == null ? "DECIDED" : "APPROVED", "level "
                + item.decidedLevel + ", " + item.outcome + (item.metDeadline ? ", on time" : ", after the deadline")
                + (item.becameReferral ? ", now a referral" : "")
                + (item.caseId == null ? "" : ", case " + item.caseId));
        outbox.append(EventEnvelope.of(EventType.TRIAGE_DECIDED, item.referralId,
                new TriageDecided(item.referralId, item.childId, item.id, item.decidedLevel, item.outcome.name(),
                        item.pathway.name(), item.primaryNeedCode, item.referrerFeedback, item.decidedBy,
                        item.decidedAt, item.metDeadline, item.becameReferral, item.referralDate, item.reReferral,
                        item.approvedBy, item.caseId)));
        if (effect != null) {
            cases.announce(effect);
        }
        audit.record(approver == null ? "triage-item.decided" : "triage-item.approved", item.referralId, "item "
                + item.id + ": level " + item.decidedLevel + ", " + item.outcome
                + (item.caseId == null ? "" : ", case " + item.caseId));
        LOG.infof("Triage item %s decided: level %d, %s, referral %s, met deadline %s", item.id, item.decidedLevel,
                item.outcome, item.becameReferral, item.metDeadline);
        TriageItem.flush();
        String lead = effect == null ? null : effect.careCase().leadWorker;
        return new Decided(item, effect, lead == null ? null : CareCase.openCasesOf(lead),
                effect == null ? List.of() : effect.warnings());
    }

    private void checkDecision(TriageItem item, DecisionCommand command, CareCase open, List<FieldError> errors) {
        Outcome outcome = command.outcome();
        Integer level = command.level();
        boolean levelValid = level != null && level >= 1 && level <= 4;
        if (outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
            if (open == null) {
                errors.add(new FieldError("outcome", "PASSED_TO_ALLOCATED_WORKER is for a child with an open case;"
                        + " this child has none"));
            }
        } else if (outcome != null && levelValid && !rules.outcomesFor(level).contains(outcome)) {
            errors.add(new FieldError("outcome", outcome + " contradicts level " + level + ": level " + level
                    + " allows " + rules.outcomesFor(level).stream().map(Enum::name).collect(Collectors.joining(", "))
                    + (open == null ? "" : ", or PASSED_TO_ALLOCATED_WORKER for the child's open case")));
        }
        String need = command.primaryNeedCode();
        if (need != null && !need.isBlank() && !need.strip().matches("N[0-9]")) {
            errors.add(new FieldError("primaryNeedCode", "must be a CIN primary need code N0-N9"));
        } else if ((need == null || need.isBlank()) && outcome != null && outcome.pathway() == Pathway.SOCIAL_CARE) {
            errors.add(new FieldError("primaryNeedCode", "is required for a social care outcome: N0-N9"));
        }
        if (levelValid && level != item.suggestedLevel
                && (command.levelOverrideReason() == null || command.levelOverrideReason().isBlank())) {
            errors.add(new FieldError("levelOverrideReason", "is required: level " + level
                    + " differs from the suggested level " + item.suggestedLevel));
        }
        boolean allocates = outcome == null || outcome.opensCase();
        if (!allocates && command.leadWorker() != null && !command.leadWorker().isBlank()) {
            errors.add(new FieldError("leadWorker", outcome == Outcome.PASSED_TO_ALLOCATED_WORKER
                    ? "a contact passed to the allocated worker stays with the case's lead worker"
                    : "only an early help or social care outcome has a lead worker"));
        }
        if (allocates && outcome != null && command.leadWorker() != null && !command.leadWorker().isBlank()) {
            StaffMember lead = StaffMember.findById(command.leadWorker().strip());
            if (lead == null || !lead.active) {
                errors.add(new FieldError("leadWorker", "is not an active member of staff; see GET /api/v1/staff"));
            } else if (lead.pathway != outcome.pathway()) {
                errors.add(new FieldError("leadWorker", lead.id + " does not lead " + outcome.pathway() + " cases"));
            }
        }
    }

    /** Risk demands a manager see any outcome below social care (domain.md; configurable). */
    boolean needsApproval(TriageItem item) {
        return item.pathway != Pathway.SOCIAL_CARE && approvalReason(item) != null;
    }

    private String approvalReason(TriageItem item) {
        if (config.approval().onImmediateRisk() && item.immediateRisk) {
            return "an outcome below social care where the referrer reported immediate risk";
        }
        if (item.suggestedLevel >= config.approval().fromSuggestedLevel()) {
            return "an outcome below social care where level " + item.suggestedLevel + " was suggested";
        }
        return null;
    }

    private static Pathway effectivePathway(Outcome outcome, CareCase open) {
        if (outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
            return open == null ? Pathway.NONE : open.pathway;
        }
        return outcome.pathway();
    }

    private static void clearDecision(TriageItem item) {
        item.decidedLevel = null;
        item.outcome = null;
        item.pathway = null;
        item.primaryNeedCode = null;
        item.rationale = null;
        item.referrerFeedback = null;
        item.levelOverrideReason = null;
        item.requestedLeadWorker = null;
        item.allocationOverrideReason = null;
        item.decidedBy = null;
        item.decidedBySubject = null;
        item.decidedAt = null;
        item.approvalRequestedAt = null;
    }

    TriageItem find(UUID id, boolean forUpdate) {
        TriageItem item = forUpdate ? TriageItem.findById(id, LockModeType.PESSIMISTIC_WRITE) : TriageItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("Triage item " + id);
        }
        return item;
    }

    private static void requireUndecided(TriageItem item) {
        if (item.status == TriageStatus.DECIDED) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + item.id + " was already decided by "
                    + item.decidedBy + " at " + item.decidedAt);
        }
        if (item.status == TriageStatus.AWAITING_APPROVAL) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + item.id + " was decided by "
                    + item.decidedBy + " and awaits a team manager's approval");
        }
    }

    private static void requireAwaitingApproval(TriageItem item) {
        if (item.status != TriageStatus.AWAITING_APPROVAL) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + item.id + " is " + item.status
                    + ": only a decision awaiting approval can be approved or sent back");
        }
    }

    private Details details(TriageItem item) {
        TriageReferral referral = TriageReferral.findById(item.referralId);
        ReferralReceived content = referral.content();
        Map<UUID, TriageItem> itemByChild = TriageItem.<TriageItem>list("referralId", item.referralId).stream()
                .collect(Collectors.toMap(i -> i.childId, i -> i));
        List<Sibling> siblings = content.children().stream()
                .filter(c -> !item.childId.equals(c.childId()))
                .sorted(Comparator.comparingInt(ReferralReceived.Child::position))
                .map(c -> {
                    TriageItem sibling = itemByChild.get(c.childId());
                    return new Sibling(c.position(), c.childId(), sibling == null ? null : sibling.id, c.firstName(),
                            c.lastName(), c.dateOfBirth(), sibling == null ? null : sibling.status);
                })
                .toList();
        CareCase open = item.status == TriageStatus.DECIDED ? null : CareCase.openFor(item.knownChildId).orElse(null);
        return new Details(item, content, siblings, PartnerCheck.forItem(item.id), HistoryEntry.of(item.id), open);
    }

    private static ReferralReceived.Child childOf(ReferralReceived content, UUID childId) {
        return content.children().stream().filter(c -> childId.equals(c.childId())).findFirst().orElse(null);
    }


    public static Set<String> agenciesOf(List<UUID> itemIds) {
        return PartnerCheck.<PartnerCheck>list("triageItemId in ?1", itemIds).stream()
                .map(PartnerCheck::partnerAgency).collect(Collectors.toSet());
    }
}
