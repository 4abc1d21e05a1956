package org.frontdoor.triage.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.triage.rest.TriageMetrics;

/** The partnership's indicators (domain.md "Indicators the partnership watches"), over a period. */
@ApplicationScoped
public class MetricsService {

    @Inject
    EntityManager em;

    @Inject
    CaseService cases;

    @Inject
    AuditLog audit;

    @Transactional
    public TriageMetrics metrics(Instant from, Instant to) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        em.createQuery("select r.sourceCode, count(r) from TriageReferral r where r.receivedAt >= :from and"
                + " r.receivedAt < :to group by r.sourceCode order by r.sourceCode", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(row -> bySource.put((String) row[0], (Long) row[1]));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        em.createQuery("select i.outcome, count(i) from TriageItem i where i.decidedAt >= :from and i.decidedAt < :to"
                + " group by i.outcome order by i.outcome", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(row -> outcomes.put(row[0].toString(), (Long) row[1]));
        long decided = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long onTime = count("select count(i) from TriageItem i where i.decidedAt >= :from and i.decidedAt < :to"
                + " and i.metDeadline = true", from, to);
        long earlyHelp = count("select count(c) from CareCase c where c.openedAt >= :from and c.openedAt < :to"
                + " and c.openedPathway = org.frontdoor.triage.domain.Pathway.EARLY_HELP", from, to);
        long steppedUp = count("select count(c) from CareCase c where c.openedAt >= :from and c.openedAt < :to"
                + " and c.openedPathway = org.frontdoor.triage.domain.Pathway.EARLY_HELP and exists (select 1 from"
                + " CaseStep s where s.caseId = c.id and s.toPathway = org.frontdoor.triage.domain.Pathway.SOCIAL_CARE)",
                from, to);
        long children = count("select count(i) from TriageItem i where i.receivedAt >= :from and i.receivedAt < :to",
                from, to);
        long reReferred = count("select count(i) from TriageItem i where i.receivedAt >= :from and i.receivedAt < :to"
                + " and i.reReferral = true", from, to);
        List<TriageMetrics.Caseload> caseloads = cases.workers().stream()
                .map(w -> new TriageMetrics.Caseload(w.id(), w.pathway(), w.openCaseCount(), w.caseloadBand()))
                .toList();
        audit.record("triage.metrics", null, from + " to " + to);
        return new TriageMetrics(from, to, bySource, outcomes, TriageMetrics.Share.of(onTime, decided),
                TriageMetrics.Share.of(steppedUp, earlyHelp), TriageMetrics.Share.of(reReferred, children), caseloads);
    }

    private long count(String jpql, Instant from, Instant to) {
        return em.createQuery(jpql, Long.class).setParameter("from", from).setParameter("to", to).getSingleResult();
    }
}
