package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.triage.cases.CaseQueries;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

/**
 * Joins two records of one child, separates them again, and records "not the same child". A merge re-sets, in one
 * transaction and set-based, every contact's child key, every case's child and the census record of both records'
 * trees; an unmerge puts each back. {@code child.merged} / {@code child.unmerged} tell the referral service.
 */
@ApplicationScoped
public class ChildMerges {

    /** A merge as recorded: who joined which records, why, and whether it was undone. */
    public record MergeRecord(UUID mergeId, UUID childKey, UUID duplicate, String reason, String mergedBy,
            java.time.Instant mergedAt, String unmergedBy, java.time.Instant unmergedAt, String unmergeReason) {
    }

    @Inject
    ChildMergeQueries queries;

    @Inject
    CaseQueries cases;

    @Inject
    Actors actors;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Merges {@code duplicate} into {@code childKey}, as the signed-in member of staff. */
    @Transactional
    public MergeRecord merge(UUID childKey, UUID duplicate, String reason) {
        ChildMerge.requireAsked(childKey, duplicate, reason);
        requireExists(childKey);
        requireExists(duplicate);
        UUID survivorRoot = queries.rootOf(childKey);
        UUID duplicateRoot = queries.rootOf(duplicate);
        Actor actor = authorised("merge", "merge them", List.of(survivorRoot, duplicateRoot));
        lock(survivorRoot, duplicateRoot);
        ChildMerge.Facts facts = new ChildMerge.Facts(ChildMerge.activeOf(duplicate).map(m -> m.survivor).orElse(null),
                survivorRoot, queries.treeOf(duplicate).contains(childKey), !survivorRoot.equals(duplicateRoot)
                        && queries.hasOpenCase(survivorRoot) && queries.hasOpenCase(duplicateRoot));
        Instant now = Instants.now(clock);
        ChildMerge merge = ChildMerge.record(childKey, duplicate, reason, facts, actor, now);
        merge.persist();
        ChildMerge.flush();
        int moved = queries.reroot(List.of(survivorRoot, duplicate));
        queries.characteristicsMergedInto(duplicate, childKey);
        announce(EventType.CHILD_MERGED, merge, now);
        audit.record("child.merged", null, "record " + duplicate + " into record " + childKey + ", merge "
                + merge.id + ", " + moved + " contact(s) now counted under record " + survivorRoot);
        return merge.toRecord();
    }

    /** Undoes the merge of {@code duplicate} into {@code childKey}. */
    @Transactional
    public MergeRecord unmerge(UUID childKey, UUID duplicate, String reason) {
        if (duplicate == null) {
            throw DomainException.invalid("duplicate", "name the record to separate from this one");
        }
        ChildMerge.requireReason(reason);
        ChildMerge merge = ChildMerge.activeOf(duplicate).filter(m -> m.survivor.equals(childKey))
                .orElseThrow(() -> DomainException.notFound("A merge of record " + duplicate + " into record "
                        + childKey));
        UUID root = queries.rootOf(childKey);
        Actor actor = authorised("unmerge", "separate them", List.of(root));
        lock(root, duplicate);
        Instant now = Instants.now(clock);
        merge.undo(reason, actor, now);
        ChildMerge.flush();
        int moved = queries.reroot(List.of(root));
        queries.characteristicsSeparatedFrom(duplicate, childKey);
        announce(EventType.CHILD_UNMERGED, merge, now);
        audit.record("child.unmerged", null, "record " + duplicate + " from record " + childKey + ", merge "
                + merge.id + ", " + moved + " contact(s) counted under their own records again");
        return merge.toRecord();
    }

    /** Records that {@code other} is not the same child as {@code childKey}: never offered as a match again. */
    public void notTheSame(UUID childKey, UUID other, String reason) {
        recordNotTheSame(childKey, other, reason);
    }

    /** As {@link #notTheSame}; false when it was recorded already (nothing changes). */
    @Transactional
    public boolean recordNotTheSame(UUID childKey, UUID other, String reason) {
        if (other == null || other.equals(childKey)) {
            throw DomainException.invalid("other", other == null ? "name the record that is not the same child"
                    : "a record is always the same child as itself: name another record");
        }
        ChildMerge.requireReason(reason);
        requireExists(childKey);
        requireExists(other);
        Actor actor = authorised("not-the-same", "record that they are not the same child",
                List.of(queries.rootOf(childKey), queries.rootOf(other)));
        boolean added = queries.recordNotTheSame(childKey, other, reason.strip(), actor.id(), Instants.now(clock));
        audit.record("child.not-the-same", null, "record " + childKey + " and record " + other
                + (added ? "" : " (recorded already)"));
        return added;
    }

    private void requireExists(UUID record) {
        if (!queries.exists(record)) {
            throw DomainException.notFound("Record " + record);
        }
    }

    /** A team manager, or the member of staff screening a contact counted under one of {@code roots}. */
    private Actor authorised(String action, String what, List<UUID> roots) {
        Actor actor = actors.current();
        if (actor.teamManager()) {
            return actor;
        }
        actor = actors.staff();
        if (!queries.screensContactOf(actor.id(), roots)) {
            audit.recordRefused("child." + action + "-refused", null, "records " + roots);
            throw new DomainException.NotPermitted("Only a team manager, or the worker screening a contact about"
                    + " one of these records, can " + what + ": ask a team manager");
        }
        return actor;
    }

    /** One at a time with case decisions about either child: keys locked in one order, so never a deadlock. */
    private void lock(UUID a, UUID b) {
        UUID first = a.compareTo(b) <= 0 ? a : b;
        cases.lockChild(first);
        if (!a.equals(b)) {
            cases.lockChild(first == a ? b : a);
        }
    }

    private void announce(EventType type, ChildMerge merge, Instant now) {
        outbox.append(EventEnvelope.about(type, new org.frontdoor.events.payload.ChildMerge(merge.survivor,
                merge.duplicate, merge.id, now)), merge.duplicate.toString());
    }
}
