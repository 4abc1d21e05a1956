package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.sql.SqlRow;

/**
 * The referrer-facing status, set in place: each change one update of the child's row (returning its contact's id),
 * and the contact's status in one statement, never loading the contact and all its children. An unknown child is an
 * {@link IllegalArgumentException}: the event breaks the contract.
 */
@ApplicationScoped
public class ReferralStatusQueries {

    @Inject
    EntityManager em;

    /** A decision as set on the child: its contact, whether it was a referral before, and its referral date now. */
    public record Decided(UUID referralId, boolean wasReferral, LocalDate referralDate) {
    }

    /** The child is in triage; its open case (and the case's pathway) noted when there is one. */
    public UUID queued(UUID childId, UUID openCaseId, Pathway openCasePathway) {
        return (UUID) single(childId, em.createNativeQuery("""
                with changed as (
                    update referral_child set status = ?2,
                        open_case_id = coalesce(cast(?3 as uuid), open_case_id),
                        open_case_pathway = case when cast(?3 as uuid) is null then open_case_pathway
                            else cast(?4 as varchar) end
                    where id = ?1 returning referral_id)
                select referral_id from changed""")
                .setParameter(1, childId)
                .setParameter(2, ChildStatus.IN_TRIAGE.name())
                .setParameter(3, openCaseId)
                .setParameter(4, openCaseId == null || openCasePathway == null ? null : openCasePathway.name()));
    }

    /**
     * The decision on the child. The referral date defaults to the contact's date in England; what the child's row
     * said before tells a new referral.
     */
    public Decided decided(UUID childId, Outcome outcome, int level, String referrerFeedback, Instant decidedAt,
            boolean becameReferral, LocalDate referralDate) {
        Tuple row = (Tuple) single(childId, em.createNativeQuery("""
                with before as (
                    select c.id, c.referral_id, c.became_referral, r.received_at
                    from referral_child c join referral r on r.id = c.referral_id
                    where c.id = ?1 for update of c),
                changed as (
                    update referral_child t set status = ?2, level = ?3, outcome = ?4, referrer_feedback = ?5,
                        decided_at = ?6, became_referral = cast(?7 as boolean),
                        referral_date = case when cast(?7 as boolean) then coalesce(cast(?8 as date),
                            cast(before.received_at at time zone ?9 as date)) end
                    from before where t.id = before.id
                    returning before.referral_id, before.became_referral, t.referral_date)
                select referral_id, became_referral, referral_date from changed""", Tuple.class)
                .setParameter(1, childId)
                .setParameter(2, ChildStatus.decided(outcome).name())
                .setParameter(3, level)
                .setParameter(4, outcome.name())
                .setParameter(5, referrerFeedback)
                .setParameter(6, decidedAt)
                .setParameter(7, becameReferral)
                .setParameter(8, referralDate)
                .setParameter(9, WorkingCalendar.ENGLAND.getId()));
        return new Decided(row.get("referral_id", UUID.class), Boolean.TRUE.equals(row.get("became_referral")),
                new SqlRow(row).date("referral_date"));
    }

    /** Sets a child's status (and when its case closed); returns its contact's id. */
    public UUID setStatus(UUID childId, ChildStatus status, Instant caseClosedAt) {
        return (UUID) single(childId, em.createNativeQuery("""
                with changed as (
                    update referral_child set status = ?2, case_closed_at = coalesce(cast(?3 as timestamptz),
                        case_closed_at)
                    where id = ?1 returning referral_id)
                select referral_id from changed""")
                .setParameter(1, childId)
                .setParameter(2, status.name())
                .setParameter(3, caseClosedAt));
    }

    /**
     * The child's open case and its lead worker, on the known child. A case awaiting a manager's allocation has no
     * lead worker: the one known for that case stays until another is allocated; another case starts afresh.
     * Returns the child's contact's id.
     */
    public UUID openCase(UUID childId, UUID caseId, String worker) {
        return (UUID) single(childId, em.createNativeQuery("""
                with changed as (
                    update known_child k set open_case_id = ?2, open_case_worker = case
                        when k.open_case_id = ?2 then coalesce(cast(?3 as varchar), k.open_case_worker)
                        else cast(?3 as varchar) end
                    from referral_child c where c.id = ?1 and k.id = c.known_child_id
                    returning c.referral_id)
                select referral_id from changed""")
                .setParameter(1, childId)
                .setParameter(2, caseId)
                .setParameter(3, worker));
    }

    /**
     * The case closed: no record of the child's known child's tree (the records merged into one child) has it open
     * any more (a record with another case open by now keeps that one).
     */
    public void closeCase(UUID childId, UUID caseId) {
        em.createNativeQuery("""
                update known_child t set open_case_id = null, open_case_worker = null
                from referral_child c join known_child k on k.id = c.known_child_id
                where c.id = ?1 and t.open_case_id = ?2
                    and (t.id = coalesce(k.root_id, k.id) or t.root_id = coalesce(k.root_id, k.id))""")
                .setParameter(1, childId)
                .setParameter(2, caseId)
                .executeUpdate();
    }

    /** The contact's status, from its children's. */
    public void refreshStatus(UUID referralId) {
        em.createNativeQuery(Referral.REFRESH_STATUS_SQL).setParameter(1, referralId).executeUpdate();
    }

    private static Object single(UUID childId, Query query) {
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("unknown child " + childId);
        }
        return rows.get(0);
    }
}
