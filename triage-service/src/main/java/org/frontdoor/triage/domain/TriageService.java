package org.frontdoor.triage.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.rest.AssignRequest;
import org.frontdoor.triage.rest.CheckRequest;
import org.frontdoor.triage.rest.DecisionRequest;
import org.frontdoor.triage.rest.DecisionResult;
import org.frontdoor.triage.rest.TriageItemSummary;
import org.frontdoor.triage.rest.TriageItemView;
import org.jboss.logging.Logger;

/** Working the queue: list, read, claim, assign, partner checks and the decision for each child. */
@ApplicationScoped
public class TriageService {

    private static final Logger LOG = Logger.getLogger(TriageService.class);

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
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** Queue filters; each optional. Without a status the open queue is listed: NEW and IN_PROGRESS. */
    public record Filter(TriageStatus status, Priority priority, String assignedTo, Boolean overdue, UUID referralId) {
    }

    @Transactional
    public TriageItemSummary.Page list(Filter filter, int page, int size) {
        Instant now = now();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        } else {
            where.add("status in (:open)");
            params.put("open", List.of(TriageStatus.NEW, TriageStatus.IN_PROGRESS));
        }
        if (filter.priority() != null) {
            where.add("priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.assignedTo() != null) {
            where.add("assignedTo = :assignedTo");
            params.put("assignedTo", filter.assignedTo());
        }
        if (filter.referralId() != null) {
            where.add("referralId = :referralId");
            params.put("referralId", filter.referralId());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(status <> :decided and deadline < :now)"
                    : "(status = :decided or deadline >= :now)");
            params.put("decided", TriageStatus.DECIDED);
            params.put("now", now);
        }
        PanacheQuery<TriageItem> query = TriageItem.find(String.join(" and ", where),
                Sort.by("deadline").and("receivedAt").and("position").and("id"), params);
        long total = query.count();
        List<TriageItem> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        Map<UUID, TriageReferral> referrals = new HashMap<>();
        List<TriageItemSummary> rows = new ArrayList<>();
        for (TriageItem item : items) {
            TriageReferral referral = referrals.computeIfAbsent(item.referralId, r -> TriageReferral.<TriageReferral>findById(r));
            ReferralReceived.Child child = childOf(referral.content(), item.childId);
            String name = child == null ? null
                    : ((child.firstName() == null ? "" : child.firstName() + " ") + child.lastName()).strip();
            rows.add(TriageItemSummary.of(item, name, referral.sourceCode, now));
        }
        audit.record("triage-item.list", filter.referralId(), rows.size() + " of " + total + " item(s)");
        return new TriageItemSummary.Page(page, size, total, rows);
    }

    @Transactional
    public TriageItemView view(UUID id) {
        TriageItem item = find(id, false);
        audit.record("triage-item.read", item.referralId, "item " + id);
        return viewOf(item);
    }

    @Transactional
    public TriageItemView claim(UUID id) {
        TriageItem item = find(id, true);
        Actor actor = Actor.of(identity);
        requireOpen(item);
        if (item.assignedTo != null && !item.assignedTo.equals(actor.name())) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + id + " is already with "
                    + item.assignedTo + "; a team manager can reassign it");
        }
        if (item.assignedTo == null) {
            item.assignedTo = actor.name();
            item.assignedAt = now();
            item.status = TriageStatus.IN_PROGRESS;
            HistoryEntry.add(item.id, item.assignedAt, actor.name(), "CLAIMED", null);
        }
        audit.record("triage-item.claimed", item.referralId, "item " + id);
        return viewOf(item);
    }

    @Transactional
    public TriageItemView assign(UUID id, AssignRequest request) {
        validation.check(request, List.of());
        TriageItem item = find(id, true);
        Actor actor = Actor.of(identity);
        requireOpen(item);
        String previous = item.assignedTo;
        item.assignedTo = request.assignee().strip();
        item.assignedAt = now();
        item.status = TriageStatus.IN_PROGRESS;
        HistoryEntry.add(item.id, item.assignedAt, actor.name(), "ASSIGNED",
                "to " + item.assignedTo + (previous == null ? "" : " (was " + previous + ")"));
        audit.record("triage-item.assigned", item.referralId, "item " + id + " to " + item.assignedTo);
        return viewOf(item);
    }

    @Transactional
    public TriageItemView.Check addCheck(UUID id, CheckRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null) {
            if (request.agency() != null && !request.agency().isBlank()
                    && !PartnerCheck.AGENCIES.contains(request.agency())) {
                errors.add(new FieldError("agency", "must be one of " + String.join(", ", PartnerCheck.AGENCIES)));
            }
            if (request.checkedAt() != null && request.checkedAt().isAfter(now().plus(5, ChronoUnit.MINUTES))) {
                errors.add(new FieldError("checkedAt", "must not be in the future"));
            }
        }
        validation.check(request, errors);
        TriageItem item = find(id, true);
        Actor actor = Actor.of(identity);
        PartnerCheck c = new PartnerCheck();
        c.id = UUID.randomUUID();
        c.triageItemId = item.id;
        c.agency = request.agency();
        c.organisation = blankToNull(request.organisation());
        c.contactName = request.contactName().strip();
        c.checkedAt = request.checkedAt();
        c.findings = request.findings().strip();
        c.recordedBy = actor.name();
        c.recordedAt = now();
        c.persist();
        HistoryEntry.add(item.id, c.recordedAt, actor.name(), "CHECK_RECORDED", c.agency
                + (c.organisation == null ? "" : " (" + c.organisation + ")"));
        audit.record("triage-item.check-recorded", item.referralId, "item " + id + ", " + c.agency);
        return TriageItemView.Check.of(c);
    }

    /**
     * Records the decision for one child with its {@code triage.decided} event, and for an early
     * help or social care outcome opens (or joins) the child's case, all in one transaction. Every
     * invalid field is listed in one 422; nothing is saved unless all is well.
     */
    @Transactional
    public DecisionResult decide(UUID id, DecisionRequest request) {
        TriageItem item = find(id, true);
        Actor actor = Actor.of(identity);
        if (item.status == TriageStatus.DECIDED) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + id + " was already decided by "
                    + item.decidedBy + " at " + item.decidedAt);
        }
        if (item.status == TriageStatus.WITH_ALLOCATED_WORKER) {
            throw new ProblemException(ProblemType.CONFLICT, "The child has open case " + item.caseId
                    + ": this contact is for its allocated worker, not a triage decision");
        }
        if (item.assignedTo != null && !item.assignedTo.equals(actor.name()) && !actor.teamManager()) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + id + " is with " + item.assignedTo
                    + "; a team manager can reassign it to you");
        }
        List<FieldError> errors = new ArrayList<>();
        Outcome outcome = null;
        if (request != null) {
            outcome = checkDecision(item, request, errors);
        }
        validation.check(request, errors);
        // Bean validation passed and so did every rule above: the request is complete.
        if (outcome == Outcome.NO_FURTHER_ACTION && item.immediateRisk && !actor.teamManager()) {
            audit.recordRefused("triage-item.decision.refused", item.referralId, "item " + id
                    + ": no further action on immediate risk needs a team manager");
            throw new ProblemException(ProblemType.FORBIDDEN, "The referrer flagged immediate risk: no further"
                    + " action needs a team manager's approval. Ask a team manager to make this decision.");
        }
        CaseService.Opened opened = null;
        if (outcome.opensCase()) {
            opened = cases.openOrJoin(item, outcome.pathway(), request.leadWorker(),
                    request.allocationOverrideReason(), actor, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        Instant now = now();
        item.status = TriageStatus.DECIDED;
        item.decidedLevel = request.level();
        item.outcome = outcome;
        item.pathway = outcome.pathway();
        item.primaryNeedCode = blankToNull(request.primaryNeedCode());
        item.rationale = request.rationale().strip();
        item.referrerFeedback = request.referrerFeedback().strip();
        item.levelOverrideReason = request.level() == item.suggestedLevel ? null
                : request.levelOverrideReason().strip();
        item.approvedBy = outcome == Outcome.NO_FURTHER_ACTION && item.immediateRisk ? actor.name() : null;
        item.decidedBy = actor.name();
        item.decidedAt = now;
        item.metDeadline = !now.isAfter(item.deadline);
        if (item.assignedTo == null) {
            item.assignedTo = actor.name();
            item.assignedAt = now;
        }
        if (opened != null) {
            item.caseId = opened.careCase().id;
        }
        HistoryEntry.add(item.id, now, actor.name(), "DECIDED", "level " + item.decidedLevel + ", " + outcome
                + (item.metDeadline ? ", on time" : ", after the deadline")
                + (item.caseId == null ? "" : ", case " + item.caseId));
        outbox.append(EventEnvelope.of(EventType.TRIAGE_DECIDED, item.referralId,
                new TriageDecided(item.referralId, item.childId, item.id, item.decidedLevel, outcome.name(),
                        outcome.pathway().name(), item.primaryNeedCode, item.referrerFeedback, actor.name(), now,
                        item.metDeadline)));
        if (opened != null) {
            cases.announceOpened(opened, item);
        }
        audit.record("triage-item.decided", item.referralId, "item " + id + ": level " + item.decidedLevel + ", "
                + outcome + (item.caseId == null ? "" : ", case " + item.caseId));
        LOG.infof("Triage item %s decided: level %d, %s, met deadline %s", id, item.decidedLevel, outcome,
                item.metDeadline);
        return new DecisionResult(item.id, item.referralId, item.childId, item.decidedLevel, outcome.name(),
                outcome.pathway().name(), item.decidedBy, item.decidedAt, item.deadline, item.metDeadline,
                item.approvedBy, item.caseId, opened != null && opened.joined(),
                opened == null ? null : opened.careCase().leadWorker,
                opened == null ? null : CareCase.openCasesOf(opened.careCase().leadWorker),
                opened == null ? List.of() : opened.warnings());
    }

    private Outcome checkDecision(TriageItem item, DecisionRequest request, List<FieldError> errors) {
        Outcome outcome = null;
        if (request.outcome() != null && !request.outcome().isBlank()) {
            outcome = Outcome.parse(request.outcome()).orElse(null);
            if (outcome == null) {
                errors.add(new FieldError("outcome", "must be one of NO_FURTHER_ACTION, INFORMATION_AND_ADVICE,"
                        + " EARLY_HELP_SINGLE_AGENCY, EARLY_HELP_TARGETED, SOCIAL_CARE_ASSESSMENT, STRATEGY_DISCUSSION"));
            }
        }
        Integer level = request.level();
        boolean levelValid = level != null && level >= 1 && level <= 4;
        if (outcome != null && levelValid && !rules.outcomesFor(level).contains(outcome)) {
            errors.add(new FieldError("outcome", outcome + " contradicts level " + level + ": level " + level
                    + " allows " + rules.outcomesFor(level).stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
        String need = request.primaryNeedCode();
        if (need != null && !need.isBlank() && !need.strip().matches("N[0-9]")) {
            errors.add(new FieldError("primaryNeedCode", "must be a CIN primary need code N0-N9"));
        } else if ((need == null || need.isBlank()) && outcome != null && outcome.pathway() == Pathway.SOCIAL_CARE) {
            errors.add(new FieldError("primaryNeedCode", "is required for a social care outcome: N0-N9"));
        }
        if (levelValid && level != item.suggestedLevel
                && (request.levelOverrideReason() == null || request.levelOverrideReason().isBlank())) {
            errors.add(new FieldError("levelOverrideReason", "is required: level " + level
                    + " differs from the suggested level " + item.suggestedLevel));
        }
        boolean allocates = outcome == null || outcome.opensCase();
        if (!allocates && request.leadWorker() != null && !request.leadWorker().isBlank()) {
            errors.add(new FieldError("leadWorker", "only an early help or social care outcome has a lead worker"));
        }
        return outcome;
    }

    TriageItem find(UUID id, boolean forUpdate) {
        TriageItem item = forUpdate ? TriageItem.findById(id, LockModeType.PESSIMISTIC_WRITE) : TriageItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("Triage item " + id);
        }
        return item;
    }

    private static void requireOpen(TriageItem item) {
        if (item.status == TriageStatus.DECIDED) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + item.id + " is already decided");
        }
        if (item.status == TriageStatus.WITH_ALLOCATED_WORKER) {
            throw new ProblemException(ProblemType.CONFLICT, "Triage item " + item.id
                    + " is with the allocated worker of the child's open case");
        }
    }

    private TriageItemView viewOf(TriageItem item) {
        TriageReferral referral = TriageReferral.findById(item.referralId);
        ReferralReceived content = referral.content();
        Map<UUID, UUID> itemByChild = TriageItem.<TriageItem>list("referralId", item.referralId).stream()
                .collect(Collectors.toMap(i -> i.childId, i -> i.id));
        List<TriageItemView.Sibling> siblings = content.children().stream()
                .filter(c -> !item.childId.equals(c.childId()))
                .sorted(Comparator.comparingInt(ReferralReceived.Child::position))
                .map(c -> new TriageItemView.Sibling(c.position(), c.childId(), itemByChild.get(c.childId()),
                        c.firstName(), c.lastName(), c.dateOfBirth()))
                .toList();
        return TriageItemView.of(item, content, siblings, PartnerCheck.forItem(item.id), HistoryEntry.of(item.id),
                now());
    }

    private static ReferralReceived.Child childOf(ReferralReceived content, UUID childId) {
        return content.children().stream().filter(c -> childId.equals(c.childId())).findFirst().orElse(null);
    }


    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Set<String> agenciesOf(List<UUID> itemIds) {
        return PartnerCheck.<PartnerCheck>list("triageItemId in ?1", itemIds).stream()
                .map(PartnerCheck::partnerAgency).collect(Collectors.toSet());
    }
}
