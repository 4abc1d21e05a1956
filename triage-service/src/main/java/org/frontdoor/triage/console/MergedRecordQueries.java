package org.frontdoor.triage.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.sql.SqlRow;

/** What the child's page reads of the merges: the records joined under a child now, and who may separate them. */
@ApplicationScoped
public class MergedRecordQueries {

    /** A merge in force under the child: {@code duplicate} joined to {@code survivor}, by whom, when and why. */
    public record ActiveMerge(UUID survivor, UUID duplicate, String reason, String mergedBy, Instant mergedAt) {
    }

    @Inject
    EntityManager em;

    /** The merges in force whose records count under {@code root} now, oldest first. */
    List<ActiveMerge> under(UUID root) {
        return SqlRow.list(em, "select m.survivor, m.duplicate, m.reason, m.merged_by, m.merged_at from child_merge m"
                + " where m.unmerged_at is null and child_root(m.survivor) = ?1 order by m.merged_at", root).stream()
                .map(r -> new ActiveMerge(r.uuid("survivor"), r.uuid("duplicate"), r.string("reason"),
                        r.string("merged_by"), r.instant("merged_at")))
                .toList();
    }

    /** Whether {@code staffId} screens a contact counted under {@code root}: assigned to them, not yet decided. */
    boolean screens(String staffId, UUID root) {
        return SqlRow.single(em, "select count(*) as n from triage_item where assigned_to = ?1 and child_key = ?2"
                + " and status in ('NEW', 'IN_PROGRESS')", staffId, root).count("n") > 0;
    }
}
