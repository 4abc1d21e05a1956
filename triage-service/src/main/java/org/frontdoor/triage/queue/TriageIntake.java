package org.frontdoor.triage.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.children.ChildIndexQueries;
import org.frontdoor.triage.screening.ThresholdRules;
import org.frontdoor.triage.staff.StaffAlert;
import org.frontdoor.triage.statutory.CharacteristicsService;
import org.jboss.logging.Logger;

/**
 * A received contact becomes one triage item per child, with its suggested level, priority and
 * deadline, and a {@code triage.queued} event per child. Every child is screened in the queue; when
 * the child has an open case, its lead worker is told at once and the item shows the case. Runs in
 * the inbox transaction of the event, so a redelivered event changes nothing.
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

    @Inject
    CharacteristicsService characteristics;

    @Inject
    ChildIndexQueries childIndex;

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReferralReceived referral) {
        requireComplete(referral);
        if (TriageReferral.findById(referral.referralId()) != null) {
            // the same referral under another event id (e.g. a replay): its children are queued already
            LOG.infof("Referral %s is already in triage; ignored", referral.referralId());
            return;
        }
        Instant now = Instants.now(clock);
        TriageReferral.of(referral).persist();
        boolean immediateRisk = referral.concerns().immediateRisk();
        List<String> indicators = referral.concerns().indicators() == null ? List.of()
                : referral.concerns().indicators();
        ThresholdRules.Suggestion suggestion = rules.suggest(indicators, immediateRisk);
        Map<UUID, UUID> roots = childIndex.record(referral.children().stream().map(c -> recorded(referral, c)).toList());
        for (ReferralReceived.Child child : referral.children()) {
            TriageItem item = newItem(referral, child, now);
            item.childKey = roots.get(item.childKey);
            CareCase open = openCase(item);
            item.queue(indicators, immediateRisk, suggestion, open, p -> deadlines.deadline(referral.receivedAt(), p));
            item.persist();
            characteristics.seed(item.childKey, child, now);
            queued(item, open, now);
        }
        // ids and codes only: never a child's name, date of birth or the concern text
        LOG.infof("Referral %s queued: %d child(ren), suggested level %d, immediate risk %s", referral.referralId(),
                referral.children().size(), suggestion.level(), immediateRisk);
    }

    private static void requireComplete(ReferralReceived referral) {
        if (referral == null || referral.referralId() == null || referral.receivedAt() == null
                || referral.referrer() == null || referral.referrer().sourceCode() == null
                || referral.children() == null || referral.children().isEmpty() || referral.concerns() == null) {
            throw new IllegalArgumentException("referral.received payload lacks the referral id, receipt time,"
                    + " referrer, children or concerns");
        }
    }

    /** The open case as triage knows it now; the referral service's view may lag behind. */
    private static CareCase openCase(TriageItem item) {
        CareCase open = item.openCaseId == null ? null : CareCase.findById(item.openCaseId);
        if (open == null || open.status != CareCase.Status.OPEN) {
            open = CareCase.openFor(item.childKey).orElse(null);
        }
        return open;
    }

    /** The item's history, the open case's lead worker told, {@code triage.queued} and the audit record. */
    private void queued(TriageItem item, CareCase open, Instant now) {
        HistoryEntry.add(item.id, now, SYSTEM, "RECEIVED", "Queued " + item.priority + ", suggested level "
                + item.suggestedLevel + ", due " + item.deadline
                + (open == null ? "" : "; the child has open " + open.pathway + " case " + open.id));
        if (open != null) {
            // the lead worker hears at once; the contact is screened like any other all the same
            HistoryEntry.add(open.id, now, SYSTEM, "CONTACT_RECEIVED", "New contact " + item.referralId
                    + " about a child of this case: triage item " + item.id + ", " + item.priority);
            StaffAlert.add(open.leadWorker, now, StaffAlert.Kind.CONTACT_ABOUT_OPEN_CASE, open.id, item.id,
                    item.referralId, "New " + item.priority + " contact about a child of case " + open.id
                            + (item.immediateRisk ? " (immediate risk)" : "") + ": in the MASH queue for screening");
        }
        outbox.append(EventEnvelope.of(EventType.TRIAGE_QUEUED, item.referralId,
                new TriageQueued(item.referralId, item.childId, item.id, item.priority.name(),
                        item.deadline, false, now, item.openCaseId,
                        item.openCasePathway == null ? null : item.openCasePathway.name())));
        audit.record("triage-item.created", item.referralId, "item " + item.id + ", priority "
                + item.priority + (open == null ? "" : ", open case " + open.id));
    }

    /** The child as the index of children records it, under its record (the known child, else this contact's). */
    private static ChildIndexQueries.Recorded recorded(ReferralReceived referral, ReferralReceived.Child child) {
        if (child.childId() == null) {
            throw new IllegalArgumentException("a child of referral " + referral.referralId() + " has no id");
        }
        return new ChildIndexQueries.Recorded(recordOf(child), child.firstName(), child.lastName(),
                child.dateOfBirth(), child.address() == null ? null : child.address().postcode(), child.nhsNumber(),
                referral.receivedAt());
    }

    private static UUID recordOf(ReferralReceived.Child child) {
        return child.knownChildId() != null ? child.knownChildId() : child.childId();
    }

    /**
     * One child of the contact, with what the referral service knew of the child then; {@code childKey} its record
     * (the caller makes it the record's root).
     */
    private static TriageItem newItem(ReferralReceived referral, ReferralReceived.Child child, Instant now) {
        TriageItem item = new TriageItem();
        item.id = UUID.randomUUID();
        item.referralId = referral.referralId();
        item.childId = child.childId();
        item.knownChildId = child.knownChildId();
        item.childKey = recordOf(child);
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
