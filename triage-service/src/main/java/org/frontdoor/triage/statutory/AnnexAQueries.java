package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.frontdoor.support.sql.SqlRow;

/**
 * The set-based reads of Ofsted's Annex A lists 1-5, from the live data: each row an event (a contact, an early
 * help plan, a referral, an assessment, an enquiry) with its child's census characteristics. Dates are days in
 * England; what falls in the window is {@link StatutoryReturns}'s to decide.
 */
@ApplicationScoped
public class AnnexAQueries {

    /** The child's columns every Annex A list starts with, from child_characteristics k (columns 1-5). */
    private static final String CHILD = "k.la_child_id, k.sex, k.ethnicity, k.birth_date, k.disabilities";

    @Inject
    EntityManager em;

    /** A child as its characteristics record gives it: census codes as text. */
    public record ChildRow(String laChildId, String sex, String ethnicity, LocalDate birthDate,
            List<String> disabilities) {

        static ChildRow of(SqlRow r) {
            return new ChildRow(r.string("la_child_id"), r.string("sex"), r.string("ethnicity"), r.date("birth_date"),
                    r.codes("disabilities"));
        }
    }

    public record ContactRow(ChildRow child, LocalDate receivedOn, String sourceCode) {
    }

    public record EarlyHelpRow(ChildRow child, LocalDate openedOn, LocalDate closedOn) {
    }

    public record ReferralRow(ChildRow child, LocalDate referralDate, String sourceCode, String leadWorker,
            boolean nfa) {
    }

    public record AssessmentRow(ChildRow child, LocalDate startedOn, Boolean childSeen, LocalDate authorisedOn,
            Boolean requiresSupport, String leadWorker) {
    }

    public record EnquiryRow(ChildRow child, LocalDate strategyDiscussionOn, boolean icpcNotRequired,
            LocalDate icpcOn, boolean planMade, String leadWorker) {
    }

    /** List 1: the contacts received in [from, to]. */
    public List<ContactRow> contacts(LocalDate from, LocalDate to) {
        return SqlRow.list(em, "select " + CHILD + """
                , (i.received_at at time zone 'Europe/London')::date as received_on, r.source_code
                from triage_item i join triage_referral r on r.referral_id = i.referral_id
                join child_characteristics k on k.child_key = i.child_key and k.merged_into is null
                where (i.received_at at time zone 'Europe/London')::date between ?1 and ?2
                order by i.received_at, i.position""", from, to).stream()
                .map(r -> new ContactRow(ChildRow.of(r), r.date("received_on"), r.string("source_code")))
                .toList();
    }

    /** List 2: the early help plans open at some time in [from, to]. */
    public List<EarlyHelpRow> earlyHelp(LocalDate from, LocalDate to) {
        return SqlRow.list(em, "select " + CHILD + """
                , (c.opened_at at time zone 'Europe/London')::date as opened_on,
                  (c.closed_at at time zone 'Europe/London')::date as closed_on
                from care_case c
                join (select distinct cc.case_id, i.child_key from case_child cc
                      join triage_item i on i.child_id = cc.child_id) m on m.case_id = c.id
                join child_characteristics k on k.child_key = m.child_key and k.merged_into is null
                where c.pathway = 'EARLY_HELP' and (c.opened_at at time zone 'Europe/London')::date <= ?2
                  and (c.closed_at is null or (c.closed_at at time zone 'Europe/London')::date >= ?1)
                order by c.opened_at, k.la_child_id""", from, to).stream()
                .map(r -> new EarlyHelpRow(ChildRow.of(r), r.date("opened_on"), r.date("closed_on")))
                .toList();
    }

    /**
     * List 3: the referrals dated in [from, to]; no further action when the case closed without an assessment or an
     * enquiry.
     */
    public List<ReferralRow> referrals(LocalDate from, LocalDate to) {
        return SqlRow.list(em, "select " + CHILD + """
                , i.referral_date, r.source_code, c.lead_worker,
                  coalesce(c.status = 'CLOSED', false)
                      and not exists (select 1 from assessment a where a.triage_item_id = i.id)
                      and not exists (select 1 from section47_enquiry e where e.triage_item_id = i.id) as nfa
                from triage_item i join triage_referral r on r.referral_id = i.referral_id
                join child_characteristics k on k.child_key = i.child_key and k.merged_into is null
                left join care_case c on c.id = i.case_id
                where i.became_referral and i.referral_date between ?1 and ?2
                order by i.referral_date, i.received_at""", from, to).stream()
                .map(r -> new ReferralRow(ChildRow.of(r), r.date("referral_date"), r.string("source_code"),
                        r.string("lead_worker"), Boolean.TRUE.equals(r.bool("nfa"))))
                .toList();
    }

    /** List 4: the assessments under way at some time in [from, to]. */
    public List<AssessmentRow> assessments(LocalDate from, LocalDate to) {
        return SqlRow.list(em, "select " + CHILD + """
                , a.started_on, a.child_seen, a.authorised_on, a.requires_support, c.lead_worker
                from assessment a join triage_item i on i.id = a.triage_item_id
                join child_characteristics k on k.child_key = i.child_key and k.merged_into is null
                left join care_case c on c.id = i.case_id
                where a.started_on <= ?2 and (a.authorised_on is null or a.authorised_on >= ?1)
                order by a.started_on, a.recorded_at""", from, to).stream()
                .map(r -> new AssessmentRow(ChildRow.of(r), r.date("started_on"), r.bool("child_seen"),
                        r.date("authorised_on"), r.bool("requires_support"), r.string("lead_worker")))
                .toList();
    }

    /** List 5: the enquiries whose strategy discussion was in [from, to], or earlier and still without a conference. */
    public List<EnquiryRow> enquiries(LocalDate from, LocalDate to) {
        return SqlRow.list(em, "select " + CHILD + """
                , e.strategy_discussion_on, e.icpc_not_required, e.icpc_on,
                  e.plan_started_on is not null as plan_made, c.lead_worker
                from section47_enquiry e join triage_item i on i.id = e.triage_item_id
                join child_characteristics k on k.child_key = i.child_key and k.merged_into is null
                left join care_case c on c.id = i.case_id
                where e.strategy_discussion_on between ?1 and ?2
                   or (e.strategy_discussion_on < ?1 and e.icpc_on is null and not e.icpc_not_required)
                order by e.strategy_discussion_on, e.recorded_at""", from, to).stream()
                .map(r -> new EnquiryRow(ChildRow.of(r), r.date("strategy_discussion_on"),
                        r.bool("icpc_not_required"), r.date("icpc_on"), r.bool("plan_made"), r.string("lead_worker")))
                .toList();
    }
}
