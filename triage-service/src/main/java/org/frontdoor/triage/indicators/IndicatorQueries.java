package org.frontdoor.triage.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.sql.SqlRow;

/**
 * The counts behind the partnership's indicators, set-based, over a period [from, to): contacts and referrals by
 * source, outcomes, decisions in time, early help stepping up, and the statutory timescales met. Counts only: no
 * child's record is read.
 */
@ApplicationScoped
public class IndicatorQueries {

    /** A decision counts when it took effect: on approval where it needed one. */
    private static final String EFFECTIVE = "coalesce(i.approvedAt, i.decidedAt)";

    private static final String DECIDED = "i.status = org.frontdoor.triage.queue.TriageStatus.DECIDED and "
            + EFFECTIVE + " >= :from and " + EFFECTIVE + " < :to";

    @Inject
    EntityManager em;

    /** Contacts still to decide of a priority: past their deadline, and reaching it before the horizon. */
    public record Breaching(Priority priority, long overdue, long dueSoon) {
    }

    /** A decision: when its contact came in, and when it took effect. */
    public record Decision(Instant receivedAt, Instant effectiveAt) {
    }

    /** Of {@code all} with a timescale in the period, how many met it. */
    public record InTime(long all, long inTime) {
    }

    /** Undecided contacts by priority, against {@code now} and the horizon {@code soon}. */
    public List<Breaching> breaching(Instant now, Instant soon) {
        return em.createQuery("select i.priority as priority, sum(case when i.deadline < :now then 1 else 0 end)"
                + " as overdue, sum(case when i.deadline >= :now and i.deadline < :soon then 1 else 0 end) as dueSoon"
                + " from TriageItem i where i.status in (org.frontdoor.triage.queue.TriageStatus.NEW,"
                + " org.frontdoor.triage.queue.TriageStatus.IN_PROGRESS) group by i.priority", Tuple.class)
                .setParameter("now", now).setParameter("soon", soon).getResultList().stream()
                .map(t -> new Breaching(t.get("priority", Priority.class), number(t, "overdue"), number(t, "dueSoon")))
                .toList();
    }

    /** Contacts received in the period, by referral source code. */
    public Map<String, Long> contactsBySource(Instant from, Instant to) {
        return bySource("", from, to);
    }

    /** Referrals by source code, dated by their contact: counted by when the contact came in. */
    public Map<String, Long> referralsBySource(Instant from, Instant to) {
        return bySource(" and i.becameReferral = true", from, to);
    }

    public long reReferrals(Instant from, Instant to) {
        return count("select count(i) from TriageItem i where i.becameReferral = true and"
                + " i.reReferral = true and i.receivedAt >= :from and i.receivedAt < :to", from, to);
    }

    /** Decisions that took effect in the period, by outcome. */
    public Map<String, Long> outcomes(Instant from, Instant to) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        em.createQuery("select i.outcome as outcome, count(i) as n from TriageItem i where " + DECIDED
                + " group by i.outcome order by i.outcome", Tuple.class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(t -> outcomes.put(t.get("outcome").toString(), number(t, "n")));
        return outcomes;
    }

    /** Decisions that took effect in the period within their contact's deadline. */
    public long decidedOnTime(Instant from, Instant to) {
        return count("select count(i) from TriageItem i where " + DECIDED + " and i.metDeadline = true", from, to);
    }

    public long earlyHelpOpened(Instant from, Instant to) {
        return count("select count(c) from CareCase c where c.openedAt >= :from and c.openedAt < :to"
                + " and c.openedPathway = org.frontdoor.events.codes.Pathway.EARLY_HELP", from, to);
    }

    /** Early help cases opened in the period that have stepped up to social care since. */
    public long earlyHelpSteppedUp(Instant from, Instant to) {
        return count("select count(c) from CareCase c where c.openedAt >= :from and c.openedAt < :to"
                + " and c.openedPathway = org.frontdoor.events.codes.Pathway.EARLY_HELP and exists (select 1 from"
                + " CaseStep s where s.caseId = c.id and s.toPathway = org.frontdoor.events.codes.Pathway.SOCIAL_CARE)",
                from, to);
    }

    /** The decisions that took effect in the period: the working days between are counted by the caller. */
    public List<Decision> decisions(Instant from, Instant to) {
        return SqlRow.list(em, """
                select received_at, coalesce(approved_at, decided_at) as effective_at from triage_item
                where status = 'DECIDED' and coalesce(approved_at, decided_at) >= ?1
                  and coalesce(approved_at, decided_at) < ?2""", from, to).stream()
                .map(r -> new Decision(r.instant("received_at"), r.instant("effective_at"))).toList();
    }

    /** Outcomes due to be told to referrers in the period, and those delivered by their due time. */
    public InTime outcomesTold(Instant from, Instant to) {
        return inTime(SqlRow.single(em, """
                select count(*) as all_due, count(*) filter (where delivered_at is not null and delivered_at <= due_by)
                    as in_time
                from feedback_delivery where kind = 'OUTCOME' and due_by >= ?1 and due_by < ?2""", from, to));
    }

    /** Assessments authorised in the days [from, to], and those by their due date. */
    public InTime assessmentsAuthorised(LocalDate from, LocalDate to) {
        return inTime(SqlRow.single(em, """
                select count(*) as all_due, count(*) filter (where authorised_on <= due_on) as in_time from assessment
                where authorised_on >= ?1 and authorised_on <= ?2""", from, to));
    }

    /** Initial conferences held in the days [from, to], and those by their due date. */
    public InTime conferencesHeld(LocalDate from, LocalDate to) {
        return inTime(SqlRow.single(em, """
                select count(*) as all_due, count(*) filter (where icpc_on <= icpc_due_on) as in_time
                from section47_enquiry where icpc_on >= ?1 and icpc_on <= ?2""", from, to));
    }

    /**
     * Information requests due in the period (their deadline in it), by the asked organisation's agency type, and
     * those answered, with no trace or declined by their deadline.
     */
    public Map<String, InTime> partnerResponses(Instant from, Instant to) {
        Map<String, InTime> byAgency = new LinkedHashMap<>();
        SqlRow.list(em, """
                select coalesce(p.agency_type, 'UNKNOWN') as agency, count(*) as all_due,
                    count(*) filter (where r.status in ('ANSWERED', 'NO_TRACE', 'DECLINED')
                        and r.answered_at <= r.deadline) as in_time
                from information_request r left join partner_directory_copy p on p.id = r.organisation_id
                where r.deadline >= ?1 and r.deadline < ?2
                group by 1 order by 1""", from, to)
                .forEach(r -> byAgency.put(r.string("agency"), inTime(r)));
        return byAgency;
    }

    private static InTime inTime(SqlRow r) {
        return new InTime(r.count("all_due"), r.count("in_time"));
    }

    private Map<String, Long> bySource(String andWhere, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        em.createQuery("select r.sourceCode as source, count(i) as n from TriageItem i, TriageReferral r"
                + " where r.referralId = i.referralId" + andWhere + " and i.receivedAt >= :from and i.receivedAt < :to"
                + " group by r.sourceCode order by r.sourceCode", Tuple.class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(t -> counts.put(t.get("source", String.class), number(t, "n")));
        return counts;
    }

    private long count(String jpql, Instant from, Instant to) {
        return em.createQuery(jpql, Long.class).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    private static long number(Tuple t, String alias) {
        return ((Number) t.get(alias)).longValue();
    }
}
