package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.triage.domain.TriageItem;

/** One row of the queue. */
@Schema(name = "TriageItemSummary")
public record TriageItemSummary(UUID id, UUID referralId, UUID childId,
        @Schema(example = "Amy Smith") String childName,
        @Schema(example = "NEW") String status,
        @Schema(example = "AMBER") String priority,
        Instant receivedAt, Instant deadline,
        @Schema(description = "Not decided and past its deadline") boolean overdue,
        @Schema(example = "3") int suggestedLevel, boolean immediateRisk,
        @Schema(example = "dev-triage-worker") String assignedTo,
        @Schema(description = "The child has an open case: this contact is for its allocated worker") boolean toAllocatedWorker,
        boolean reReferral,
        @Schema(description = "CIN referral source", example = "2A") String sourceCode) {

    public static TriageItemSummary of(TriageItem item, String childName, String sourceCode, Instant now) {
        return new TriageItemSummary(item.id, item.referralId, item.childId, childName, item.status.name(),
                item.priority.name(), item.receivedAt, item.deadline, item.isOverdue(now), item.suggestedLevel,
                item.immediateRisk, item.assignedTo, item.toAllocatedWorker, item.reReferral, sourceCode);
    }

    @Schema(name = "TriageItemPage")
    public record Page(int page, int size, long total, List<TriageItemSummary> items) {
    }
}
