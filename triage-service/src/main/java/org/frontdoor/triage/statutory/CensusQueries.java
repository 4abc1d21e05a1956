package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.sql.SqlRow;

/**
 * The set-based reads of the CIN census, from the live data: the referrals whose episode may touch the year, their
 * s17 assessments and s47 enquiries, and the children's characteristics. Rows come back as they are stored; what
 * the census makes of them (closures, plans) is {@link CensusChildren}'s.
 */
@ApplicationScoped
public class CensusQueries {

    @Inject
    EntityManager em;

    /**
     * A referral and its case: the case's closure (a date in England), and the first step down or across to early
     * help on or after the referral date, which ends the child in need episode there.
     */
    public record EpisodeRow(UUID itemId, UUID childKey, LocalDate referralDate, String sourceCode,
            String primaryNeedCode, String caseStatus, LocalDate caseClosedOn, String closureReasonCode,
            LocalDate steppedDownOn) {
    }

    public record AssessmentRow(UUID itemId, LocalDate startedOn, LocalDate authorisedOn, List<String> factors) {
    }

    public record EnquiryRow(UUID id, UUID itemId, UUID childKey, LocalDate startedOn, LocalDate icpcDueOn, LocalDate icpcOn,
            boolean icpcNotRequired, LocalDate planStartedOn, LocalDate planEndedOn, String planCategory) {
    }

    public record CinPlanRow(UUID itemId, LocalDate startedOn, LocalDate endedOn) {
    }

    /** A child protection plan's review, or its change of category ({@code category}; null for a review). */
    public record PlanEventRow(UUID enquiryId, LocalDate on, String category) {
    }

    /** What the plans add to the episodes: CIN plans, and the protection plans' reviews and changes of category. */
    public record PlanRows(List<CinPlanRow> cinPlans, List<PlanEventRow> reviews, List<PlanEventRow> categoryChanges) {

        public static final PlanRows NONE = new PlanRows(List.of(), List.of(), List.of());
    }

    /** Every referral up to the year's end whose episode may touch the year [start, end]. */
    public List<EpisodeRow> episodes(LocalDate start, LocalDate end) {
        return SqlRow.list(em, """
                select i.id as item_id, i.child_key, i.referral_date, r.source_code, i.primary_need_code,
                       c.status as case_status, (c.closed_at at time zone 'Europe/London')::date as case_closed_on,
                       c.closure_reason_code,
                       (select min((s.stepped_at at time zone 'Europe/London')::date) from case_step s
                        where s.case_id = c.id and s.direction in ('DOWN', 'ACROSS')
                          and (s.stepped_at at time zone 'Europe/London')::date >= i.referral_date) as stepped_down_on
                from triage_item i join triage_referral r on r.referral_id = i.referral_id
                left join care_case c on c.id = i.case_id
                where i.became_referral and i.referral_date <= ?2
                  and (i.referral_date >= ?1 or c.id is null or c.status = 'OPEN'
                       or (c.closed_at at time zone 'Europe/London')::date >= ?1)""", start, end).stream()
                .map(r -> new EpisodeRow(r.uuid("item_id"), r.uuid("child_key"), r.date("referral_date"),
                        r.string("source_code"), r.string("primary_need_code"), r.string("case_status"),
                        r.date("case_closed_on"), r.string("closure_reason_code"), r.date("stepped_down_on")))
                .toList();
    }

    /** The assessments of referrals up to {@code end} started by then, earliest first. */
    public List<AssessmentRow> assessments(LocalDate end) {
        return SqlRow.list(em, """
                select a.triage_item_id, a.started_on, a.authorised_on, a.factors
                from assessment a join triage_item i on i.id = a.triage_item_id
                where i.became_referral and i.referral_date <= ?1 and a.started_on <= ?1
                order by a.started_on""", end).stream()
                .map(r -> new AssessmentRow(r.uuid("triage_item_id"), r.date("started_on"), r.date("authorised_on"),
                        r.codes("factors")))
                .toList();
    }

    /** The s47 enquiries of referrals up to {@code end} started by then, earliest first. */
    public List<EnquiryRow> enquiries(LocalDate end) {
        return SqlRow.list(em, """
                select e.id, e.triage_item_id, i.child_key, e.started_on, e.icpc_due_on, e.icpc_on, e.icpc_not_required,
                       e.plan_started_on, e.plan_ended_on, e.plan_category
                from section47_enquiry e join triage_item i on i.id = e.triage_item_id
                where i.became_referral and i.referral_date <= ?1 and e.started_on <= ?1
                order by e.started_on""", end).stream()
                .map(r -> new EnquiryRow(r.uuid("id"), r.uuid("triage_item_id"), r.uuid("child_key"),
                        r.date("started_on"), r.date("icpc_due_on"), r.date("icpc_on"),
                        Boolean.TRUE.equals(r.bool("icpc_not_required")),
                        r.date("plan_started_on"), r.date("plan_ended_on"), r.string("plan_category")))
                .toList();
    }

    /**
     * The characteristics of every child with a referral up to {@code end}: by a subquery, not a list of keys, as a
     * year's census may name more children than a statement takes parameters.
     */
    public List<ChildCharacteristics> children(LocalDate end) {
        return ChildCharacteristics.list("mergedInto is null and childKey in (select i.childKey from TriageItem i"
                + " where i.becameReferral = true and i.referralDate <= ?1)", end);
    }

    /**
     * The CIN plans of referrals up to {@code end} started by then, and the reviews and changes of category by then of
     * the protection plans, each earliest first.
     */
    public PlanRows plans(LocalDate end) {
        List<CinPlanRow> cinPlans = SqlRow.list(em, """
                select p.triage_item_id, p.started_on, p.ended_on
                from cin_plan p join triage_item i on i.id = p.triage_item_id
                where i.became_referral and i.referral_date <= ?1 and p.started_on <= ?1
                order by p.started_on""", end).stream()
                .map(r -> new CinPlanRow(r.uuid("triage_item_id"), r.date("started_on"), r.date("ended_on")))
                .toList();
        List<PlanEventRow> reviews = SqlRow.list(em, """
                select section47_enquiry_id, reviewed_on from protection_plan_review where reviewed_on <= ?1
                order by reviewed_on""", end).stream()
                .map(r -> new PlanEventRow(r.uuid("section47_enquiry_id"), r.date("reviewed_on"), null)).toList();
        List<PlanEventRow> changes = SqlRow.list(em, """
                select section47_enquiry_id, changed_on, category from protection_plan_category_change
                where changed_on <= ?1 order by changed_on""", end).stream()
                .map(r -> new PlanEventRow(r.uuid("section47_enquiry_id"), r.date("changed_on"),
                        r.string("category")))
                .toList();
        return new PlanRows(cinPlans, reviews, changes);
    }
}
