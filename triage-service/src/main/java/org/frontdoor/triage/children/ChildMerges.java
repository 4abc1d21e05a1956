package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Joins two records of one child, separates them again, and records "not the same child". */
@ApplicationScoped
public class ChildMerges {

    /** A merge as recorded: who joined which records, why, and whether it was undone. */
    public record MergeRecord(UUID mergeId, UUID childKey, UUID duplicate, String reason, String mergedBy,
            java.time.Instant mergedAt, String unmergedBy, java.time.Instant unmergedAt, String unmergeReason) {
    }

    /** Merges {@code duplicate} into {@code childKey}, as the signed-in member of staff. */
    public MergeRecord merge(UUID childKey, UUID duplicate, String reason) {
        throw new UnsupportedOperationException("issue 26: merges (merge helper)");
    }

    /** Undoes the merge of {@code duplicate} into {@code childKey}. */
    public MergeRecord unmerge(UUID childKey, UUID duplicate, String reason) {
        throw new UnsupportedOperationException("issue 26: merges (merge helper)");
    }

    /** Records that {@code other} is not the same child as {@code childKey}: never offered as a match again. */
    public void notTheSame(UUID childKey, UUID other, String reason) {
        throw new UnsupportedOperationException("issue 26: merges (merge helper)");
    }
}
