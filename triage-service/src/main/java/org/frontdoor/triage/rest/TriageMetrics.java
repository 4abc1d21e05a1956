package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.indicators.MetricsService;
import org.frontdoor.triage.staff.Caseloads;

@Schema(name = "TriageMetrics", description = "The indicators the partnership watches, for contacts received in [from, to)")
public record TriageMetrics(Instant from, Instant to,
        @Schema(description = "Contacts received (one per child of each submission), by CIN referral source code",
                example = "{\"2A\": 30, \"6\": 21}")
        Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> contactsBySource,
        @Schema(description = "Referrals: contacts whose decision was statutory (s17 or s47), by CIN referral date"
                + " and source", example = "{\"2A\": 4, \"6\": 7}")
        Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> referralsBySource,
        @Schema(description = "Children whose decision was made in the period, by outcome",
                example = "{\"EARLY_HELP_TARGETED\": 5, \"NO_FURTHER_ACTION\": 3}")
        Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> outcomes,
        Share decidedOnTime,
        @Schema(description = "Early help cases opened in the period that were later stepped up to social care")
        Share earlyHelpToSocialCare,
        @Schema(description = "Referrals in the period that came within 12 months of an earlier referral")
        Share reReferrals,
        @Schema(description = "Decisions waiting for a team manager's approval, now", minimum = "0",
                maximum = Bounds.LONG_MAX) long awaitingApproval,
        @Schema(description = "Open cases waiting for a team manager's allocation, now", minimum = "0",
                maximum = Bounds.LONG_MAX) long awaitingAllocation,
        @Schema(description = "Open cases per worker, now (one per active worker: not paged)") List<Caseload> caseloads) {

    public static TriageMetrics of(MetricsService.Indicators i) {
        return new TriageMetrics(i.from(), i.to(), i.contactsBySource(), i.referralsBySource(), i.outcomes(),
                Share.of(i.decidedOnTime(), i.decided()), Share.of(i.earlyHelpSteppedUp(), i.earlyHelpOpened()),
                Share.of(i.reReferrals(), i.referrals()), i.awaitingApproval(), i.awaitingAllocation(),
                i.caseloads().stream().map(m -> new Caseload(m.staff().id, m.staff().pathway,
                        m.openCases().size(), m.caseloadBand())).toList());
    }

    @Schema(name = "Share")
    public record Share(@Schema(example = "9", minimum = "0", maximum = Bounds.LONG_MAX) long count,
            @Schema(example = "10", minimum = "0", maximum = Bounds.LONG_MAX) long of,
            @Schema(description = "count / of, 0-1; null when of is 0", example = "0.9") Double rate) {

        public static Share of(long count, long of) {
            return new Share(count, of, of == 0 ? null : Math.round(count * 10000.0 / of) / 10000.0);
        }
    }

    @Schema(name = "Caseload")
    public record Caseload(@Schema(description = "Staff id", maxLength = 100) String worker, Pathway pathway,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long openCases,
            @Schema(description = "UNDER, WITHIN the 13-16 band, or OVER their limit") Caseloads.Band band) {
    }
}
