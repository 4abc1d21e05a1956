package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.statutory.TimescaleQueries.Running;

/**
 * What statutory work is due and overdue, on the working-day calendar: assessments of open referrals not yet
 * authorised (due a number of working days after the referral), and initial conferences not yet held nor ruled out.
 */
@ApplicationScoped
public class StatutoryTimescales {

    @Inject
    TimescaleQueries queries;

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Something statutory that is due: an assessment to authorise, or an initial conference to hold. */
    public record Due(Kind kind, UUID id, UUID triageItemId, UUID referralId, UUID childKey, UUID caseId,
            String leadWorker, LocalDate from, LocalDate dueOn, boolean overdue, int workingDaysLeft) {
    }

    public enum Kind {
        /** An s17 assessment not yet authorised: due a number of working days after the referral. */
        ASSESSMENT,
        /** An initial child protection conference not yet held: due after the strategy discussion. */
        ICPC
    }

    /** What is due now; {@code overdueOnly} keeps those past their date. Earliest due first. */
    @Transactional
    public List<Due> due(boolean overdueOnly) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ENGLAND);
        List<Due> due = new ArrayList<>();
        for (Running r : queries.assessments()) {
            LocalDate dueOn = r.dueOn() != null ? r.dueOn()
                    : calendar.plusWorkingDays(r.from(), config.returns().assessmentWorkingDays());
            add(due, Kind.ASSESSMENT, r, dueOn, today, overdueOnly);
        }
        for (Running r : queries.conferences()) {
            add(due, Kind.ICPC, r, r.dueOn(), today, overdueOnly);
        }
        due.sort(Comparator.comparing(Due::dueOn).thenComparing(d -> d.kind().name()));
        audit.record("timescales.list", null, due.size() + " due" + (overdueOnly ? " (overdue only)" : ""));
        return due;
    }

    private void add(List<Due> due, Kind kind, Running r, LocalDate dueOn, LocalDate today, boolean overdueOnly) {
        boolean overdue = dueOn.isBefore(today);
        if (overdueOnly && !overdue) {
            return;
        }
        int left = overdue ? -calendar.workingDaysBetween(dueOn, today) : calendar.workingDaysBetween(today, dueOn);
        due.add(new Due(kind, r.id(), r.triageItemId(), r.referralId(), r.childKey(), r.caseId(), r.leadWorker(),
                r.from(), dueOn, overdue, left));
    }
}
