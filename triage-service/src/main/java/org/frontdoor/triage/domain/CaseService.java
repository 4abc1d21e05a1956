package org.frontdoor.triage.domain;

import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.rest.AllocateRequest;
import org.frontdoor.triage.rest.CaseView;
import org.frontdoor.triage.rest.CloseRequest;
import org.frontdoor.triage.rest.StepRequest;
import org.frontdoor.triage.rest.TriageItemView;
import org.frontdoor.triage.rest.WorkerView;
import org.jboss.logging.Logger;

/**
 * Cases: opened (or joined) by an early help or social care decision, allocated to a lead
 * worker within the caseload rules, stepped up, down or across, and closed with a CIN reason.
 * Each change and its {@code case.*} event commit together; every read and change is audited.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);
    static final Map<String, String> CLOSURE_REASONS = Map.of(
            "RC1", "adopted", "RC2", "died", "RC3", "child arrangements order", "RC4", "special guardianship order",
            "RC5", "transferred to another local authority", "RC6", "transferred to adult services",
            "RC7", "services ceased for any other reason", "RC8", "case closed after assessment, no further action",
            "RC9", "case closed after assessment, referred to early help");

    @Inject
    Caseloads caseloads;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** A case a decision opened or joined; {@code warnings} about the lead worker's caseload. */
    public record Opened(CareCase careCase, boolean joined, List<String> warnings) {
    }

    /** Joins the child's open case, or opens one with a lead worker; adds to {@code errors} if it cannot. */
    @Transactional(Transactional.TxType.MANDATORY)
    Opened openOrJoin(TriageItem item, Pathway pathway, String leadWorker, String overrideReason, Actor actor,
            List<FieldError> errors) {
        Instant now = now();
        Optional<CareCase> open = CareCase.openFor(item.knownChildId);
        if (open.isPresent()) {
            CareCase existing = open.get();
            List<String> warnings = new ArrayList<>();
            if (existing.pathway != pathway) {
                warnings.add("The child's open case " + existing.id + " is " + existing.pathway + ": step it "
                        + (pathway == Pathway.SOCIAL_CARE ? "up" : "down") + " with POST /api/v1/cases/"
                        + existing.id + "/step if the pathway should change");
            }
            if (leadWorker != null && !leadWorker.isBlank() && !leadWorker.strip().equals(existing.leadWorker)) {
                warnings.add("The child's open case stays with its lead worker " + existing.leadWorker
                        + "; reallocate it with POST /api/v1/cases/" + existing.id + "/allocate");
            }
            CaseChild.of(existing.id, item, now).persist();
            HistoryEntry.add(existing.id, now, actor.name(), "CHILD_JOINED", "Triage item " + item.id
                    + " of referral " + item.referralId + " joined the case");
            return new Opened(existing, true, warnings);
        }
        Caseloads.Allocation allocation = caseloads.allocate(pathway, leadWorker, overrideReason, actor, "leadWorker",
                "allocationOverrideReason", errors);
        if (allocation == null) {
            return null;
        }
        CareCase c = new CareCase();
        c.id = UUID.randomUUID();
        c.referralId = item.referralId;
        c.knownChildId = item.knownChildId;
        c.pathway = pathway;
        c.openedPathway = pathway;
        c.leadWorker = allocation.worker().id;
        c.status = CareCase.Status.OPEN;
        c.openedAt = now;
        c.openedBy = actor.name();
        c.persist();
        CaseChild.of(c.id, item, now).persist();
        HistoryEntry.add(c.id, now, actor.name(), "OPENED", pathway + " case from triage item " + item.id);
        HistoryEntry.add(c.id, now, actor.name(), "ALLOCATED", allocationDetail(allocation));
        return new Opened(c, false, allocation.warnings());
    }

    /** The events of a case the decision opened (a joined case has none of its own). */
    @Transactional(Transactional.TxType.MANDATORY)
    void announceOpened(Opened opened, TriageItem item) {
        if (opened.joined()) {
            return;
        }
        CareCase c = opened.careCase();
        emit(EventType.CASE_OPENED, c, null, null);
        emit(EventType.CASE_ALLOCATED, c, null, null);
        audit.record("case.opened", c.referralId, "case " + c.id + ", " + c.pathway + ", lead " + c.leadWorker);
    }

    @Transactional
    public CaseView view(UUID id) {
        CareCase c = find(id, false);
        audit.record("case.read", c.referralId, "case " + id);
        return viewOf(c, List.of());
    }

    @Transactional
    public CaseView allocate(UUID id, AllocateRequest request) {
        validation.check(request, List.of());
        CareCase c = find(id, true);
        requireOpen(c);
        Actor actor = Actor.of(identity);
        if (request.worker().strip().equals(c.leadWorker)) {
            throw ProblemException.invalid("worker", "is already the case's lead worker");
        }
        List<FieldError> errors = new ArrayList<>();
        Caseloads.Allocation allocation = caseloads.allocate(c.pathway, request.worker(), request.reason(), actor,
                "worker", "reason", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String previous = c.leadWorker;
        c.leadWorker = allocation.worker().id;
        HistoryEntry.add(c.id, now(), actor.name(), "ALLOCATED", allocationDetail(allocation) + " (was " + previous + ")");
        emit(EventType.CASE_ALLOCATED, c, null, null);
        audit.record("case.allocated", c.referralId, "case " + id + " to " + c.leadWorker);
        return viewOf(c, allocation.warnings());
    }

    @Transactional
    public CaseView step(UUID id, StepRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Pathway to = null;
        if (request != null) {
            String direction = request.direction();
            boolean knownDirection = direction != null && List.of("UP", "DOWN", "ACROSS").contains(direction);
            if (direction != null && !direction.isBlank() && !knownDirection) {
                errors.add(new FieldError("direction", "must be UP, DOWN or ACROSS"));
            }
            if (request.pathway() != null && !request.pathway().isBlank()) {
                to = Pathway.parse(request.pathway()).filter(p -> p != Pathway.NONE).orElse(null);
                if (to == null) {
                    errors.add(new FieldError("pathway", "must be EARLY_HELP or SOCIAL_CARE"));
                } else if (knownDirection && to != ("UP".equals(direction) ? Pathway.SOCIAL_CARE : Pathway.EARLY_HELP)) {
                    errors.add(new FieldError("pathway", "a step " + direction.toLowerCase() + " leads to "
                            + ("UP".equals(direction) ? "SOCIAL_CARE" : "EARLY_HELP")));
                }
            }
            LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ENGLAND));
            if (request.panelDate() != null && request.panelDate().isAfter(today)) {
                errors.add(new FieldError("panelDate", "must not be in the future: the step follows the panel"));
            }
            if (request.panelDate() == null && knownDirection && !"UP".equals(direction)) {
                errors.add(new FieldError("panelDate", "is required to step " + direction.toLowerCase()
                        + ": the date the panel agreed it"));
            }
        }
        validation.check(request, errors);
        CareCase c = find(id, true);
        requireOpen(c);
        Actor actor = Actor.of(identity);
        if (c.pathway == to) {
            throw ProblemException.invalid("pathway", "the case is already " + to + "; a step changes the pathway");
        }
        List<String> warnings = new ArrayList<>();
        Caseloads.Allocation allocation = null;
        if (request.leadWorker() != null && !request.leadWorker().isBlank()
                && !request.leadWorker().strip().equals(c.leadWorker)) {
            allocation = caseloads.allocate(to, request.leadWorker(), request.allocationOverrideReason(), actor,
                    "leadWorker", "allocationOverrideReason", errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        Instant now = now();
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.direction = request.direction();
        s.fromPathway = c.pathway;
        s.toPathway = to;
        s.rationale = request.rationale().strip();
        s.panelDate = request.panelDate();
        s.steppedBy = actor.name();
        s.steppedAt = now;
        s.persist();
        c.pathway = to;
        HistoryEntry.add(c.id, now, actor.name(), "STEPPED", s.direction + ": " + s.fromPathway + " to " + to
                + (s.panelDate == null ? "" : ", panel " + s.panelDate));
        emit(EventType.CASE_STEPPED, c, s.direction, s.rationale);
        if (allocation != null) {
            c.leadWorker = allocation.worker().id;
            warnings.addAll(allocation.warnings());
            HistoryEntry.add(c.id, now, actor.name(), "ALLOCATED", allocationDetail(allocation));
            emit(EventType.CASE_ALLOCATED, c, null, null);
        }
        audit.record("case.stepped", c.referralId, "case " + id + " " + s.direction + " to " + to);
        LOG.infof("Case %s stepped %s to %s", id, s.direction, to);
        return viewOf(c, warnings);
    }

    @Transactional
    public CaseView close(UUID id, CloseRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.reasonCode() != null && !request.reasonCode().isBlank()
                && !CLOSURE_REASONS.containsKey(request.reasonCode())) {
            errors.add(new FieldError("reasonCode", "must be a CIN reason for closure RC1-RC9"));
        }
        validation.check(request, errors);
        CareCase c = find(id, true);
        requireOpen(c);
        Actor actor = Actor.of(identity);
        Instant now = now();
        c.status = CareCase.Status.CLOSED;
        c.closedAt = now;
        c.closedBy = actor.name();
        c.closureReasonCode = request.reasonCode();
        c.closureSummary = request.summary().strip();
        HistoryEntry.add(c.id, now, actor.name(), "CLOSED", c.closureReasonCode + " ("
                + CLOSURE_REASONS.get(c.closureReasonCode) + ")");
        emit(EventType.CASE_CLOSED, c, null, null);
        audit.record("case.closed", c.referralId, "case " + id + ", " + c.closureReasonCode);
        LOG.infof("Case %s closed: %s", id, c.closureReasonCode);
        return viewOf(c, List.of());
    }

    @Transactional
    public List<WorkerView> workers() {
        List<CareCase> open = CareCase.list("status = ?1 order by openedAt", CareCase.Status.OPEN);
        Map<String, List<CareCase>> byWorker = open.stream().collect(Collectors.groupingBy(c -> c.leadWorker));
        List<WorkerView> views = Worker.<Worker>listAll().stream()
                .sorted(Comparator.comparing((Worker w) -> w.id))
                .map(w -> {
                    List<CareCase> cases = byWorker.getOrDefault(w.id, List.of());
                    return new WorkerView(w.id, w.name, w.team, w.pathway.name(), w.active, cases.size(),
                            caseloads.band(cases.size()),
                            cases.stream().map(c -> new WorkerView.OpenCase(c.id, c.pathway.name(), c.openedAt)).toList());
                })
                .toList();
        audit.record("worker.list", null, views.size() + " worker(s)");
        return views;
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

    private void emit(EventType type, CareCase c, String direction, String rationale) {
        List<UUID> childIds = CaseChild.ofCase(c.id).stream().map(ch -> ch.key.childId()).toList();
        boolean closed = type == EventType.CASE_CLOSED;
        outbox.append(EventEnvelope.of(type, c.referralId, new CaseEvent(c.id, c.referralId, childIds,
                c.pathway.name(), c.leadWorker, direction, rationale, closed ? c.closureReasonCode : null,
                closed ? c.closureSummary : null, partnerAgencies(c), now())));
    }

    private CaseView viewOf(CareCase c, List<String> warnings) {
        return new CaseView(c.id, c.referralId, c.status.name(), c.pathway.name(), c.leadWorker, c.openedAt,
                c.openedBy, CaseChild.ofCase(c.id).stream().map(CaseView.Child::of).toList(),
                CaseStep.<CaseStep>list("caseId = ?1 order by steppedAt, id", c.id).stream().map(CaseView.Step::of)
                        .toList(),
                partnerAgencies(c), c.closedAt, c.closureReasonCode, c.closureSummary,
                HistoryEntry.of(c.id).stream().map(TriageItemView.History::of).toList(), warnings);
    }

    private static String allocationDetail(Caseloads.Allocation a) {
        return "lead worker " + a.worker().id + ", " + a.openCasesAfter() + " open case(s)"
                + (a.overrideReason() == null ? "" : "; above the maximum: " + a.overrideReason());
    }

    private CareCase find(UUID id, boolean forUpdate) {
        CareCase c = forUpdate ? CareCase.findById(id, LockModeType.PESSIMISTIC_WRITE) : CareCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Case " + id);
        }
        return c;
    }

    private static void requireOpen(CareCase c) {
        if (c.status == CareCase.Status.CLOSED) {
            throw new ProblemException(ProblemType.CONFLICT, "Case " + c.id + " was closed at " + c.closedAt);
        }
    }


    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
