package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.DAY;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frontdoor.triage.indicators.PerformanceIndicator;
import org.frontdoor.triage.indicators.PerformanceIndicators;

/** What the indicators page shows: each indicator's month and year to date against its target, with a bar. */
@ApplicationScoped
public class IndicatorViews {

    public record Indicator(String code, String title, String month, String yearToDate, String target, String rag,
            String ragTag, int bar, int targetMark) {
    }

    public record Indicators(String month, String from, String to, List<Indicator> rows) {
    }

    public Indicators indicators(PerformanceIndicators.Report report) {
        List<Indicator> rows = new ArrayList<>();
        for (PerformanceIndicators.Figure f : report.figures()) {
            rows.add(indicator(f));
        }
        return new Indicators(report.month().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)),
                DAY.format(report.monthFrom()), DAY.format(report.monthTo()), rows);
    }

    private static Indicator indicator(PerformanceIndicators.Figure f) {
        PerformanceIndicator i = f.indicator();
        boolean percent = i.unit() == PerformanceIndicator.Unit.PERCENT;
        Double value = f.month().value();
        double scale = percent ? 100 : Math.max(1, Math.max(value == null ? 0 : value, f.target() == null ? 0
                : f.target()) * 1.25);
        return new Indicator(i.code(), i.title(), format(value, f.month(), percent),
                format(f.yearToDate().value(), f.yearToDate(), percent),
                f.target() == null ? "none" : (percent ? trim(f.target()) + "%" : trim(f.target())),
                f.month().rag() == null ? "no target" : f.month().rag().name().toLowerCase(Locale.UK),
                ConsoleWords.ragTag(f.month().rag()),
                value == null ? 0 : (int) Math.round(Math.min(1, value / scale) * 200),
                f.target() == null ? -1 : (int) Math.round(Math.min(1, f.target() / scale) * 200));
    }

    private static String format(Double value, PerformanceIndicators.Value v, boolean percent) {
        if (value == null) {
            return "none yet";
        }
        return percent ? trim(value) + "% (" + v.count() + " of " + v.of() + ")" : trim(value);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
