package org.frontdoor.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.support.sql.SqlRow;

/**
 * The set-based statements of planning ({@link NotificationPlanner}): each an insert "on conflict do nothing" on its
 * natural key, so a redelivered or republished event adds nothing; and the per-referral lock.
 */
@ApplicationScoped
public class PlanningQueries {

    @Inject
    EntityManager em;

    /**
     * One referral's events, arriving on two topics (its record on referral-notices, decisions and case changes on
     * triage-events) and so on two consumers at once, take turns until the transaction ends: a decision never
     * misses the record stored beside it, and the record never misses a decision parked a moment before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockReferral(UUID referralId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 21))) l")
                .setParameter(1, "referral:" + referralId).getSingleResult();
    }

    /** A child of a referral, at its position (from 0), with what names them in a message. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertChild(NamedChild child) {
        em.createNativeQuery("insert into referral_record_child (child_id, referral_id, position, initials, born_in,"
                + " due_in) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, child.childId()).setParameter(2, child.referralId())
                .setParameter(3, child.position())
                .setParameter(4, child.initials())
                .setParameter(5, child.bornIn() == null ? null : child.bornIn().toString())
                .setParameter(6, child.dueIn() == null ? null : child.dueIn().toString())
                .executeUpdate();
    }

    /** A child as messages name them; empty when no contact named this child. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<NamedChild> namedChild(UUID childId) {
        return SqlRow.list(em, "select referral_id, position, initials, born_in, due_in from referral_record_child"
                + " where child_id = ?1", childId).stream().findFirst()
                .map(row -> new NamedChild(childId, row.uuid("referral_id"), (int) row.count("position"),
                        row.string("initials"), NamedChild.month(row.string("born_in")),
                        NamedChild.month(row.string("due_in"))));
    }

    /** Keeps a child's first decision (its JSON payload); false when the child was decided before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeDecision(UUID childId, UUID referralId, Object payload, UUID eventId, Instant receivedAt) {
        return em.createNativeQuery("insert into child_decision (child_id, referral_id, payload, event_id,"
                + " received_at) values (?1, ?2, cast(?3 as jsonb), ?4, ?5) on conflict do nothing")
                .setParameter(1, childId).setParameter(2, referralId)
                .setParameter(3, write(payload)).setParameter(4, eventId)
                .setParameter(5, receivedAt)
                .executeUpdate() == 1;
    }

    /** The JSON of the child's stored decision, if one arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> storedDecision(UUID childId) {
        return em.createNativeQuery("select cast(payload as text) from child_decision where child_id = ?1")
                .setParameter(1, childId)
                .getResultStream().findFirst().map(String.class::cast);
    }

    /** Inserts the row unless its key exists, ready at {@code now} when PENDING; true when it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(PlannedMessage m, NotificationStatus status, String withheldReason, Instant now) {
        boolean ready = status == NotificationStatus.PENDING;
        MessageComposer.Composed message = m.message();
        return em.createNativeQuery("insert into notification (id, referral_id, child_id, kind, occurrence,"
                + " recipient_key, recipient_org, recipient_email, status, due_by, latest_by, created_at, ready_at,"
                + " next_attempt_at, webhook_type, subject, text_body, data, source_event_id, withheld_reason)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                + " cast(?18 as jsonb), ?19, ?20) on conflict on constraint notification_once do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, m.referralId())
                .setParameter(3, m.childId())
                .setParameter(4, m.kind().name())
                .setParameter(5, m.occurrence())
                .setParameter(6, m.to().key())
                .setParameter(7, m.to().org())
                .setParameter(8, m.to().email())
                .setParameter(9, status.name())
                .setParameter(10, m.dueBy())
                .setParameter(11, m.latestBy())
                .setParameter(12, now)
                .setParameter(13, ready ? now : null)
                .setParameter(14, ready ? now : null)
                .setParameter(15, m.kind().webhookType())
                .setParameter(16, message == null ? null : message.subject())
                .setParameter(17, message == null ? null : message.text())
                .setParameter(18, message == null ? null : write(message.data()))
                .setParameter(19, m.sourceEventId())
                .setParameter(20, withheldReason)
                .executeUpdate() == 1;
    }

    private static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
