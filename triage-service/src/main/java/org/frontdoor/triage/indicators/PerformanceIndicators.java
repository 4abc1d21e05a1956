package org.frontdoor.triage.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.staff.StaffService;

/**
 * The partnership's indicators, by month and year to date (the year from 1 April), each against its configured
 * target with a RAG: contacts and referrals by source, early help stepping up, decisions within a working day,
 * referrers told the outcome in time, re-referrals, open early help plans, assessments within 45 working days,
 * ICPCs within 15, caseload per worker, partner responses within time (by agency type). Counts only: no child's record is read, so nothing here is audited.
 */
@ApplicationScoped
public class PerformanceIndicators {

    @Inject
    IndicatorQueries queries;

    @Inject
    MetricsService metrics;

    @Inject
    StaffService staff;

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** A period's figure: a share is {@code count} of {@code of} as a percentage; a count or number is the value. */
    public record Value(Double value, long count, long of, Rag rag, Map<String, Long> bySource,
            Map<String, IndicatorQueries.InTime> byAgency) {
    }

    public record Figure(PerformanceIndicator indicator, Double target, double tolerance, Value month,
            Value yearToDate) {
    }

    /** The figures of {@code month} (up to now if it is this month) and of its year to date. */
    public record Report(YearMonth month, LocalDate monthFrom, LocalDate monthTo, LocalDate yearFrom,
            List<Figure> figures) {
    }

    @Transactional
    public Report report(YearMonth month) {
        Instant now = Instant.now(clock);
        LocalDate monthFrom = month.atDay(1);
        LocalDate yearFrom = LocalDate.of(month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1, 4, 1);
        Instant monthStart = start(monthFrom);
        Instant end = start(month.plusMonths(1).atDay(1));
        end = end.isAfter(now) ? now : end;
        Instant yearStart = start(yearFrom);
        Period m = period(monthStart, end);
        Period y = period(yearStart, end);
        List<Figure> figures = new ArrayList<>();
        for (PerformanceIndicator indicator : PerformanceIndicator.values()) {
            TriageConfig.Target t = config.indicators().get(indicator.code());
            Double target = t == null ? null : t.target().orElse(null);
            double tolerance = t == null ? 0 : t.tolerance();
            figures.add(new Figure(indicator, target, tolerance, m.value(indicator, target, tolerance),
                    y.value(indicator, target, tolerance)));
        }
        return new Report(month, monthFrom, LocalDate.ofInstant(end.minusNanos(1), WorkingCalendar.ENGLAND),
                yearFrom, figures);
    }

    /** The figures of one period. */
    private final class Period {
        final MetricsService.Indicators basic;
        final long decided;
        final long decidedInOneDay;
        final long outcomesDue;
        final long outcomesOnTime;
        final long authorised;
        final long authorisedInTime;
        final long icpcs;
        final long icpcsInTime;
        final Map<String, IndicatorQueries.InTime> partnerResponses;

        Period(MetricsService.Indicators basic, long decided, long decidedInOneDay, long outcomesDue,
                long outcomesOnTime, long authorised, long authorisedInTime, long icpcs, long icpcsInTime,
                Map<String, IndicatorQueries.InTime> partnerResponses) {
            this.basic = basic;
            this.decided = decided;
            this.decidedInOneDay = decidedInOneDay;
            this.outcomesDue = outcomesDue;
            this.outcomesOnTime = outcomesOnTime;
            this.authorised = authorised;
            this.authorisedInTime = authorisedInTime;
            this.icpcs = icpcs;
            this.icpcsInTime = icpcsInTime;
            this.partnerResponses = partnerResponses;
        }

