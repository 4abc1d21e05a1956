package org.frontdoor.triage.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.strategy.AgencyAttendance;
import org.frontdoor.triage.strategy.StrategyDiscussion;

@Schema(name = "StrategyDiscussion", description = "A strategy discussion as recorded")
public record StrategyDiscussionView(UUID id, UUID triageItemId, UUID referralId, Instant heldAt,
        @Schema(description = "The day it was held, in England: the s47 enquiry's strategy discussion date")
        LocalDate heldOn,
        @Schema(type = SchemaType.ARRAY, implementation = StaffId.class, description = "Who took part: staff directory ids",
                maxItems = 30) List<String> staff,
        @Schema(maxItems = 30) List<Agency> agencies, boolean section47Enquiry, @Schema(maxLength = 2000) String immediateProtectiveAction,
        @Schema(maxLength = 50000) String minutes,
        @Schema(description = "Who recorded it (staff id)", example = "tw-tara-jones", maxLength = 200) String recordedBy,
        Instant recordedAt) {

    /** The OpenAPI shape of one staff id in {@link #staff}: a bounded string (a list's items cannot be annotated). */
    @Schema(name = "StaffId", type = SchemaType.STRING, description = "A staff directory id", example = "tw-tara-jones",
            maxLength = 200)
    interface StaffId {
    }

    @Schema(name = "StrategyDiscussionAgency", description = "A partner agency invited")
    public record Agency(@Schema(description = "Its id in the partner directory", maxLength = 100) String organisation,
            @Schema(description = "Its agency type in the directory when the discussion was recorded")
            AgencyType agencyType, boolean attended, @Schema(maxLength = 10000) String shared) {

        static Agency of(AgencyAttendance a) {
            return new Agency(a.organisationId, a.agencyType, a.attended, a.shared);
        }
    }

    @Schema(name = "StrategyDiscussionPage", description = "A page of an item's strategy discussions, the latest first;"
            + " total counts them all")
    public record Page(@Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<StrategyDiscussionView> items) {

        public static Page of(List<StrategyDiscussion> all, int page, int size) {
            return new Page(page, size, all.size(),
                    Paging.slice(all, page, size).stream().map(StrategyDiscussionView::from).toList());
        }
    }

    public static StrategyDiscussionView from(StrategyDiscussion d) {
        return new StrategyDiscussionView(d.id, d.triageItemId, d.referralId, d.heldAt, d.heldOn(), List.copyOf(d.staff),
                d.agencies.stream().map(Agency::of).toList(), d.section47Enquiry, d.immediateProtectiveAction,
                d.minutes, d.recordedBy, d.recordedAt);
    }
}
