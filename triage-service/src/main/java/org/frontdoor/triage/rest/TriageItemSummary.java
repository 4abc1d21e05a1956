package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;

/** One row of the queue. */
@Schema(name = "TriageItemSummary")
public record TriageItemSummary(UUID id, UUID referralId,
        @Schema(description = "The contact's short human reference, what people quote; absent for a contact received"
                + " before references", example = "FD-2026-004213", maxLength = 30) String reference,
        UUID childId,
        @Schema(example = "Amy Smith", maxLength = 201) String childName,
        TriageStatus status,
        Priority priority,
        Instant receivedAt, Instant deadline,
        @Schema(description = "Not decided and past its deadline") boolean overdue,
        @Schema(example = "3", minimum = "1", maximum = "4") int suggestedLevel, boolean immediateRisk,
        @Schema(description = "Staff id of the worker who has it", example = "tw-tara-jones", maxLength = 200)
        String assignedTo,
        @Schema(description = "The child's open case, if any: its lead worker was told of this contact")
        UUID openCaseId,
        @Schema(description = "The open case's pathway") Pathway openCasePathway,
        @Schema(description = "The open case's lead worker", maxLength = 200) String openCaseWorker,
        boolean reReferral,
        @Schema(description = "CIN referral source", example = "2A", maxLength = 2) String sourceCode,
        @Schema(description = "The decision's outcome, once decided (or awaiting approval)") Outcome outcome,
        @Schema(description = "Who decided, for a decision awaiting approval", maxLength = 200) String decidedBy,
        Instant approvalRequestedAt) {

    public static TriageItemSummary of(TriageResults.Row row, Instant now) {
        var item = row.item();
        return new TriageItemSummary(item.id, item.referralId, row.reference(), item.childId, row.childName(), item.status,
                item.priority, item.receivedAt, item.deadline, item.isOverdue(now), item.suggestedLevel,
                item.immediateRisk, item.assignedTo, item.openCaseId, item.openCasePathway, item.openCaseWorker,
                item.reReferral, row.sourceCode(), item.outcome, item.decidedBy, item.approvalRequestedAt);
    }

    public static List<TriageItemSummary> of(List<TriageResults.Row> rows, Instant now) {
        return rows.stream().map(r -> of(r, now)).toList();
    }

    @Schema(name = "TriageItemPage")
    public record Page(@Schema(minimum = "0", maximum = "100000") int page,
            @Schema(minimum = "1", maximum = "100") int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = 100) List<TriageItemSummary> items) {

        /** A page of a work list read whole (its length follows the data). */
        public static Page of(List<TriageResults.Row> all, int page, int size, Instant now) {
            return new Page(page, size, all.size(), TriageItemSummary.of(Paging.slice(all, page, size), now));
        }

        public static Page of(TriageResults.Page page, Instant now) {
            return new Page(page.page(), page.size(), page.total(), TriageItemSummary.of(page.rows(), now));
        }
    }
}