        Value value(PerformanceIndicator indicator, Double target, double tolerance) {
            boolean higher = indicator.direction() == PerformanceIndicator.Direction.HIGHER_IS_BETTER;
            return switch (indicator) {
                case CONTACTS -> count(sum(basic.contactsBySource()), basic.contactsBySource(), target, tolerance);
                case REFERRALS -> count(sum(basic.referralsBySource()), basic.referralsBySource(), target, tolerance);
                case EARLY_HELP_STEP_UP -> share(basic.earlyHelpSteppedUp(), basic.earlyHelpOpened(), target,
                        tolerance, higher);
                case DECIDED_WITHIN_ONE_WORKING_DAY -> share(decidedInOneDay, decided, target, tolerance, higher);
                case OUTCOME_TOLD_ON_TIME -> share(outcomesOnTime, outcomesDue, target, tolerance, higher);
                case RE_REFERRALS -> share(basic.reReferrals(), basic.referrals(), target, tolerance, higher);
                case OPEN_EARLY_HELP_PLANS -> count(CareCase.count("status = ?1 and pathway = ?2",
                        CareCase.Status.OPEN, Pathway.EARLY_HELP), null, target, tolerance);
                case ASSESSMENTS_WITHIN_45_DAYS -> share(authorisedInTime, authorised, target, tolerance, higher);
                case ICPCS_WITHIN_15_DAYS -> share(icpcsInTime, icpcs, target, tolerance, higher);
                case CASELOAD_PER_WORKER -> caseload(target, tolerance);
                case PARTNER_RESPONSES_IN_TIME -> byAgency(partnerResponses, target, tolerance);
            };
        }
    }

    private Period period(Instant from, Instant to) {
        MetricsService.Indicators basic = metrics.figures(from, to);
        // decided within one working day of the contact, counting when the decision took effect
        List<IndicatorQueries.Decision> decisions = queries.decisions(from, to);
        long inOneDay = decisions.stream()
                .filter(d -> !d.effectiveAt().isAfter(calendar.plusWorkingDays(d.receivedAt(), 1))).count();
        IndicatorQueries.InTime told = queries.outcomesTold(from, to);
        LocalDate fromDay = LocalDate.ofInstant(from, WorkingCalendar.ENGLAND);
        LocalDate toDay = LocalDate.ofInstant(to, WorkingCalendar.ENGLAND);
        IndicatorQueries.InTime assessed = queries.assessmentsAuthorised(fromDay, toDay);
        IndicatorQueries.InTime conferences = queries.conferencesHeld(fromDay, toDay);
        return new Period(basic, decisions.size(), inOneDay, told.all(), told.inTime(), assessed.all(),
                assessed.inTime(), conferences.all(), conferences.inTime(), queries.partnerResponses(from, to));
    }

    private Value caseload(Double target, double tolerance) {
        List<StaffService.Member> workers = staff.list(true).stream().filter(m -> m.staff().active).toList();
        long cases = workers.stream().mapToLong(m -> m.openCases().size()).sum();
        Double average = workers.isEmpty() ? null : Math.round(cases * 10.0 / workers.size()) / 10.0;
        return new Value(average, cases, workers.size(), Rag.of(average, target, tolerance, false), null, null);
    }

    private static Value share(long count, long of, Double target, double tolerance, boolean higherIsBetter) {
        Double percent = of == 0 ? null : Math.round(count * 1000.0 / of) / 10.0;
        return new Value(percent, count, of, Rag.of(percent, target, tolerance, higherIsBetter), null, null);
    }

    /** A share over every agency type, with each type's own counts. */
    private static Value byAgency(Map<String, IndicatorQueries.InTime> byAgency, Double target, double tolerance) {
        long all = byAgency.values().stream().mapToLong(IndicatorQueries.InTime::all).sum();
        long inTime = byAgency.values().stream().mapToLong(IndicatorQueries.InTime::inTime).sum();
        Value overall = share(inTime, all, target, tolerance, true);
        return new Value(overall.value(), inTime, all, overall.rag(), null, byAgency);
    }

    private static Value count(long count, Map<String, Long> bySource, Double target, double tolerance) {
        return new Value((double) count, count, 0, Rag.of((double) count, target, tolerance, false), bySource,
                null);
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(WorkingCalendar.ENGLAND).toInstant();
    }
}
