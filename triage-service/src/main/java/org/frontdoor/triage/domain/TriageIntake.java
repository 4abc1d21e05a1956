package org.frontdoor.triage.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * A received referral becomes one triage item per child, with its suggested level, priority and
 * deadline, and a {@code triage.queued} event per child. A child with an open case goes to the
 * case's allocated worker instead of the queue (recorded all the same, flagged). Runs in the
 * inbox transaction of the event, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class TriageIntake {

    private static final Logger LOG = Logger.getLogger(TriageIntake.class);
    static final String SYSTEM = "triage-service";

    @Inject
    ThresholdRules rules;

    @Inject
    Deadlines deadlines;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReferralReceived referral) {
        if (referral == null || referral.referralId() == null || referral.receivedAt() == null
                || referral.referrer() == null || referral.referrer().sourceCode() == null
                || referral.children() == null || referral.children().isEmpty() || referral.concerns() == null) {
            throw new IllegalArgumentException("referral.received payload lacks the referral id, receipt time,"
                    + " referrer, children or concerns");
        }
        if (TriageReferral.findById(referral.referralId()) != null) {
            // the same referral under another event id (e.g. a replay): its children are queued already
            LOG.infof("Referral %s is already in triage; ignored", referral.referralId());
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        TriageReferral.of(referral).persist();
        boolean immediateRisk = referral.concerns().immediateRisk();
        List<String> indicators = referral.concerns().indicators() == null ? List.of()
                : referral.concerns().indicators();
        ThresholdRules.Suggestion suggestion = rules.suggest(indicators, immediateRisk);
        Priority priority = Priority.of(suggestion.level(), immediateRisk);
        Instant deadline = deadlines.deadline(referral.receivedAt(), priority);
        for (ReferralReceived.Child child : referral.children()) {
            TriageItem item = newItem(referral, child, now);
            item.indicators = List.copyOf(indicators);
            item.immediateRisk = immediateRisk;
            item.suggestedLevel = suggestion.level();
            item.suggestionReasons = suggestion.reasons();
            item.priority = priority;
            item.deadline = deadline;
            ReferralReceived.PriorInvolvement prior = child.priorInvolvement();
            if (prior != null && prior.openCaseId() != null) {
                item.toAllocatedWorker = true;
                item.status = TriageStatus.WITH_ALLOCATED_WORKER;
                CareCase open = CareCase.findById(prior.openCaseId());
                item.assignedTo = open != null ? open.leadWorker : prior.openCaseWorker();
                item.assignedAt = now;
                item.caseId = prior.openCaseId();
                item.persist();
                if (open != null && open.status == CareCase.Status.OPEN
                        && CaseChild.findById(new CaseChild.Key(open.id, child.childId())) == null) {
                    CaseChild.of(open.id, item, now).persist();
                    HistoryEntry.add(open.id, now, SYSTEM, "CONTACT_RECEIVED",
                            "New contact " + referral.referralId() + " for a child of this case");
                }
            } else {
                item.status = TriageStatus.NEW;
                item.persist();
            }
            HistoryEntry.add(item.id, now, SYSTEM, "RECEIVED", item.toAllocatedWorker
                    ? "Child has open case " + item.caseId + ": passed to its allocated worker " + item.assignedTo
                    : "Queued " + priority + ", suggested level " + suggestion.level() + ", due " + deadline);
            outbox.append(EventEnvelope.of(EventType.TRIAGE_QUEUED, referral.referralId(),
                    new TriageQueued(referral.referralId(), child.childId(), item.id, priority.name(), deadline,
                            item.toAllocatedWorker, now)));
            audit.record("triage-item.created", referral.referralId(), "item " + item.id + ", priority " + priority
                    + (item.toAllocatedWorker ? ", to allocated worker" : ""));
        }
        // ids and codes only: never a child's name, date of birth or the concern text
        LOG.infof("Referral %s queued: %d child(ren), suggested level %d, %s, due %s", referral.referralId(),
                referral.children().size(), suggestion.level(), priority, deadline);
    }

    private static TriageItem newItem(ReferralReceived referral, ReferralReceived.Child child, Instant now) {
        if (child.childId() == null) {
            throw new IllegalArgumentException("a child of referral " + referral.referralId() + " has no id");
        }
        TriageItem item = new TriageItem();
        item.id = UUID.randomUUID();
        item.referralId = referral.referralId();
        item.childId = child.childId();
        item.knownChildId = child.knownChildId();
        item.position = child.position();
        item.receivedAt = referral.receivedAt();
        item.queuedAt = now;
        ReferralReceived.PriorInvolvement prior = child.priorInvolvement();
        if (prior != null) {
            item.referralsLast12Months = prior.referralsInLast12Months();
            item.reReferral = prior.reReferral();
            item.sameDayFirstReferralId = prior.sameDayFirstReferralId();
            item.openCaseId = prior.openCaseId();
            item.openCaseWorker = prior.openCaseWorker();
        }
        return item;
    }
}
