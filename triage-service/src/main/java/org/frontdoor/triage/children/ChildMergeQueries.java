package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.sql.SqlRow;

/**
 * The set-based reads and writes of merges: which records exist and make a tree, and the child keys, cases and
 * census records re-set when a merge is made or undone. A record's data counts under {@code child_root(record)}.
 */
@ApplicationScoped
public class ChildMergeQueries {

    /** A triage item's record: the referral service's known child, else the contact's child. */
    static final String RECORD = "coalesce(known_child_id, child_id)";

    @Inject
    EntityManager em;

    /** Whether triage has a contact of the record (as its record, or counted under it). */
    public boolean exists(UUID record) {
        return Boolean.TRUE.equals(SqlRow.single(em, """
                select exists(select 1 from triage_item where known_child_id = ?1 or child_key = ?1
                    or (known_child_id is null and child_id = ?1)) as found""", record).bool("found"));
    }

    /** The record {@code record}'s data counts under now. */
    public UUID rootOf(UUID record) {
        return SqlRow.single(em, "select child_root(?1) as root", record).uuid("root");
    }

    /** The record and the records merged into it, directly or through others, the record first. */
    public List<UUID> treeOf(UUID root) {
        return SqlRow.list(em, """
                with recursive down (key, depth) as (
                    select cast(?1 as uuid), 0
                    union all
                    select m.duplicate, down.depth + 1 from child_merge m join down on m.survivor = down.key
                    where m.unmerged_at is null and down.depth < 50)
                select key from down order by depth, key""", root).stream().map(r -> r.uuid("key")).toList();
    }

    /** Whether the tree counted under {@code root} holds an open case (by its record, or by a child it covers). */
    public boolean hasOpenCase(UUID root) {
        return Boolean.TRUE.equals(SqlRow.single(em, """
                select exists(select 1 from care_case c where c.status = 'OPEN' and c.known_child_id = ?1)
                    or exists(select 1 from triage_item i join case_child cc on cc.triage_item_id = i.id
                              join care_case c on c.id = cc.case_id where i.child_key = ?1 and c.status = 'OPEN')
                    as open""", root).bool("open"));
    }

    /** Whether {@code staffId} has an undecided contact counted under one of {@code roots}. */
    public boolean screensContactOf(String staffId, List<UUID> roots) {
        return Boolean.TRUE.equals(SqlRow.single(em, """
                select exists(select 1 from triage_item where child_key in (?1) and assigned_to = ?2
                    and status in ('NEW', 'IN_PROGRESS')) as screens""", roots, staffId)
                .bool("screens"));
    }

    /**
     * After the forest changed: the contacts and cases counted under {@code roots} (the trees' roots before the
     * change) counted under their records' roots now. Returns how many contacts moved.
     */
    public int reroot(List<UUID> roots) {
        int items = em.createNativeQuery("update triage_item set child_key = child_root(" + RECORD + ")"
                + " where child_key in (?1) and child_key is distinct from child_root(" + RECORD + ")")
                .setParameter(1, roots).executeUpdate();
        em.createNativeQuery("update care_case set known_child_id = child_root(recorded_known_child_id)"
                + " where known_child_id in (?1) and recorded_known_child_id is not null"
                + " and known_child_id is distinct from child_root(recorded_known_child_id)")
                .setParameter(1, roots).executeUpdate();
        return items;
    }

    /** The duplicate's census record counted under the survivor's: left out of the returns. */
    public void characteristicsMergedInto(UUID duplicate, UUID survivor) {
        em.createNativeQuery("update child_characteristics set merged_into = ?2 where child_key = ?1")
                .setParameter(1, duplicate).setParameter(2, survivor).executeUpdate();
    }

    /** The duplicate's census record its own again (undoing the merge into {@code survivor}). */
    public void characteristicsSeparatedFrom(UUID duplicate, UUID survivor) {
        em.createNativeQuery("update child_characteristics set merged_into = null where child_key = ?1"
                + " and merged_into = ?2").setParameter(1, duplicate).setParameter(2, survivor).executeUpdate();
    }

    /** "Not the same child", in both orders; false when it was recorded already. */
    public boolean recordNotTheSame(UUID childKey, UUID other, String reason, String by, java.time.Instant at) {
        int added = em.createNativeQuery("""
                insert into child_not_same (child_key, other_key, reason, recorded_by, recorded_at)
                values (?1, ?2, ?3, ?4, ?5), (?2, ?1, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, childKey).setParameter(2, other).setParameter(3, reason).setParameter(4, by)
                .setParameter(5, at).executeUpdate();
        return added > 0;
    }
}
