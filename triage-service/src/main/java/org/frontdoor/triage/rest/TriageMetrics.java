package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TriageMetrics", description = "The indicators the partnership watches, for referrals received in [from, to)")
public record TriageMetrics(Instant from, Instant to,
        @Schema(description = "Referrals (contacts) received, by CIN referral source code", example = "{\"2A\": 12, \"6\": 7}")
        Map<String, Long> referralsBySource,
        @Schema(description = "Children whose decision was made in the period, by outcome",
                example = "{\"EARLY_HELP_TARGETED\": 5, \"NO_FURTHER_ACTION\": 3}")
        Map<String, Long> outcomes,
        Share decidedOnTime,
        @Schema(description = "Early help cases opened in the period that were later stepped up to social care")
        Share earlyHelpToSocialCare,
        @Schema(description = "Children referred in the period who had a referral in the previous 12 months")
        Share reReferrals,
        @Schema(description = "Open cases per worker, now") List<Caseload> caseloads) {

    @Schema(name = "Share")
    public record Share(@Schema(example = "9") long count, @Schema(example = "10") long of,
            @Schema(description = "count / of, 0-1; null when of is 0", example = "0.9") Double rate) {

        public static Share of(long count, long of) {
            return new Share(count, of, of == 0 ? null : Math.round(count * 10000.0 / of) / 10000.0);
        }
    }

    @Schema(name = "Caseload")
    public record Caseload(String worker, String pathway, long openCases,
            @Schema(description = "UNDER, WITHIN the 13-16 band, or OVER the maximum") String band) {
    }
}
