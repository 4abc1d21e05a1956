package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;

/**
 * Keeps the referrer-facing status up to date from what triage and notification report:
 * each child's status, the decision and the feedback text meant for the referrer, whether the
 * child's contact became a referral, open cases (so a later contact about the child carries
 * the case), and the timeline. Runs inside the inbox transaction of the event it applies, with payloads read by
 * their one reader (an unknown code never gets here: it is dead-lettered).
 * <p>
 * Set in place ({@link ReferralStatusQueries}): never loading the contact and all its children (three events a
 * contact, at least, come through here).
 */
@ApplicationScoped
public class StatusUpdater {

    /** Messages to the organisations the front door asks or meets (issue 27): none goes to the referrer. */
    private static final Set<String> TO_OTHER_ORGANISATIONS = Set.of(Kind.INFORMATION_REQUESTED.name(),
            Kind.INFORMATION_CHASED.name(), Kind.STRATEGY_DISCUSSION_OUTCOME.name());

    @Inject
    ReferralStatusQueries queries;

    /**
     * Every contact is screened, including one about a child with an open case (triage tells the
     * case's lead worker): the child is in triage, with the open case noted for staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queued(EventEnvelope event, TriageQueued queued) {
        UUID referralId = queries.queued(queued.childId(), queued.openCaseId(), queued.codes().openCasePathway());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("priority", queued.priority());
        timeline(event, referralId, queued.childId(), "IN_TRIAGE", "In the MASH triage queue", detail);
        queries.refreshStatus(referralId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(EventEnvelope event, TriageDecided decided) {
        Outcome outcome = decided.codes().outcome();
        ReferralStatusQueries.Decided row = queries.decided(decided.childId(), outcome, decided.level(),
                decided.referrerFeedback(), decided.decidedAt(), decided.becameReferral(), decided.referralDate());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("level", decided.level());
        detail.put("outcome", outcome.name());
        if (decided.pathway() != null) {
            detail.put("pathway", decided.pathway());
        }
        detail.put("recordType", RecordType.of(decided.becameReferral()).name());
        detail.put("referrerFeedback", decided.referrerFeedback());
        timeline(event, row.referralId(), decided.childId(), "DECIDED", "Decided: " + outcome.label(), detail);
        if (decided.becameReferral() && !row.wasReferral()) {
            Map<String, Object> referral = new LinkedHashMap<>();
            referral.put("referralDate", row.referralDate().toString());
            referral.put("outcome", outcome.name());
            timeline(event, row.referralId(), decided.childId(), "BECAME_REFERRAL",
                    "Became a referral: " + lowerFirst(outcome.label()), referral);
        }
        queries.refreshStatus(row.referralId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(EventEnvelope event, CaseEvent change) {
        List<UUID> childIds = change.childIds() == null ? List.of() : change.childIds();
        UUID statusMoved = null;
        for (UUID childId : childIds) {
            switch (event.type()) {
                case "case.opened" -> statusMoved = opened(event, change, childId);
                case "case.allocated" -> queries.openCase(childId, change.caseId(), change.leadWorker());
                case "case.stepped" -> stepped(event, change, childId);
                case "case.closed" -> statusMoved = closed(event, change, childId);
                default -> {
                    return;
                }
            }
        }
        if (statusMoved != null) {
            // a case's children are one contact's: its status once, after all of them moved
            queries.refreshStatus(statusMoved);
        }
    }

    /** Returns the child's contact's id: its status moved. */
    private UUID opened(EventEnvelope event, CaseEvent change, UUID childId) {
        UUID referralId = queries.setStatus(childId, ChildStatus.CASE_OPEN, null);
        queries.openCase(childId, change.caseId(), change.leadWorker());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("pathway", change.pathway());
        timeline(event, referralId, childId, "CASE_OPENED", "Case opened: " + change.pathway(), detail);
        return referralId;
    }

    private void stepped(EventEnvelope event, CaseEvent change, UUID childId) {
        UUID referralId = queries.openCase(childId, change.caseId(), change.leadWorker());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("direction", change.direction());
        detail.put("pathway", change.pathway());
        timeline(event, referralId, childId, "CASE_STEPPED", "Case stepped "
                + String.valueOf(change.direction()).toLowerCase() + " to " + change.pathway(), detail);
    }

    /** Returns the child's contact's id: its status moved. */
    private UUID closed(EventEnvelope event, CaseEvent change, UUID childId) {
        UUID referralId = queries.setStatus(childId, ChildStatus.CASE_CLOSED, change.occurredAt());
        queries.closeCase(childId, change.caseId());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reasonCode", change.closureReasonCode());
        timeline(event, referralId, childId, "CASE_CLOSED", "Case closed", detail);
        return referralId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notified(EventEnvelope event, NotificationOutcome outcome) {
        if (TO_OTHER_ORGANISATIONS.contains(outcome.kind())) {
            // a request for information, its chase or a strategy discussion's outcome went to another agency, never
            // to the referrer: not on the referrer's timeline
            return;
        }
        boolean sent = "notification.sent".equals(event.type());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", outcome.kind());
        detail.put("channel", outcome.channel());
        if (outcome.dueBy() != null) {
            detail.put("dueBy", outcome.dueBy().toString());
        }
        String what = outcome.kind() == null ? "Message" : humanise(outcome.kind());
        // no child's status moves, so neither does the contact's; an unknown referral fails on the timeline's key
        timeline(event, outcome.referralId(), outcome.childId(),
                sent ? "REFERRER_NOTIFIED" : "REFERRER_NOTIFICATION_FAILED",
                sent ? what + " sent to the referrer by " + String.valueOf(outcome.channel()).toLowerCase()
                        : what + " could not be delivered to the referrer",
                detail);
    }

    private void timeline(EventEnvelope event, UUID referralId, UUID childId, String kind, String summary,
            Map<String, Object> detail) {
        TimelineEntry.of(referralId, childId, kind, event.occurredAt(), summary, detail, event.eventId()).persist();
    }

    private static String lowerFirst(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String humanise(String kind) {
        String words = kind.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
