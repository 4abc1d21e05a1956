package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.support.sql.SqlRow;

/**
 * The statements of child matching: the match keys a known child is recognised by ({@code child_identity}), the
 * known child's open case, the child's earlier contacts, and the copy of triage's merges of records (a forest on
 * {@code known_child}: {@code merged_into}, and {@code root_id} for every record of a tree but its root). Each a
 * set-based statement, read by column name; {@link ChildMatcher} and {@link KnownChildMerges} decide what they mean.
 */
@ApplicationScoped
public class KnownChildQueries {

    @Inject
    EntityManager em;

    /** A known child's root (itself unless merged into another record), and the tree's open case and lead worker. */
    public record OpenCase(UUID rootId, UUID caseId, String worker) {
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
     * Records new known children and claims their keys, all in one statement, each child's keys in the order given;
     * returns the keys each claimed. A key another contact holds is left to it (the insert waits for that contact's
     * transaction), and a key two of these children share goes to the first.
     */
    public Map<UUID, List<String>> recordNew(Map<UUID, List<String>> keysByChild, Instant at) {
        if (keysByChild.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<UUID, String>> keys = keysByChild.entrySet().stream()
                .flatMap(c -> c.getValue().stream().map(k -> Map.entry(c.getKey(), k))).toList();
        Map<UUID, List<String>> claimed = new LinkedHashMap<>();
        keysByChild.keySet().forEach(id -> claimed.put(id, new ArrayList<>()));
        SqlRow.list(em, """
                with children as (
                    insert into known_child (id, created_at) select id, ?2 from unnest(cast(?1 as uuid[])) as id)
                insert into child_identity (match_key, known_child_id)
                select k.match_key, k.known_child_id
                from unnest(cast(?3 as text[]), cast(?4 as uuid[])) with ordinality as k(match_key, known_child_id, n)
                order by n
                on conflict do nothing returning match_key, known_child_id""",
                keysByChild.keySet().stream().map(UUID::toString).toArray(String[]::new), Timestamp.from(at),
                keys.stream().map(Map.Entry::getValue).toArray(String[]::new),
                keys.stream().map(k -> k.getKey().toString()).toArray(String[]::new))
                .forEach(r -> claimed.get(r.uuid("known_child_id")).add(r.string("match_key")));
        return claimed;
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

    /**
     * The known child's root and the open case of the root's tree (the known child's own first), the root locked
     * until the transaction ends: contacts about any record of one child are matched one after the other.
     */
    public OpenCase openCaseLocked(UUID knownChildId) {
        Tuple row = (Tuple) em.createNativeQuery("""
                select root.id as root_id, oc.open_case_id, oc.open_case_worker
                from known_child me
                join known_child root on root.id = coalesce(me.root_id, me.id)
                left join lateral (
                    select t.open_case_id, t.open_case_worker from known_child t
                    where (t.id = root.id or t.root_id = root.id) and t.open_case_id is not null
                    order by t.id = me.id desc, t.id limit 1) oc on true
                where me.id = ?1
                for update of root""", Tuple.class)
                .setParameter(1, knownChildId)
                .getSingleResult();
        return new OpenCase(row.get("root_id", UUID.class), row.get("open_case_id", UUID.class),
                row.get("open_case_worker", String.class));
    }

    /** The root of a known child's tree (itself when merged into no other record); empty for an unknown id. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> rootOf(UUID knownChildId) {
        List<UUID> rows = em.createNativeQuery("select coalesce(root_id, id) from known_child where id = ?1")
                .setParameter(1, knownChildId)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Which of these ids are known children. */
    @SuppressWarnings("unchecked")
    public Set<UUID> known(Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of()
                : Set.copyOf(em.createNativeQuery("select id from known_child where id in (?1)")
                        .setParameter(1, ids)
                        .getResultList());
    }

    /**
     * The contacts received in [from, to] about any record of the tree whose root is {@code rootId}, other than
     * {@code referralId}.
     */
    @SuppressWarnings("unchecked")
    public List<EarlierContact> contacts(UUID rootId, UUID referralId, Instant from, Instant to) {
        List<Tuple> rows = em.createNativeQuery("select r.id as referral_id, r.received_at,"
                + " rc.same_day_first_referral_id, rc.became_referral"
                + " from referral_child rc join referral r on r.id = rc.referral_id"
                + " where rc.known_child_id in (select k.id from known_child k where k.id = ?1 or k.root_id = ?1)"
                + " and r.received_at >= ?2 and r.received_at <= ?3 and r.id <> ?4",
                Tuple.class)
                .setParameter(1, rootId)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .setParameter(4, referralId)
                .getResultList();
        return rows.stream().map(r -> new EarlierContact(r.get("referral_id", UUID.class),
                new SqlRow(r).instant("received_at"), r.get("same_day_first_referral_id", UUID.class),
                Boolean.TRUE.equals(r.get("became_referral")))).toList();
    }

    /**
     * Merges {@code duplicate} into {@code survivor} by triage's merge {@code mergeId}: false when the duplicate is no
     * known child, already merged, or was merged by this merge before (a repeat). A survivor the front door has not
     * recorded (a record of triage's own) is recorded, so that the tree has its root.
     */
    public boolean merge(UUID survivor, UUID duplicate, UUID mergeId, Instant at) {
        Number merged = (Number) em.createNativeQuery("""
                with merged as (
                    update known_child set merged_into = ?1, merge_id = ?3
                    where id = ?2 and merged_into is null and merge_id is distinct from ?3 and id <> ?1
                    returning id),
                survivor as (
                    insert into known_child (id, created_at) select ?1, ?4 from merged on conflict do nothing)
                select count(*) from merged""")
                .setParameter(1, survivor)
                .setParameter(2, duplicate)
                .setParameter(3, mergeId)
                .setParameter(4, Timestamp.from(at))
                .getSingleResult();
        return merged.intValue() > 0;
    }

    /** Undoes the merge {@code mergeId} of {@code duplicate} into {@code survivor}: false when it is not in force. */
    public boolean unmerge(UUID survivor, UUID duplicate, UUID mergeId) {
        return em.createNativeQuery("update known_child set merged_into = null"
                + " where id = ?2 and merged_into = ?1 and merge_id = ?3")
                .setParameter(1, survivor)
                .setParameter(2, duplicate)
                .setParameter(3, mergeId)
                .executeUpdate() > 0;
    }

    /**
     * Sets the root of {@code record} and of every record merged into it, directly or not, to the top of the records
     * it is merged into (itself when merged into none), in one statement; a root's is null. A chain is short: 50
     * bounds a loop that triage's checks never let happen.
     */
    public void reroot(UUID record) {
        em.createNativeQuery("""
                with recursive up (id, merged_into, depth) as (
                    select id, merged_into, 0 from known_child where id = ?1
                    union all
                    select k.id, k.merged_into, up.depth + 1 from known_child k join up on k.id = up.merged_into
                    where up.depth < 50),
                top as (select id from up order by depth desc limit 1),
                down (id, depth) as (
                    select cast(?1 as uuid), 0
                    union all
                    select k.id, down.depth + 1 from known_child k join down on k.merged_into = down.id
                    where down.depth < 50)
                update known_child k set root_id = nullif((select id from top), k.id)
                where k.id in (select id from down)""")
                .setParameter(1, record)
                .executeUpdate();
    }
}
