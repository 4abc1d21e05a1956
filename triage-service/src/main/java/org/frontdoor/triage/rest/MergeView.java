package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.triage.children.ChildMerges;

@Schema(name = "ChildMerge", description = "Two records of one child joined: who joined them, why, and whether the"
        + " merge was undone (the record stays, marked undone)")
public record MergeView(@Schema(description = "The merge: the same on child.merged and child.unmerged") UUID mergeId,
        @Schema(description = "The surviving record") UUID childKey,
        @Schema(description = "The record merged into it") UUID duplicate,
        @Schema(maxLength = 2000) String reason,
        @Schema(description = "Staff id", maxLength = 200) String mergedBy, Instant mergedAt,
        @Schema(description = "Staff id; absent while the merge stands", maxLength = 200) String unmergedBy,
        @Schema(description = "Absent while the merge stands") Instant unmergedAt,
        @Schema(maxLength = 2000) String unmergeReason) {

    static MergeView of(ChildMerges.MergeRecord m) {
        return new MergeView(m.mergeId(), m.childKey(), m.duplicate(), m.reason(), m.mergedBy(), m.mergedAt(),
                m.unmergedBy(), m.unmergedAt(), m.unmergeReason());
    }
}
