package org.frontdoor.triage.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageStatus;
import org.frontdoor.triage.staff.StaffService;

/**
 * The partnership's indicators (domain.md "Indicators the partnership watches"), over a period.
 * Contacts and referrals are counted apart: a contact is every child of every submission; a referral
 * is a contact whose decision was statutory (s17 or s47), dated by the contact's date.
 */
@ApplicationScoped
public class MetricsService {

    @Inject
    IndicatorQueries queries;

    @Inject
    StaffService staff;

    @Inject
    AuditLog audit;

    /** The figures; the caller turns counts into shares. */
    public record Indicators(Instant from, Instant to, Map<String, Long> contactsBySource,
            Map<String, Long> referralsBySource, Map<String, Long> outcomes, long decided, long decidedOnTime,
            long earlyHelpOpened, long earlyHelpSteppedUp, long referrals, long reReferrals, long awaitingApproval,
            long awaitingAllocation, List<StaffService.Member> caseloads) {
    }

    @Transactional
    public Indicators indicators(Instant from, Instant to) {
        Indicators figures = figures(from, to);
        audit.record("triage.metrics", null, from + " to " + to);
        return figures;
    }

    /** Contacts still to decide, by priority: how many are past their deadline, and how many reach it before {@code soon}. */
    public record Breaches(Map<Priority, Long> overdue, Map<Priority, Long> dueSoon) {
    }

    /** Unaudited: counts for ops' alerts, no one's record. */
    @Transactional
    public Breaches breaches(Instant now, Instant soon) {
        Map<Priority, Long> overdue = new EnumMap<>(Priority.class);
        Map<Priority, Long> dueSoon = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            overdue.put(p, 0L);
            dueSoon.put(p, 0L);
        }
        for (IndicatorQueries.Breaching b : queries.breaching(now, soon)) {
            overdue.put(b.priority(), b.overdue());
            dueSoon.put(b.priority(), b.dueSoon());
        }
        return new Breaches(overdue, dueSoon);
    }

    /** The figures, unaudited: for the partnership's indicators, which carry no one's record. */
    @Transactional
    Indicators figures(Instant from, Instant to) {
        Map<String, Long> referrals = queries.referralsBySource(from, to);
        Map<String, Long> outcomes = queries.outcomes(from, to);
        long awaitingApproval = TriageItem.count("status", TriageStatus.AWAITING_APPROVAL);
        long awaitingAllocation = CareCase.count("status = ?1 and leadWorker is null", CareCase.Status.OPEN);
        return new Indicators(from, to, queries.contactsBySource(from, to), referrals, outcomes, sum(outcomes),
                queries.decidedOnTime(from, to), queries.earlyHelpOpened(from, to),
                queries.earlyHelpSteppedUp(from, to), sum(referrals), queries.reReferrals(from, to), awaitingApproval,
                awaitingAllocation, staff.list(true));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
