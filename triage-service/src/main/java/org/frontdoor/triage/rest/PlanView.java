package org.frontdoor.triage.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.statutory.ChildInNeedPlan;
import org.frontdoor.triage.statutory.PlanService.ProtectionPlanDetails;
import org.frontdoor.triage.statutory.ProtectionPlanCategoryChange;
import org.frontdoor.triage.statutory.ProtectionPlanReview;

/** A referral's plans, as recorded: its child in need plans, and a child protection plan's reviews and categories. */
public final class PlanView {

    private PlanView() {
    }

    @Schema(name = "CinPlan", description = "A child in need plan of a referral (the census's CINPlanDates)")
    public record Cin(UUID id, UUID triageItemId,
            @Schema(description = "CINPlanStartDate", example = "2026-12-01") LocalDate startedOn,
            @Schema(description = "CINPlanEndDate; absent while the plan goes on") LocalDate endedOn,
            @Schema(description = "Who recorded it (staff id)", maxLength = 200) String recordedBy,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long version) {

        public static Cin of(ChildInNeedPlan p) {
            return new Cin(p.id, p.triageItemId, p.startedOn, p.endedOn, p.recordedBy, p.version);
        }
    }

    @Schema(name = "CinPlanPage", description = "A page of a referral's CIN plans, the earliest first; total counts"
            + " them all")
    public record CinPage(@Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<Cin> items) {

        public static CinPage of(List<ChildInNeedPlan> all, int page, int size) {
            return new CinPage(page, size, all.size(), Paging.slice(all, page, size).stream().map(Cin::of).toList());
        }
    }

    @Schema(name = "ProtectionPlanReview", description = "A review conference of the plan (CPPreviewDate)")
    public record Review(UUID id, LocalDate reviewedOn,
            @Schema(description = "Who recorded it (staff id)", maxLength = 200) String recordedBy) {

        static Review of(ProtectionPlanReview r) {
            return new Review(r.id, r.reviewedOn, r.recordedBy);
        }
    }

    @Schema(name = "ProtectionPlanCategoryChange", description = "The plan's category of abuse from a day on")
    public record CategoryChange(UUID id, LocalDate changedOn, CategoryOfAbuse category,
            @Schema(description = "Who recorded it (staff id)", maxLength = 200) String recordedBy) {

        static CategoryChange of(ProtectionPlanCategoryChange c) {
            return new CategoryChange(c.id, c.changedOn, CategoryOfAbuse.fromCode(c.category).orElse(null),
                    c.recordedBy);
        }
    }

    @Schema(name = "ProtectionPlan", description = "The child protection plan an s47 enquiry's initial conference"
            + " made (the census's ChildProtectionPlans): its dates, first and latest category, reviews and changes"
            + " of category")
    public record Protection(UUID section47EnquiryId, UUID triageItemId, LocalDate startedOn, LocalDate endedOn,
            @Schema(description = "InitialCategoryOfAbuse") CategoryOfAbuse initialCategory,
            @Schema(description = "LatestCategoryOfAbuse: the latest change's, else the first")
            CategoryOfAbuse latestCategory,
            @Schema(maxItems = 1000) List<Review> reviews,
            @Schema(maxItems = 1000) List<CategoryChange> categoryChanges) {

        public static Protection of(ProtectionPlanDetails d) {
            return new Protection(d.enquiry().id, d.enquiry().triageItemId, d.enquiry().planStartedOn,
                    d.enquiry().planEndedOn, CategoryOfAbuse.fromCode(d.enquiry().planCategory).orElse(null),
                    CategoryOfAbuse.fromCode(d.latestCategory()).orElse(null),
                    d.reviews().stream().map(Review::of).toList(),
                    d.changes().stream().map(CategoryChange::of).toList());
        }
    }
}
