package org.frontdoor.triage.children;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.staff.Actor;

/**
 * Two records found to be one child: the duplicate's data counts under the survivor while the merge is active. The
 * row stays when the merge is undone, as the record of both decisions. Each move refuses what it may not do.
 */
@Entity
@Table(name = "child_merge")
public class ChildMerge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID survivor;

    @Column(nullable = false)
    public UUID duplicate;

    @Column(nullable = false)
    public String reason;

    @Column(name = "merged_by", nullable = false)
    public String mergedBy;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "unmerged_by")
    public String unmergedBy;

    @Column(name = "unmerged_at")
    public Instant unmergedAt;

    @Column(name = "unmerge_reason")
    public String unmergeReason;

    /**
     * What the database says of the two records at the time of a merge.
     *
     * @param duplicateMergedInto the record the duplicate is merged into now (null: none)
     * @param survivorRoot the record the survivor's data counts under now (itself when it was never merged)
     * @param survivorInDuplicateTree whether the survivor is the duplicate or one of its merged records
     * @param bothHaveOpenCases whether each of the two records' trees holds an open case
     */
    public record Facts(UUID duplicateMergedInto, UUID survivorRoot, boolean survivorInDuplicateTree,
            boolean bothHaveOpenCases) {
    }

    /** The reason and the duplicate a merge needs, checked before anything is read. */
    public static void requireAsked(UUID survivor, UUID duplicate, String reason) {
        if (duplicate == null) {
            throw DomainException.invalid("duplicate", "name the record to merge into this one");
        }
        if (duplicate.equals(survivor)) {
            throw DomainException.invalid("duplicate", "a record cannot be merged into itself: name another record");
        }
        requireReason(reason);
    }

    /** The merge of {@code duplicate} into {@code survivor}, when the facts allow it. */
    public static ChildMerge record(UUID survivor, UUID duplicate, String reason, Facts facts, Actor actor,
            Instant now) {
        requireAsked(survivor, duplicate, reason);
        if (facts.duplicateMergedInto() != null) {
            throw DomainException.conflict("Record " + duplicate + " is already merged into record "
                    + facts.duplicateMergedInto() + ": merge into that record, or undo that merge first");
        }
        if (facts.survivorInDuplicateTree()) {
            throw DomainException.conflict("Record " + survivor + " is one of record " + duplicate
                    + "'s merged records: a record cannot be merged into its own merged records");
        }
        if (!survivor.equals(facts.survivorRoot())) {
            throw DomainException.conflict("Record " + survivor + " is merged into record " + facts.survivorRoot()
                    + ": merge into record " + facts.survivorRoot() + ", which it counts under now");
        }
        if (facts.bothHaveOpenCases()) {
            throw DomainException.conflict("Both records have an open case: close or transfer one of the cases"
                    + " first, then merge the records");
        }
        ChildMerge m = new ChildMerge();
        m.id = UUID.randomUUID();
        m.survivor = survivor;
        m.duplicate = duplicate;
        m.reason = reason.strip();
        m.mergedBy = actor.id();
        m.mergedAt = now;
        return m;
    }

    /** The merge undone: the duplicate counts as its own record again. */
    public void undo(String reason, Actor actor, Instant now) {
        requireReason(reason);
        if (!isActive()) {
            throw DomainException.conflict("The merge of record " + duplicate + " into record " + survivor
                    + " was already undone by " + unmergedBy + " at " + unmergedAt);
        }
        unmergedBy = actor.id();
        unmergedAt = now;
        unmergeReason = reason.strip();
    }

    public boolean isActive() {
        return unmergedAt == null;
    }

    /** The active merge of {@code duplicate} into another record. */
    public static Optional<ChildMerge> activeOf(UUID duplicate) {
        return find("duplicate = ?1 and unmergedAt is null", duplicate).firstResultOptional();
    }

    public ChildMerges.MergeRecord toRecord() {
        return new ChildMerges.MergeRecord(id, survivor, duplicate, reason, mergedBy, mergedAt, unmergedBy,
                unmergedAt, unmergeReason);
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "say why: the reason is kept with the decision");
        }
        if (reason.length() > 2000) {
            throw DomainException.invalid("reason", "at most 2000 characters");
        }
    }
}
