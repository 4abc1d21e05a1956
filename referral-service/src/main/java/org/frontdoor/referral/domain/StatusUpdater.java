package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
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
 * <p>
 * Set in place: each change is an update of the child's row, a timeline row and, where the child's status moved,
 * one statement for the contact's status, never loading the contact and all its children (three events a contact,
 * at least, come through here).
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
        UUID referralId = (UUID) single(queued.childId(), em.createNativeQuery("""
                with changed as (
                    update referral_child set status = ?2,
                        open_case_id = coalesce(cast(?3 as uuid), open_case_id),
                        open_case_pathway = case when cast(?3 as uuid) is null then open_case_pathway
                            else cast(?4 as varchar) end
                    where id = ?1 returning referral_id)
                select referral_id from changed""")
                .setParameter(1, queued.childId())
                .setParameter(2, ChildStatus.IN_TRIAGE.name())
                .setParameter(3, queued.openCaseId())
                .setParameter(4, queued.openCaseId() == null || queued.openCasePathway() == null ? null
                        : Pathway.valueOf(queued.openCasePathway()).name()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("priority", queued.priority());
        timeline(event, referralId, queued.childId(), "IN_TRIAGE", "In the MASH triage queue", detail);
        refreshStatus(referralId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(EventEnvelope event, TriageDecided decided) {
        // an outcome outside the shared code list breaks the contract: it fails, and goes to the dead-letter topic
        Outcome outcome = Outcome.valueOf(decided.outcome());
        // the referral date defaults to the contact's date in England; what it was before tells a new referral
        Object[] row = (Object[]) single(decided.childId(), em.createNativeQuery("""
                with before as (
                    select c.id, c.referral_id, c.became_referral, r.received_at
                    from referral_child c join referral r on r.id = c.referral_id
                    where c.id = ?1 for update of c),
                changed as (
                    update referral_child t set status = ?2, level = ?3, outcome = ?4, referrer_feedback = ?5,
                        decided_at = ?6, became_referral = cast(?7 as boolean),
                        referral_date = case when cast(?7 as boolean) then coalesce(cast(?8 as date),
                            cast(before.received_at at time zone ?9 as date)) end
                    from before where t.id = before.id
                    returning before.referral_id, before.became_referral, t.referral_date)
                select referral_id, became_referral, referral_date from changed""")
                .setParameter(1, decided.childId())
                .setParameter(2, ChildStatus.decided(outcome).name())
                .setParameter(3, decided.level())
                .setParameter(4, outcome.name())
                .setParameter(5, decided.referrerFeedback())
                .setParameter(6, decided.decidedAt())
                .setParameter(7, decided.becameReferral())
                .setParameter(8, decided.referralDate())
                .setParameter(9, WorkingCalendar.ENGLAND.getId()));
        UUID referralId = (UUID) row[0];
        boolean wasReferral = (Boolean) row[1];
        LocalDate referralDate = row[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[2];
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("level", decided.level());
        detail.put("outcome", outcome.name());
        if (decided.pathway() != null) {
            detail.put("pathway", decided.pathway());
        }
        detail.put("recordType", RecordType.of(decided.becameReferral()).name());
        detail.put("referrerFeedback", decided.referrerFeedback());
        timeline(event, referralId, decided.childId(), "DECIDED", "Decided: " + outcome.label(), detail);
        if (decided.becameReferral() && !wasReferral) {
            Map<String, Object> referral = new LinkedHashMap<>();
            referral.put("referralDate", referralDate.toString());
            referral.put("outcome", outcome.name());
            timeline(event, referralId, decided.childId(), "BECAME_REFERRAL",
                    "Became a referral: " + lowerFirst(outcome.label()), referral);
        }
        refreshStatus(referralId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(EventEnvelope event, CaseEvent change) {
        List<UUID> childIds = change.childIds() == null ? List.of() : change.childIds();
        UUID statusMoved = null;
        for (UUID childId : childIds) {
            Map<String, Object> detail = new LinkedHashMap<>();
            switch (event.type()) {
                case "case.opened" -> {
                    UUID referralId = setStatus(childId, ChildStatus.CASE_OPEN, null);
                    openCase(childId, change.caseId(), change.leadWorker());
                    detail.put("pathway", change.pathway());
                    timeline(event, referralId, childId, "CASE_OPENED", "Case opened: " + change.pathway(), detail);
                    statusMoved = referralId;
                }
                case "case.allocated" -> openCase(childId, change.caseId(), change.leadWorker());
                case "case.stepped" -> {
                    UUID referralId = openCase(childId, change.caseId(), change.leadWorker());
                    detail.put("direction", change.direction());
                    detail.put("pathway", change.pathway());
                    timeline(event, referralId, childId, "CASE_STEPPED",
                            "Case stepped " + String.valueOf(change.direction()).toLowerCase() + " to "
                                    + change.pathway(), detail);
                }
                case "case.closed" -> {
                    UUID referralId = setStatus(childId, ChildStatus.CASE_CLOSED, change.occurredAt());
                    em.createNativeQuery("update known_child k set open_case_id = null, open_case_worker = null"
                            + " from referral_child c where c.id = ?1 and k.id = c.known_child_id"
                            + " and k.open_case_id = ?2")
                            .setParameter(1, childId)
                            .setParameter(2, change.caseId())
                            .executeUpdate();
                    detail.put("reasonCode", change.closureReasonCode());
                    timeline(event, referralId, childId, "CASE_CLOSED", "Case closed", detail);
                    statusMoved = referralId;
                }
                default -> {
                    return;
                }
            }
        }
        if (statusMoved != null) {
            // a case's children are one contact's: its status once, after all of them moved
            refreshStatus(statusMoved);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notified(EventEnvelope event, NotificationOutcome outcome) {
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

    /** Sets a child's status (and when its case closed); returns its contact's id. */
    private UUID setStatus(UUID childId, ChildStatus status, java.time.Instant caseClosedAt) {
        return (UUID) single(childId, em.createNativeQuery("""
                with changed as (
                    update referral_child set status = ?2, case_closed_at = coalesce(cast(?3 as timestamptz),
                        case_closed_at)
                    where id = ?1 returning referral_id)
                select referral_id from changed""")
                .setParameter(1, childId)
                .setParameter(2, status.name())
                .setParameter(3, caseClosedAt));
    }

    /**
     * The child's open case and its lead worker, on the known child. A case awaiting a manager's allocation has no
     * lead worker: the one known for that case stays until another is allocated; another case starts afresh.
     * Returns the child's contact's id.
     */
    private UUID openCase(UUID childId, UUID caseId, String worker) {
        return (UUID) single(childId, em.createNativeQuery("""
                with changed as (
                    update known_child k set open_case_id = ?2, open_case_worker = case
                        when k.open_case_id = ?2 then coalesce(cast(?3 as varchar), k.open_case_worker)
                        else cast(?3 as varchar) end
                    from referral_child c where c.id = ?1 and k.id = c.known_child_id
                    returning c.referral_id)
                select referral_id from changed""")
                .setParameter(1, childId)
                .setParameter(2, caseId)
                .setParameter(3, worker));
    }

    private static Object single(UUID childId, jakarta.persistence.Query query) {
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("unknown child " + childId);
        }
        return rows.get(0);
    }

    private void refreshStatus(UUID referralId) {
        em.createNativeQuery(Referral.REFRESH_STATUS_SQL).setParameter(1, referralId).executeUpdate();
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
