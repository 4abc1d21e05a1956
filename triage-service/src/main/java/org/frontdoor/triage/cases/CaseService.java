package org.frontdoor.triage.cases;

import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.queue.TriageService;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.Caseloads;
import org.frontdoor.triage.staff.StaffAlert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.config.TriageConfig;
import org.jboss.logging.Logger;

/**
 * Cases: opened, joined or stepped up by a decision, allocated to a lead worker within the
 * caseload rules (or left for a manager's allocation when nobody has room), stepped up, down or
 * across with a worker of the new pathway, and closed with a CIN reason. Each change and its
 * {@code case.*} event commit together; the lead workers concerned are told at once; every read
 * and change is audited.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    @Inject
    Caseloads caseloads;

    /** Four eyes on a risky case's early close or step (and CaseApprovals applies an approved one here). */
    @Inject
    CaseApprovals approvals;

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
    WorkingCalendar calendar;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What a decision did to the child's case. */
    public enum EffectKind {
        OPENED, JOINED, STEPPED_UP, PASSED
    }

    /**
     * The case a decision opened, joined, stepped up or passed the contact to; the lead worker
     * before (for a step) and what to tell the decider.
     */
    public record Effect(CareCase careCase, EffectKind kind, String previousLeadWorker, CaseStep step,
            List<String> warnings) {
    }

    /** A case with everything shown about it. */
    public record Details(CareCase careCase, List<CaseChild> children, List<CaseStep> steps, List<String> partnerAgencies,
            List<HistoryEntry> history, List<String> warnings, CaseChangeRequest pendingChange) {
    }

    /** The contact passed to the lead worker of the child's open case, who is told at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Effect passToLeadWorker(CareCase open, TriageItem item, Actor actor) {
        Instant now = Instants.now(clock);
        CaseChild.join(open.id, item, now);
        HistoryEntry.add(open.id, now, actor, "CONTACT_PASSED", "Contact " + item.referralId + " (triage item "
                + item.id + ") screened and passed to the lead worker");
        List<String> warnings = new ArrayList<>();
        if (open.leadWorker == null) {
            warnings.add("Case " + open.id + " has no lead worker yet: it awaits a team manager's allocation");
        } else {
            StaffAlert.add(open.leadWorker, now, StaffAlert.Kind.CONTACT_PASSED, open.id, item.id, item.referralId,
                    "The MASH passed you a screened contact about a child of case " + open.id + " (triage item "
                            + item.id + ")");
        }
        return new Effect(open, EffectKind.PASSED, open.leadWorker, null, warnings);
    }

    /**
     * Early help and social care decisions: joins the child's open case, steps an early help case up
     * for a social care outcome, or opens a case. A case nobody has room for waits for allocation;
     * only a bad lead worker id adds to {@code errors}. Two decisions about one child at once are
     * taken one after the other, so they never open two cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Effect openJoinOrStep(TriageItem item, Actor actor, List<FieldError> errors) {
        lockChild(item.knownChildId);
        Instant now = Instants.now(clock);
        Pathway pathway = item.outcome.pathway();
        CareCase open = CareCase.openFor(item.knownChildId).orElse(null);
        if (open != null && open.pathway == Pathway.EARLY_HELP && pathway == Pathway.SOCIAL_CARE) {
            CaseChild.join(open.id, item, now);
            String previous = open.leadWorker;
            // the decision's feedback to the referrer is what partners are told of the step; its rationale is not
            CaseStep step = applyStep(open, "UP", Pathway.SOCIAL_CARE, item.rationale, item.referrerFeedback, null,
                    item.requestedLeadWorker, item.allocationOverrideReason, actor, false, errors, now);
            if (step == null) {
                return null;
            }
            return new Effect(open, EffectKind.STEPPED_UP, previous, step, allocationWarnings(open));
        }
        if (open != null) {
            List<String> warnings = new ArrayList<>();
            if (open.pathway != pathway) {
                warnings.add("The child's open case " + open.id + " is " + open.pathway + ": a team manager steps it"
                        + " down or across with POST /api/v1/cases/" + open.id + "/step once the panel agrees");
            }
            if (item.requestedLeadWorker != null && !item.requestedLeadWorker.equals(open.leadWorker)) {
                warnings.add("The child's open case stays with its lead worker " + open.leadWorker
                        + "; a team manager reallocates it with POST /api/v1/cases/" + open.id + "/allocate");
            }
            CaseChild.join(open.id, item, now);
            HistoryEntry.add(open.id, now, actor, "CHILD_JOINED", "Triage item " + item.id + " of contact "
                    + item.referralId + " joined the case");
            StaffAlert.add(open.leadWorker, now, StaffAlert.Kind.CONTACT_PASSED, open.id, item.id, item.referralId,
                    "A decision on a new contact joined case " + open.id + " (triage item " + item.id + ")");
            return new Effect(open, EffectKind.JOINED, open.leadWorker, null, warnings);
        }
        Caseloads.Allocation allocation = caseloads.allocateOrQueue(pathway, item.requestedLeadWorker,
                item.allocationOverrideReason, actor, "leadWorker", errors);
        if (allocation == null) {
            return null;
        }
        CareCase c = new CareCase();
        c.id = UUID.randomUUID();
        c.referralId = item.referralId;
        c.knownChildId = item.knownChildId;
        c.pathway = pathway;
        c.openedPathway = pathway;
        c.status = CareCase.Status.OPEN;
        c.openedAt = now;
        c.openedBy = actor.id();
        c.openedOnImmediateRisk = item.immediateRisk;
        assign(c, allocation, now);
        c.persist();
        CaseChild.join(c.id, item, now);
        HistoryEntry.add(c.id, now, actor, "OPENED", pathway + " case from triage item " + item.id);
        recordAllocation(c, allocation, null, actor, now);
        List<String> warnings = new ArrayList<>(allocation.warnings());
        return new Effect(c, EffectKind.OPENED, null, null, warnings);
    }

    /** The events of what a decision did: a new case, a step up (with any new lead worker). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Effect effect) {
        CareCase c = effect.careCase();
        switch (effect.kind()) {
            case OPENED -> {
                emit(EventType.CASE_OPENED, c, null, null, null);
                if (c.leadWorker != null) {
                    emit(EventType.CASE_ALLOCATED, c, null, null, null);
                }
                audit.record("case.opened", c.referralId, "case " + c.id + ", " + c.pathway + ", lead "
                        + (c.leadWorker == null ? "awaiting allocation" : c.leadWorker));
            }
            case STEPPED_UP -> announceStep(c, effect.step(), effect.previousLeadWorker());
            default -> {
                // joined or passed: the case is unchanged, its lead worker was told
            }
        }
    }

    @Transactional
    public Details view(UUID id) {
        CareCase c = find(id, false);
        audit.record("case.read", c.referralId, "case " + id);
        return details(c, List.of());
    }

    /** Open cases that wait for a lead worker, the soonest due first. */
    @Transactional
    public List<CareCase> awaitingAllocation() {
        List<CareCase> waiting = CareCase.list("status = ?1 and leadWorker is null order by allocationDueBy, openedAt",
                CareCase.Status.OPEN);
        audit.record("case.awaiting-allocation", null, waiting.size() + " case(s)");
        return waiting;
    }

    /** The open cases the signed-in worker leads. */
    @Transactional
    public List<CareCase> mine() {
        Actor actor = actors.staff();
        List<CareCase> mine = CareCase.list("leadWorker = ?1 and status = ?2 order by openedAt", actor.id(),
                CareCase.Status.OPEN);
        audit.record("case.mine", null, mine.size() + " case(s) of " + actor.id());
        return mine;
    }

    @Transactional
    public Details allocate(UUID id, AllocateCommand command, Long ifMatch) {
        validation.check(command, List.of());
        CareCase c = find(id, true);
        IfMatch.check(ifMatch, c.version, "Case " + id);
        requireOpen(c);
        Actor actor = actors.current();
        if (command.worker().strip().equals(c.leadWorker)) {
            throw ProblemException.invalid("worker", "is already the case's lead worker");
        }
        List<FieldError> errors = new ArrayList<>();
        Caseloads.Allocation allocation = caseloads.allocate(c.pathway, command.worker(), command.reason(), actor,
                "worker", "reason", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instants.now(clock);
        String previous = c.leadWorker;
        assign(c, allocation, now);
        recordAllocation(c, allocation, previous, actor, now);
        emit(EventType.CASE_ALLOCATED, c, null, null, previous);
        audit.record("case.allocated", c.referralId, "case " + id + " to " + c.leadWorker);
        CareCase.flush();
        return details(c, allocation.warnings());
    }

    @Transactional
    public Details step(UUID id, StepCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        if (command != null) {
            String direction = command.direction();
            boolean knownDirection = direction != null
                    && Arrays.stream(StepDirection.values()).anyMatch(d -> d.name().equals(direction));
            if (direction != null && !direction.isBlank() && !knownDirection) {
                errors.add(new FieldError("direction", "must be UP, DOWN or ACROSS"));
            }
            Pathway to = command.pathway();
            if (to == Pathway.NONE) {
                errors.add(new FieldError("pathway", "must be EARLY_HELP or SOCIAL_CARE"));
            } else if (to != null && knownDirection
                    && to != ("UP".equals(direction) ? Pathway.SOCIAL_CARE : Pathway.EARLY_HELP)) {
                errors.add(new FieldError("pathway", "a step " + direction.toLowerCase() + " leads to "
                        + ("UP".equals(direction) ? "SOCIAL_CARE" : "EARLY_HELP")));
            }
            LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ENGLAND));
            if (command.panelDate() != null && command.panelDate().isAfter(today)) {
                errors.add(new FieldError("panelDate", "must not be in the future: the step follows the panel"));
            }
            if (command.panelDate() == null && knownDirection && !"UP".equals(direction)) {
                errors.add(new FieldError("panelDate", "is required to step " + direction.toLowerCase()
                        + ": the date the panel agreed it"));
            }
        }
        validation.check(command, errors);
        CareCase c = find(id, true);
        IfMatch.check(ifMatch, c.version, "Case " + id);
        requireOpen(c);
        Actor actor = actors.current();
        if (c.pathway == command.pathway()) {
            throw ProblemException.invalid("pathway", "the case is already " + c.pathway
                    + "; a step changes the pathway");
        }
        if (approvals.needsSecondManager(c)) {
            return details(c, approvals.hold(c, CaseChangeRequest.step(c.id, command, actor, Instants.now(clock))));
        }
        return stepNow(c, command, actor);
    }

    /** The step takes effect (asked by {@code actor}, approved where it needed approval). */
    @Transactional(Transactional.TxType.MANDATORY)
    Details stepNow(CareCase c, StepCommand command, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = Instants.now(clock);
        String previous = c.leadWorker;
        CaseStep s = applyStep(c, command.direction(), command.pathway(), command.rationale().strip(),
                Text.blankToNull(command.partnerSummary()),
                command.panelDate(), Text.blankToNull(command.leadWorker()),
                Text.blankToNull(command.allocationOverrideReason()), actor, true, errors, now);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        announceStep(c, s, previous);
        LOG.infof("Case %s stepped %s to %s", c.id, s.direction, c.pathway);
        CareCase.flush();
        return details(c, allocationWarnings(c));
    }

    @Transactional
    public Details close(UUID id, CloseCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        // the code list is the census's (a string here, so a bad code is named with every other bad field)
        if (command != null && command.reasonCode() != null && !command.reasonCode().isBlank()
                && ClosureReason.fromCode(command.reasonCode()).isEmpty()) {
            errors.add(new FieldError("reasonCode", "must be a CIN reason for closure RC1-RC9"));
        }
        validation.check(command, errors);
        CareCase c = find(id, true);
        IfMatch.check(ifMatch, c.version, "Case " + id);
        requireOpen(c);
        Actor actor = actors.current();
        if (approvals.needsSecondManager(c)) {
            return details(c, approvals.hold(c, CaseChangeRequest.close(c.id, command, actor, Instants.now(clock))));
        }
        return closeNow(c, command, actor);
    }

    /** The close takes effect (asked by {@code actor}, approved where it needed approval). */
    @Transactional(Transactional.TxType.MANDATORY)
    Details closeNow(CareCase c, CloseCommand command, Actor actor) {
        Instant now = Instants.now(clock);
        c.status = CareCase.Status.CLOSED;
        c.closedAt = now;
        c.closedBy = actor.id();
        ClosureReason reason = ClosureReason.fromCode(command.reasonCode()).orElseThrow();
        c.closureReasonCode = reason.code();
        c.closureSummary = command.summary().strip();
        c.allocationDueBy = null;
        HistoryEntry.add(c.id, now, actor, "CLOSED", c.closureReasonCode + " ("
                + reason.label().toLowerCase(java.util.Locale.UK) + ")");
        emit(EventType.CASE_CLOSED, c, null, null, null);
        audit.record("case.closed", c.referralId, "case " + c.id + ", " + c.closureReasonCode);
        LOG.infof("Case %s closed: %s", c.id, c.closureReasonCode);
        CareCase.flush();
        return details(c, List.of());
    }

    /**
     * Moves the case to another pathway with a worker of that pathway: the one asked for, else the
     * least loaded with room, else none (the case waits for allocation). {@code strict}: a manager's
     * own step, where a named worker over their limit without a reason is an error rather than a wait.
     * The old and the new lead worker are told. Returns null when {@code errors} gained any.
     */
    private CaseStep applyStep(CareCase c, String direction, Pathway to, String rationale, String partnerSummary,
            LocalDate panelDate, String requestedLead, String overrideReason, Actor actor, boolean strict,
            List<FieldError> errors, Instant now) {
        Caseloads.Allocation allocation = strict && requestedLead != null
                ? caseloads.allocate(to, requestedLead, overrideReason, actor, "leadWorker",
                        "allocationOverrideReason", errors)
                : caseloads.allocateOrQueue(to, requestedLead, overrideReason, actor, "leadWorker", errors);
        if (allocation == null || !errors.isEmpty()) {
            return null;
        }
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.direction = direction;
        s.fromPathway = c.pathway;
        s.toPathway = to;
        s.rationale = rationale;
        s.partnerSummary = partnerSummary;
        s.panelDate = panelDate;
        s.steppedBy = actor.id();
        s.steppedAt = now;
        s.persist();
        String previous = c.leadWorker;
        c.pathway = to;
        HistoryEntry.add(c.id, now, actor, "STEPPED", s.direction + ": " + s.fromPathway + " to " + to
                + (s.panelDate == null ? "" : ", panel " + s.panelDate));
        StaffAlert.add(previous, now, StaffAlert.Kind.CASE_MOVED_AWAY, c.id, null, c.referralId, "Case " + c.id
                + " was stepped " + direction.toLowerCase() + " to " + to + "; it has a new lead worker");
        assign(c, allocation, now);
        recordAllocation(c, allocation, previous, actor, now);
        return s;
    }

    private void announceStep(CareCase c, CaseStep s, String previousLead) {
        // the shareable summary only: the rationale is the manager's internal reasoning and stays here
        emit(EventType.CASE_STEPPED, c, s.direction, s.partnerSummary, previousLead);
        if (c.leadWorker != null) {
            emit(EventType.CASE_ALLOCATED, c, null, null, previousLead);
        }
        audit.record("case.stepped", c.referralId, "case " + c.id + " " + s.direction + " to " + c.pathway);
    }

    /** Gives the case its lead worker, or leaves it waiting for a manager's allocation, due by its deadline. */
    private void assign(CareCase c, Caseloads.Allocation allocation, Instant now) {
        c.leadWorker = allocation.awaiting() ? null : allocation.worker().id;
        c.allocationDueBy = allocation.awaiting() ? calendar.plusWorkingDays(now, c.pathway == Pathway.SOCIAL_CARE
                ? config.allocation().socialCareWorkingDays() : config.allocation().earlyHelpWorkingDays()) : null;
    }

    private void recordAllocation(CareCase c, Caseloads.Allocation allocation, String previous, Actor actor,
            Instant now) {
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

    private List<String> allocationWarnings(CareCase c) {
        if (c.leadWorker != null) {
            long open = CareCase.openCasesOf(c.leadWorker);
            return open >= config.caseload().warnFrom()
                    ? List.of(c.leadWorker + " now carries " + open + " open cases") : List.of();
        }
        return List.of("No " + c.pathway + " worker had room: the case waits for a team manager's allocation, due by "
                + c.allocationDueBy);
    }

    /** Every partner organisation involved: professional referrers of the case's referrals and agencies checked. */
    List<String> partnerAgencies(CareCase c) {
        List<CaseChild> children = CaseChild.ofCase(c.id);
        TreeSet<String> agencies = new TreeSet<>();
        children.stream().map(ch -> ch.referralId).distinct()
                .map(r -> TriageReferral.<TriageReferral>findById(r))
                .filter(r -> r != null && r.partnerAgency() != null)
                .forEach(r -> agencies.add(r.partnerAgency()));
        List<UUID> items = children.stream().map(ch -> ch.triageItemId).filter(i -> i != null).toList();
        if (!items.isEmpty()) {
            agencies.addAll(TriageService.agenciesOf(items));
        }
        return List.copyOf(agencies);
    }

    /**
     * @param stepSummary case.stepped: what partners are told of the step. The event never carries a rationale
     *            (CaseEvent's field stays empty): that is internal to triage
     */
    private void emit(EventType type, CareCase c, String direction, String stepSummary, String previousLead) {
        List<UUID> childIds = CaseChild.ofCase(c.id).stream().map(ch -> ch.key.childId()).toList();
        boolean closed = type == EventType.CASE_CLOSED;
        outbox.append(EventEnvelope.of(type, c.referralId, new CaseEvent(c.id, c.referralId, childIds,
                c.pathway.name(), c.leadWorker, direction, null, closed ? c.closureReasonCode : null,
                closed ? c.closureSummary : stepSummary, partnerAgencies(c), Instants.now(clock), previousLead)));
    }

    Details details(CareCase c, List<String> warnings) {
        return new Details(c, CaseChild.ofCase(c.id), CaseStep.list("caseId = ?1 order by steppedAt, id", c.id),
                partnerAgencies(c), HistoryEntry.of(c.id), warnings, CaseChangeRequest.pendingFor(c.id).orElse(null));
    }

    /** Decisions and steps about one known child are taken one at a time (until the transaction ends). */
    private void lockChild(UUID knownChildId) {
        if (knownChildId != null) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 12))) l")
                    .setParameter(1, "known-child:" + knownChildId).getSingleResult();
        }
    }

    CareCase find(UUID id, boolean forUpdate) {
        CareCase c = forUpdate ? CareCase.findById(id, LockModeType.PESSIMISTIC_WRITE) : CareCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Case " + id);
        }
        return c;
    }

    static void requireOpen(CareCase c) {
        if (c.status == CareCase.Status.CLOSED) {
            throw new ProblemException(ProblemType.CONFLICT, "Case " + c.id + " was closed at " + c.closedAt);
        }
    }

}
