package org.frontdoor.triage.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.statutory.StatutoryTimescales;

@Schema(name = "Due", description = "A statutory timescale running: an assessment to authorise or a conference to"
        + " hold")
public record DueView(StatutoryTimescales.Kind kind,
        @Schema(description = "The assessment or enquiry; empty for an assessment not yet started") UUID id,
        UUID triageItemId, UUID referralId, UUID childKey, UUID caseId,
        @Schema(description = "Staff id", maxLength = 100) String leadWorker,
        @Schema(description = "The referral (assessment) or strategy discussion (conference) date") LocalDate from,
        LocalDate dueOn, boolean overdue,
        @Schema(description = "Working days left; negative when overdue", minimum = "-2147483648",
                maximum = Bounds.INT_MAX) int workingDaysLeft) {

    @Schema(name = "DuePage", description = "A page of the timescales running; total counts them all")
    public record Page(@Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<DueView> items) {

        public static Page of(List<StatutoryTimescales.Due> all, int page, int size) {
            return new Page(page, size, all.size(), Paging.slice(all, page, size).stream().map(DueView::of).toList());
        }
    }

    public static DueView of(StatutoryTimescales.Due d) {
        return new DueView(d.kind(), d.id(), d.triageItemId(), d.referralId(), d.childKey(), d.caseId(),
                d.leadWorker(), d.from(), d.dueOn(), d.overdue(), d.workingDaysLeft());
    }
}
