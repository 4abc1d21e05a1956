package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.support.sql.SqlRow;

/**
 * The statements of child matching: the match keys a known child is recognised by ({@code child_identity}), the
 * known child's open case, and the child's earlier contacts. Each a set-based statement, read by column name;
 * {@link ChildMatcher} decides what they mean.
 */
@ApplicationScoped
public class KnownChildQueries {

    @Inject
    EntityManager em;

    /** A known child's open case and its lead worker, if any. */
    public record OpenCase(UUID caseId, String worker) {
    }

    /** An earlier contact about the child, with whether it became a referral. */
    public record EarlierContact(UUID referralId, Instant receivedAt, UUID sameDayFirstReferralId,
            boolean becameReferral) {
    }

    /** The known children these keys are recorded for. */
    @SuppressWarnings("unchecked")
    public Map<String, UUID> recorded(List<String> keys) {
        return keys.isEmpty() ? Map.of()
                : ((List<Tuple>) em.createNativeQuery(
                        "select match_key, known_child_id from child_identity where match_key in (?1)", Tuple.class)
                        .setParameter(1, keys)
                        .getResultList()).stream()
                        .collect(Collectors.toMap(r -> r.get("match_key", String.class),
                                r -> r.get("known_child_id", UUID.class)));
    }

    /**
     * Records a new known child and claims its keys, in one statement; returns the keys claimed. A key another
     * contact holds is left to it (the insert waits for that contact's transaction).
     */
    @SuppressWarnings("unchecked")
    public List<String> recordNew(UUID id, List<String> keys, Instant at) {
        return em.createNativeQuery("with child as (insert into known_child (id, created_at) values (?1, ?2)"
                + " returning id) insert into child_identity (match_key, known_child_id)"
                + " select k, child.id from child, unnest(cast(?3 as text[])) as k on conflict do nothing"
                + " returning match_key")
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(at))
                .setParameter(3, keys.toArray(String[]::new))
                .getResultList();
    }

    /** Records these keys for a known child in one statement; returns those recorded (another contact has the rest). */
    @SuppressWarnings("unchecked")
    public List<String> claim(List<String> keys, UUID knownChildId) {
        return keys.isEmpty() ? List.of()
                : em.createNativeQuery("insert into child_identity (match_key, known_child_id) select k, ?2"
                        + " from unnest(cast(?1 as text[])) as k on conflict do nothing returning match_key")
                        .setParameter(1, keys.toArray(String[]::new))
                        .setParameter(2, knownChildId)
                        .getResultList();
    }

    public UUID ownerOf(String key) {
        return (UUID) em.createNativeQuery("select known_child_id from child_identity where match_key = ?1")
                .setParameter(1, key)
                .getSingleResult();
    }

    public void repoint(List<String> keys, UUID knownChildId) {
        if (!keys.isEmpty()) {
            em.createNativeQuery("update child_identity set known_child_id = ?2 where match_key in (?1)")
                    .setParameter(1, keys)
                    .setParameter(2, knownChildId)
                    .executeUpdate();
        }
    }

    /** Forgets a known child nothing points at. */
    public void forget(UUID knownChildId) {
        em.createNativeQuery("delete from known_child where id = ?1").setParameter(1, knownChildId).executeUpdate();
    }

    /** The known child's open case, locked until the transaction ends. */
    public OpenCase openCaseLocked(UUID knownChildId) {
        Tuple row = (Tuple) em.createNativeQuery(
                "select open_case_id, open_case_worker from known_child where id = ?1 for update", Tuple.class)
                .setParameter(1, knownChildId)
                .getSingleResult();
        return new OpenCase(row.get("open_case_id", UUID.class), row.get("open_case_worker", String.class));
    }

    /** The child's contacts received in [from, to], other than {@code referralId}. */
    @SuppressWarnings("unchecked")
    public List<EarlierContact> contacts(UUID knownChildId, UUID referralId, Instant from, Instant to) {
        List<Tuple> rows = em.createNativeQuery("select r.id as referral_id, r.received_at,"
                + " rc.same_day_first_referral_id, rc.became_referral"
                + " from referral_child rc join referral r on r.id = rc.referral_id"
                + " where rc.known_child_id = ?1 and r.received_at >= ?2 and r.received_at <= ?3 and r.id <> ?4",
                Tuple.class)
                .setParameter(1, knownChildId)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .setParameter(4, referralId)
                .getResultList();
        return rows.stream().map(r -> new EarlierContact(r.get("referral_id", UUID.class),
                new SqlRow(r).instant("received_at"), r.get("same_day_first_referral_id", UUID.class),
                Boolean.TRUE.equals(r.get("became_referral")))).toList();
    }
}
