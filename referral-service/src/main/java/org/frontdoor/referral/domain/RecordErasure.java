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
 * no remaining contact names. In the same transaction it publishes {@code referral.erased} for each, on
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
            // a child the front door knows only through erased contacts is forgotten with them
            String orphans = " where known_child_id in (?1) and not exists (select 1 from referral_child rc"
                    + " where rc.known_child_id = %s)";
            em.createNativeQuery("delete from child_identity" + orphans.formatted("child_identity.known_child_id"))
                    .setParameter(1, knownChildren).executeUpdate();
            // kept while another record is merged into it: the tree's root (an id only), which that record counts under
            em.createNativeQuery("delete from known_child where id in (?1) and not exists (select 1 from"
                    + " referral_child rc where rc.known_child_id = known_child.id) and not exists (select 1 from"
                    + " known_child m where m.merged_into = known_child.id)")
                    .setParameter(1, knownChildren).executeUpdate();
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
