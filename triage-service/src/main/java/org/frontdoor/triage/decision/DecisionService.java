package org.frontdoor.triage.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseOpening;
import org.frontdoor.triage.cases.CaseResults;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.QueueQueries;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageResults.Decided;
import org.frontdoor.triage.queue.TriageResults.Details;
import org.frontdoor.triage.sharing.InformationRequest;
import org.frontdoor.triage.sharing.InformationRequestStatus;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.FourEyesViolation;
import org.frontdoor.triage.staff.StaffAlert;
import org.frontdoor.triage.staff.StaffMember;
import org.jboss.logging.Logger;

/**
 * The decision for each child. A decision that risk demands a manager see (DecisionRules) waits for a team manager
 * other than the decider, who approves it or sends it back; only then does it take effect: the child's case is
 * opened, joined or stepped (CaseOpening), and {@code triage.decided} reaches the referrer.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    @Inject
    QueueService queue;

    @Inject
    QueueQueries queries;

    @Inject
    DecisionRules rules;

    @Inject
    CaseOpening cases;

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
     * Records the decision for one child. Every invalid field is listed in one 422 and nothing is saved unless all
     * is well. Where risk demands it, the decision waits for a team manager's approval; otherwise it takes effect.
     */
    @Transactional
    public Decided decide(UUID id, DecisionCommand command, Long ifMatch) {
        TriageItem item = queue.find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        item.requireDecidableBy(actor);
        CareCase open = CareCase.openFor(item.childKey).orElse(null);
        Pathway openPathway = open == null ? null : open.pathway;
        List<FieldError> errors = new ArrayList<>();
        long openRequests = 0;
        if (command != null) {
            errors.addAll(rules.check(command, item.suggestedLevel, openPathway, DecisionService::staffMember));
            openRequests = openRequests(item, command, errors);
        }
        validation.check(command, errors);
        // Bean validation passed and so did every rule: the command is complete.
        Instant now = Instants.now(clock);
        String openReason = openRequests == 0 ? null : command.openRequestsReason().strip();
        item.decide(decisionOf(command, item.suggestedLevel, openPathway, openReason), actor, now);
        if (openReason != null) {
            HistoryEntry.add(item.id, now, actor, "DECIDED_WITH_REQUESTS_OPEN", openRequests
                    + " partner request(s) unanswered: " + openReason);
        }
        String approvalReason = rules.approvalReason(item.pathway, item.immediateRisk, item.suggestedLevel);
        if (approvalReason != null) {
            return awaitApproval(item, actor, approvalReason, now);
        }
        return takeEffect(item, open, actor, null);
    }

    /** A team manager other than the decider approves a decision awaiting approval: it takes effect. */
    @Transactional
    public Decided approve(UUID id, Long ifMatch) {
        TriageItem item = queue.find(id, true);
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
        CareCase open = CareCase.openFor(item.childKey).orElse(null);
        if (item.outcome == Outcome.PASSED_TO_ALLOCATED_WORKER && open == null) {
            throw DomainException.conflict("The child's case has closed since the decision:"
                    + " send it back for a new decision");
        }
        return takeEffect(item, open, actor, actor);
    }

    /** A team manager sends a decision awaiting approval back to its decider, with the reason. */
    @Transactional
    public Details sendBack(UUID id, SendBackCommand command, Long ifMatch) {
        validation.check(command, List.of());
        TriageItem item = queue.find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        String decision = "level " + item.decidedLevel + ", " + item.outcome;
        String decider = item.sendBack(actor, command.reason().strip(), now);
        HistoryEntry.add(item.id, now, actor, "SENT_BACK", decision + " sent back to " + decider + ": "
                + item.sentBackReason);
        StaffAlert.add(decider, now, StaffAlert.Kind.DECISION_SENT_BACK, null, item.id, item.referralId,
                "Your decision on triage item " + item.id + " was sent back by " + actor.id() + ": decide again");
        audit.record("triage-item.sent-back", item.referralId, "item " + id + " to " + decider);
        TriageItem.flush();
        return queue.details(item);
    }

    // a static call, not StaffMember::findById: Panache enhances calls made on the entity class, not that handle
    private static StaffMember staffMember(String id) {
        return StaffMember.findById(id);
    }

    /**
     * The partners' answers still awaited on the item (information requests REQUESTED or OVERDUE): a decision made
     * without them says why ({@code openRequestsReason}).
     */
    private static long openRequests(TriageItem item, DecisionCommand command, List<FieldError> errors) {
        long open = InformationRequest.count("triageItemId = ?1 and status in ?2", item.id,
                List.of(InformationRequestStatus.REQUESTED, InformationRequestStatus.OVERDUE));
        if (open > 0 && Text.blankToNull(command.openRequestsReason()) == null) {
            errors.add(new FieldError("openRequestsReason", open + " information request(s) to partners are still"
                    + " unanswered: say why the decision does not wait for them"));
        }
        return open;
    }

    private static Decision decisionOf(DecisionCommand command, int suggestedLevel, Pathway openPathway,
            String openRequestsReason) {
        return new Decision(command.level(), command.outcome(),
                DecisionRules.pathwayOf(command.outcome(), openPathway), Text.blankToNull(command.primaryNeedCode()),
                command.rationale().strip(), command.referrerFeedback().strip(),
                command.level() == suggestedLevel ? null : command.levelOverrideReason().strip(),
                Text.blankToNull(command.leadWorker()), Text.blankToNull(command.allocationOverrideReason()),
                openRequestsReason);
    }

    private Decided awaitApproval(TriageItem item, Actor actor, String reason, Instant now) {
        item.awaitApproval(now);
        HistoryEntry.add(item.id, now, actor, "AWAITING_APPROVAL", "level " + item.decidedLevel + ", "
                + item.outcome + ": " + reason);
        audit.record("triage-item.decided", item.referralId, "item " + item.id + ": level " + item.decidedLevel
                + ", " + item.outcome + ", awaiting approval");
        LOG.infof("Triage item %s decided %s, awaiting a team manager's approval", item.id, item.outcome);
        TriageItem.flush();
        return new Decided(item, null, null, List.of("This decision waits for a team manager's approval ("
                + reason + "): it takes effect, and the referrer hears of it, once approved"));
    }

    /**
     * The decision takes effect: the child's case is opened, joined or stepped (or the contact passed to its lead
     * worker), the contact becomes a referral when the outcome is statutory, and {@code triage.decided} goes out,
     * all in this transaction. {@code actor} makes it take effect (the decider, or the approving manager, whose
     * override counts for allocation).
     */
    private Decided takeEffect(TriageItem item, CareCase open, Actor actor, Actor approver) {
        Instant now = Instants.now(clock);
        // as it was before this decision: a step up changes it
        Pathway openPathway = open == null ? null : open.pathway;
        CaseResults.Effect effect = caseEffect(item, open, actor);
        boolean reReferral = DecisionRules.becomesReferral(item.outcome, openPathway) && queries.referredWithin(
                item.childKey, item.id, item.contactDate(), config.reReferralMonths());
        item.takeEffect(approver, now, openPathway, effect == null ? null : effect.careCase().id, reReferral);
        HistoryEntry.add(item.id, now, actor, approver == null ? "DECIDED" : "APPROVED", "level "
                + item.decidedLevel + ", " + item.outcome + (item.metDeadline ? ", on time" : ", after the deadline")
                + (item.becameReferral ? ", now a referral" : "")
                + (item.caseId == null ? "" : ", case " + item.caseId));
        outbox.append(EventEnvelope.of(EventType.TRIAGE_DECIDED, item.referralId, decided(item)));
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

    /** What the decision does to the child's case: none below early help. */
    private CaseResults.Effect caseEffect(TriageItem item, CareCase open, Actor actor) {
        if (item.outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
            return cases.passToLeadWorker(open, item, actor);
        }
        if (!item.outcome.opensCase()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        CaseResults.Effect effect = cases.openJoinOrStep(item, actor, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return effect;
    }

    private static TriageDecided decided(TriageItem item) {
        return new TriageDecided(item.referralId, item.childId, item.id, item.decidedLevel, item.outcome.name(),
                item.pathway.name(), item.primaryNeedCode, item.referrerFeedback, item.decidedBy, item.decidedAt,
                item.metDeadline, item.becameReferral, item.referralDate, item.reReferral, item.approvedBy,
                item.caseId);
    }
}
