package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.codes.RetentionKind;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.outbox.Outbox;

/**
 * Deletes whole contacts whose retention period is over (the rules {@link ContactRetention} and
 * {@link ChildRecordRetention} choose them): the submission, its children and their timeline, and a known child
 * no remaining contact names (with the records merged into one child with it, once no contact names any of them). In the same transaction it publishes {@code referral.erased} for each, on
 * referral-events (triage) and on referral-notices (notification), so every service deletes its part; the audit
 * log keeps that it happened (ids only).
 */
@ApplicationScoped
public class RecordErasure {

    /** Contacts erased per transaction: short transactions; the job comes back for the rest. */
    static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(List<UUID> referralIds, RetentionKind retentionKind) {
        if (referralIds.isEmpty()) {
            return 0;
        }
        List<ChildRow> children = childrenOf(referralIds);
        Map<UUID, List<UUID>> childrenOf = new LinkedHashMap<>();
        referralIds.forEach(id -> childrenOf.put(id, new ArrayList<>()));
        children.forEach(row -> childrenOf.get(row.referralId()).add(row.childId()));
        Set<UUID> knownChildren = children.stream().map(ChildRow::knownChildId).collect(Collectors.toSet());

        for (String table : List.of("timeline_entry", "referral_child", "idempotency_record")) {
            em.createNativeQuery("delete from " + table + " where referral_id in (?1)").setParameter(1, referralIds)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from referral where id in (?1)").setParameter(1, referralIds).executeUpdate();
        if (!knownChildren.isEmpty()) {
            // a child the front door knows only through erased contacts is forgotten with them: its keys at once
            em.createNativeQuery("delete from child_identity where known_child_id in (?1) and not exists (select 1"
                    + " from referral_child rc where rc.known_child_id = child_identity.known_child_id)")
                    .setParameter(1, knownChildren).executeUpdate();
            forgetTreesNoContactNames(knownChildren);
        }
        Instant now = Instant.now(clock);
        childrenOf.forEach((referralId, childIds) -> {
            ReferralErased erased = new ReferralErased(referralId, childIds, retentionKind.code(), now);
            outbox.append(EventEnvelope.of(EventType.REFERRAL_ERASED, referralId, erased));
            // the same news for the notification service, which never reads referral-events: an event of its own
            outbox.append(Topics.REFERRAL_NOTICES, EventEnvelope.of(EventType.REFERRAL_ERASED, referralId, erased));
            audit.record("referral.erased", referralId, retentionKind.code() + ": " + childIds.size() + " child(ren)");
        });
        return referralIds.size();
    }

    /**
     * Forgets the known children of these (their records merged into one child by the MASH, with them) once no
     * contact names any record of their tree. Until then a record no contact names stays, an id without keys, so
     * that the records merged through it still count under their root.
     */
    private void forgetTreesNoContactNames(Set<UUID> knownChildren) {
        em.createNativeQuery("""
                with dead as (
                    select r.root from (select distinct coalesce(k.root_id, k.id) as root from known_child k
                                        where k.id in (?1)) r
                    where not exists (select 1 from known_child t join referral_child rc on rc.known_child_id = t.id
                                      where t.id = r.root or t.root_id = r.root)),
                members as (
                    select k.id from known_child k join dead on k.id = dead.root or k.root_id = dead.root),
                forgotten_keys as (
                    delete from child_identity ci using members m where ci.known_child_id = m.id)
                delete from known_child k using members m where k.id = m.id""")
                .setParameter(1, knownChildren).executeUpdate();
    }

    /** A child of an erased contact, and the known child it is. */
    record ChildRow(UUID referralId, UUID childId, UUID knownChildId) {
    }

    @SuppressWarnings("unchecked")
    private List<ChildRow> childrenOf(List<UUID> referralIds) {
        List<Tuple> rows = em.createNativeQuery("select referral_id, id, known_child_id from referral_child"
                + " where referral_id in (?1) order by position", Tuple.class)
                .setParameter(1, referralIds).getResultList();
        return rows.stream().map(r -> new ChildRow(r.get("referral_id", UUID.class), r.get("id", UUID.class),
                r.get("known_child_id", UUID.class))).toList();
    }

    /** The referrals a rule's query picks, locked, at most {@link #BATCH} of them. */
    @SuppressWarnings("unchecked")
    List<UUID> ids(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }
}
