package org.frontdoor.triage.indicators;

import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseStep;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.queue.TriageStatus;
import org.frontdoor.triage.staff.StaffService;

import org.frontdoor.events.codes.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontdoor.support.audit.AuditLog;

/**
 * The partnership's indicators (domain.md "Indicators the partnership watches"), over a period.
 * Contacts and referrals are counted apart: a contact is every child of every submission; a referral
 * is a contact whose decision was statutory (s17 or s47), dated by the contact's date.
 */
@ApplicationScoped
public class MetricsService {

    @Inject
    EntityManager em;

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
        Map<Priority, Long> overdue = new java.util.EnumMap<>(Priority.class);
        Map<Priority, Long> dueSoon = new java.util.EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            overdue.put(p, 0L);
            dueSoon.put(p, 0L);
        }
        em.createQuery("select i.priority, sum(case when i.deadline < :now then 1 else 0 end),"
                + " sum(case when i.deadline >= :now and i.deadline < :soon then 1 else 0 end) from TriageItem i"
                + " where i.status in (org.frontdoor.triage.queue.TriageStatus.NEW,"
                + " org.frontdoor.triage.queue.TriageStatus.IN_PROGRESS) group by i.priority", Object[].class)
                .setParameter("now", now).setParameter("soon", soon)
                .getResultList().forEach(row -> {
                    overdue.put((Priority) row[0], ((Number) row[1]).longValue());
                    dueSoon.put((Priority) row[0], ((Number) row[2]).longValue());
                });
        return new Breaches(overdue, dueSoon);
    }

    /** The figures, unaudited: for the partnership's indicators, which carry no one's record. */
    @Transactional
    Indicators figures(Instant from, Instant to) {
        Map<String, Long> contacts = bySource("select r.sourceCode, count(i) from TriageItem i, TriageReferral r"
                + " where r.referralId = i.referralId and i.receivedAt >= :from and i.receivedAt < :to"
                + " group by r.sourceCode order by r.sourceCode", from, to);
        // a referral is dated by its contact: counted by when the contact came in
        Map<String, Long> referrals = bySource("select r.sourceCode, count(i) from TriageItem i, TriageReferral r"
                + " where r.referralId = i.referralId and i.becameReferral = true and i.receivedAt >= :from"
                + " and i.receivedAt < :to group by r.sourceCode order by r.sourceCode", from, to);
        long referralCount = referrals.values().stream().mapToLong(Long::longValue).sum();
        long reReferrals = count("select count(i) from TriageItem i where i.becameReferral = true and"
                + " i.reReferral = true and i.receivedAt >= :from and i.receivedAt < :to", from, to);
        // a decision counts when it took effect: on approval where it needed one
        String effective = "coalesce(i.approvedAt, i.decidedAt)";
        Map<String, Long> outcomes = new LinkedHashMap<>();
        em.createQuery("select i.outcome, count(i) from TriageItem i where i.status ="
                + " org.frontdoor.triage.queue.TriageStatus.DECIDED and " + effective + " >= :from and " + effective
                + " < :to group by i.outcome order by i.outcome", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(row -> outcomes.put(row[0].toString(), (Long) row[1]));
        long decided = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long onTime = count("select count(i) from TriageItem i where i.status ="
                + " org.frontdoor.triage.queue.TriageStatus.DECIDED and " + effective + " >= :from and " + effective
                + " < :to and i.metDeadline = true", from, to);
        long earlyHelp = count("select count(c) from CareCase c where c.openedAt >= :from and c.openedAt < :to"
                + " and c.openedPathway = org.frontdoor.events.codes.Pathway.EARLY_HELP", from, to);
        long steppedUp = count("select count(c) from CareCase c where c.openedAt >= :from and c.openedAt < :to"
                + " and c.openedPathway = org.frontdoor.events.codes.Pathway.EARLY_HELP and exists (select 1 from"
                + " CaseStep s where s.caseId = c.id and s.toPathway = org.frontdoor.events.codes.Pathway.SOCIAL_CARE)",
                from, to);
        long awaitingApproval = TriageItem.count("status", TriageStatus.AWAITING_APPROVAL);
        long awaitingAllocation = CareCase.count("status = ?1 and leadWorker is null", CareCase.Status.OPEN);
        List<StaffService.Member> caseloads = staff.list(true);
        return new Indicators(from, to, contacts, referrals, outcomes, decided, onTime, earlyHelp, steppedUp,
                referralCount, reReferrals, awaitingApproval, awaitingAllocation, caseloads);
    }

    private Map<String, Long> bySource(String jpql, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        em.createQuery(jpql, Object[].class).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private long count(String jpql, Instant from, Instant to) {
        return em.createQuery(jpql, Long.class).setParameter("from", from).setParameter("to", to).getSingleResult();
    }
}
