package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.staff.Caseloads;
import org.frontdoor.triage.staff.StaffAlert;
import org.frontdoor.triage.staff.StaffMember;
import org.frontdoor.triage.staff.StaffRole;
import org.frontdoor.triage.staff.StaffService;

@Schema(name = "StaffMember", description = "A member of staff, their open cases and caseload band")
public record StaffView(@Schema(example = "sw-ali-khan", maxLength = 100) String id,
        @Schema(description = "The identity provider's subject of their sign-in", maxLength = 200) String subject,
        @Schema(example = "Ali Khan", maxLength = 200) String name, @Schema(maxLength = 320) String email,
        @Schema(example = "Assessment team 1", maxLength = 200) String team,
        @Schema(description = "The pathway whose cases they lead; absent for staff who hold none") Pathway pathway,
        StaffRole role, boolean active,
        @Schema(description = "Their caseload limit (their own, or the configured maximum)", example = "16",
                minimum = "0", maximum = Bounds.INT_MAX)
        int caseloadLimit,
        @Schema(example = "14", minimum = "0", maximum = Bounds.LONG_MAX) long openCaseCount,
        @Schema(description = "UNDER the band, WITHIN the 13-16 band (allocation warns), OVER their limit",
                example = "WITHIN") Caseloads.Band caseloadBand,
        @Schema(description = "Their open cases (a caseload: 13-16 is the band, above a limit only by a manager's"
                + " override; not paged)")
        List<OpenCase> openCases,
        @Schema(description = "Version: send it back in If-Match to change the record", minimum = "0",
                maximum = Bounds.LONG_MAX) long version) {

    @Schema(name = "StaffPage", description = "A page of the staff directory; total counts them all")
    public record Page(@Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<StaffView> items) {

        public static Page of(List<StaffService.Member> all, int page, int size) {
            return new Page(page, size, all.size(), Paging.slice(all, page, size).stream().map(StaffView::of).toList());
        }
    }

    @Schema(name = "StaffOpenCase")
    public record OpenCase(UUID caseId, Pathway pathway, Instant openedAt) {
    }

    public static StaffView of(StaffService.Member m) {
        StaffMember s = m.staff();
        return new StaffView(s.id, s.subject, s.name, s.email, s.team, s.pathway, s.role, s.active, m.caseloadLimit(),
                m.openCases().size(), m.caseloadBand(),
                m.openCases().stream().map(c -> new OpenCase(c.id, c.pathway, c.openedAt)).toList(), s.version);
    }

    @Schema(name = "Deactivated", description = "A deactivated member of staff: their open cases need reallocating")
    public record Deactivated(StaffView staff,
            @Schema(description = "Undecided triage items that were theirs, now back in the queue (not paged)")
            List<UUID> itemsReturnedToQueue) {

        public static Deactivated of(StaffService.Deactivated d) {
            return new Deactivated(StaffView.of(d.member()), d.returnedToQueue().stream().map(i -> i.id).toList());
        }
    }

    @Schema(name = "StaffAlert", description = "Something a member of staff was told at once")
    public record Alert(@Schema(minimum = "1", maximum = Bounds.LONG_MAX) long id, Instant at, StaffAlert.Kind kind,
            UUID caseId, UUID triageItemId, UUID referralId, @Schema(maxLength = 500) String message, Instant readAt) {

        public static Alert of(StaffAlert a) {
            return new Alert(a.id, a.at, a.kind, a.caseId, a.triageItemId, a.referralId, a.message, a.readAt);
        }
    }
}
