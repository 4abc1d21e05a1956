package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.support.calendar.WorkingCalendar;

/**
 * Keeps the referrer-facing status up to date from what triage and notification report:
 * each child's status, the decision and the feedback text meant for the referrer, whether the
 * child's contact became a referral, open cases (so a later contact about the child carries
 * the case), and the timeline. Runs inside the inbox transaction of the event it applies.
 */
@ApplicationScoped
public class StatusUpdater {

    @Inject
    EntityManager em;

    /**
     * Every contact is screened, including one about a child with an open case (triage tells the
     * case's lead worker): the child is in triage, with the open case noted for staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queued(EventEnvelope event, TriageQueued queued) {
        ReferralChild child = child(queued.childId());
        child.status = ChildStatus.IN_TRIAGE;
        if (queued.openCaseId() != null) {
            child.openCaseId = queued.openCaseId();
            child.openCasePathway = queued.openCasePathway() == null ? null : Pathway.valueOf(queued.openCasePathway());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("priority", queued.priority());
        timeline(event, child.referral, child.id, "IN_TRIAGE", "In the MASH triage queue", detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(EventEnvelope event, TriageDecided decided) {
        ReferralChild child = child(decided.childId());
        // an outcome outside the shared code list breaks the contract: it fails, and goes to the dead-letter topic
        Outcome outcome = Outcome.valueOf(decided.outcome());
        boolean wasReferral = child.becameReferral;
        child.status = ChildStatus.decided(outcome);
        child.level = decided.level();
        child.outcome = outcome;
        child.referrerFeedback = decided.referrerFeedback();
        child.decidedAt = decided.decidedAt();
        child.becameReferral = decided.becameReferral();
        child.referralDate = !decided.becameReferral() ? null
                : decided.referralDate() != null ? decided.referralDate()
                : child.referral.receivedAt.atZone(WorkingCalendar.ENGLAND).toLocalDate();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("level", decided.level());
        detail.put("outcome", outcome.name());
        if (decided.pathway() != null) {
            detail.put("pathway", decided.pathway());
        }
        detail.put("recordType", child.recordType().name());
        detail.put("referrerFeedback", decided.referrerFeedback());
        timeline(event, child.referral, child.id, "DECIDED", "Decided: " + outcome.label(), detail);
        if (child.becameReferral && !wasReferral) {
            Map<String, Object> referral = new LinkedHashMap<>();
            referral.put("referralDate", child.referralDate.toString());
            referral.put("outcome", outcome.name());
            timeline(event, child.referral, child.id, "BECAME_REFERRAL",
                    "Became a referral: " + lowerFirst(outcome.label()), referral);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(EventEnvelope event, CaseEvent change) {
        List<UUID> childIds = change.childIds() == null ? List.of() : change.childIds();
        for (UUID childId : childIds) {
            ReferralChild child = child(childId);
            Map<String, Object> detail = new LinkedHashMap<>();
            switch (event.type()) {
                case "case.opened" -> {
                    child.status = ChildStatus.CASE_OPEN;
                    openCase(child.knownChildId, change.caseId(), change.leadWorker());
                    detail.put("pathway", change.pathway());
                    timeline(event, child.referral, childId, "CASE_OPENED", "Case opened: " + change.pathway(), detail);
                }
                case "case.allocated" -> openCase(child.knownChildId, change.caseId(), change.leadWorker());
                case "case.stepped" -> {
                    openCase(child.knownChildId, change.caseId(), change.leadWorker());
                    detail.put("direction", change.direction());
                    detail.put("pathway", change.pathway());
                    timeline(event, child.referral, childId, "CASE_STEPPED",
                            "Case stepped " + String.valueOf(change.direction()).toLowerCase() + " to "
                                    + change.pathway(), detail);
                }
                case "case.closed" -> {
                    child.status = ChildStatus.CASE_CLOSED;
                    child.caseClosedAt = change.occurredAt();
                    em.createNativeQuery("update known_child set open_case_id = null, open_case_worker = null"
                            + " where id = ?1 and open_case_id = ?2")
                            .setParameter(1, child.knownChildId)
                            .setParameter(2, change.caseId())
                            .executeUpdate();
                    detail.put("reasonCode", change.closureReasonCode());
                    timeline(event, child.referral, childId, "CASE_CLOSED", "Case closed", detail);
                }
                default -> {
                    return;
                }
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notified(EventEnvelope event, NotificationOutcome outcome) {
        Referral referral = Referral.<Referral>findByIdOptional(outcome.referralId())
                .orElseThrow(() -> new IllegalArgumentException("unknown referral " + outcome.referralId()));
        boolean sent = "notification.sent".equals(event.type());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", outcome.kind());
        detail.put("channel", outcome.channel());
        if (outcome.dueBy() != null) {
            detail.put("dueBy", outcome.dueBy().toString());
        }
        String what = outcome.kind() == null ? "Message" : humanise(outcome.kind());
        timeline(event, referral, outcome.childId(), sent ? "REFERRER_NOTIFIED" : "REFERRER_NOTIFICATION_FAILED",
                sent ? what + " sent to the referrer by " + String.valueOf(outcome.channel()).toLowerCase()
                        : what + " could not be delivered to the referrer",
                detail);
    }

    /**
     * The child's open case and its lead worker. A case awaiting a manager's allocation has no lead
     * worker: the one known for that case stays until another is allocated; another case starts afresh.
     */
    private void openCase(UUID knownChildId, UUID caseId, String worker) {
        em.createNativeQuery("update known_child set open_case_id = ?2, open_case_worker = case"
                + " when open_case_id = ?2 then coalesce(cast(?3 as varchar), open_case_worker) else cast(?3 as varchar) end"
                + " where id = ?1")
                .setParameter(1, knownChildId)
                .setParameter(2, caseId)
                .setParameter(3, worker)
                .executeUpdate();
    }

    private ReferralChild child(UUID childId) {
        ReferralChild child = ReferralChild.findById(childId);
        if (child == null) {
            throw new IllegalArgumentException("unknown child " + childId);
        }
        return child;
    }

    private void timeline(EventEnvelope event, Referral referral, UUID childId, String kind, String summary,
            Map<String, Object> detail) {
        TimelineEntry.of(referral.id, childId, kind, event.occurredAt(), summary, detail, event.eventId()).persist();
        referral.refreshStatus();
    }

    private static String lowerFirst(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String humanise(String kind) {
        String words = kind.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
