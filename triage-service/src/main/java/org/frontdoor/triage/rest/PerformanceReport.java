package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.indicators.PerformanceIndicator;
import org.frontdoor.triage.indicators.PerformanceIndicators;
import org.frontdoor.triage.indicators.Rag;

@Schema(name = "PerformanceReport", description = "The partnership's indicators for a month and its year to date"
        + " (from 1 April), each against its target with a RAG")
public record PerformanceReport(@Schema(type = SchemaType.STRING, example = "2026-11") YearMonth month,
        LocalDate monthFrom, @Schema(description = "The month's last day counted: today, for this month")
        LocalDate monthTo, @Schema(description = "1 April of the year the month is in") LocalDate yearFrom,
        @Schema(description = "One each indicator", maxItems = 11) List<Indicator> indicators) {

    @Schema(name = "PerformanceIndicator")
    public record Indicator(PerformanceIndicator code, @Schema(maxLength = 200) String title,
            PerformanceIndicator.Unit unit,
            PerformanceIndicator.Direction direction,
            @Schema(description = "The configured target in the indicator's unit; none: reported without a RAG")
            Double target,
            @Schema(description = "How far short of the target is still amber") double tolerance,
            Figure month, Figure yearToDate) {
    }

    @Schema(name = "PerformanceFigure")
    public record Figure(
            @Schema(description = "A share in percent (one decimal), a count or a number; empty when nothing to"
                    + " count", example = "21.4") Double value,
            @Schema(description = "For a share: how many met it (for a caseload: the open cases)", minimum = "0",
                    maximum = Bounds.LONG_MAX) long count,
            @Schema(description = "For a share: out of how many (for a caseload: the workers)", minimum = "0",
                    maximum = Bounds.LONG_MAX) long of,
            Rag rag,
            @Schema(description = "Contacts and referrals: by CIN referral source code")
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> bySource,
            @Schema(description = "Partner responses within time: by the asked organisation's agency type (as the"
                    + " partner directory has it, e.g. POLICE, HEALTH)")
            Map<String, AgencyFigure> byAgency) {
    }

    @Schema(name = "PerformanceAgencyFigure", description = "One agency type's share")
    public record AgencyFigure(
            @Schema(description = "Answered, with no trace or declined by the deadline", minimum = "0",
                    maximum = Bounds.LONG_MAX) long count,
            @Schema(description = "Requests due", minimum = "0", maximum = Bounds.LONG_MAX) long of,
            @Schema(description = "The share in percent (one decimal)", example = "87.5") Double value) {
    }

    public static PerformanceReport of(PerformanceIndicators.Report r) {
        return new PerformanceReport(r.month(), r.monthFrom(), r.monthTo(), r.yearFrom(), r.figures().stream()
                .map(f -> new Indicator(f.indicator(), f.indicator().title(), f.indicator().unit(),
                        f.indicator().direction(), f.target(), f.tolerance(), figure(f.month()),
                        figure(f.yearToDate())))
                .toList());
    }

    private static Figure figure(PerformanceIndicators.Value v) {
        return new Figure(v.value(), v.count(), v.of(), v.rag(), v.bySource(), v.byAgency() == null ? null
                : v.byAgency().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> new AgencyFigure(e.getValue().inTime(), e.getValue().all(), e.getValue().all() == 0 ? null
                                : Math.round(e.getValue().inTime() * 1000.0 / e.getValue().all()) / 10.0),
                        (a, b) -> a, java.util.TreeMap::new)));
    }
}
