package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.sql.SqlRow;

/** The statutory timescales still running, read set-based: assessments to authorise, conferences to hold. */
@ApplicationScoped
public class TimescaleQueries {

    @Inject
    EntityManager em;

    /**
     * A timescale running on a referral: {@code id} the assessment or enquiry (none for an assessment not yet
     * started), {@code from} the referral or strategy discussion date, {@code dueOn} none for an assessment not yet
     * started.
     */
    public record Running(UUID id, UUID triageItemId, UUID referralId, UUID childKey, UUID caseId, String leadWorker,
            LocalDate from, LocalDate dueOn) {

        static Running of(SqlRow r) {
            return new Running(r.uuid("id"), r.uuid("triage_item_id"), r.uuid("referral_id"), r.uuid("child_key"),
                    r.uuid("case_id"), r.string("lead_worker"), r.date("from_on"), r.date("due_on"));
        }
    }

    /** Referrals of open (or no) cases with no assessment authorised yet, with the one under way if any. */
    public List<Running> assessments() {
        return SqlRow.list(em, """
                select a.id, i.id as triage_item_id, i.referral_id, i.child_key, c.id as case_id, c.lead_worker,
                       i.referral_date as from_on, a.due_on
                from triage_item i
                left join care_case c on c.id = i.case_id
                left join assessment a on a.triage_item_id = i.id and a.authorised_on is null
                where i.became_referral and (c.id is null or c.status = 'OPEN')
                  and not exists (select 1 from assessment done where done.triage_item_id = i.id
                                  and done.authorised_on is not null)""").stream().map(Running::of).toList();
    }

    /** Enquiries whose initial conference is neither held nor ruled out. */
    public List<Running> conferences() {
        return SqlRow.list(em, """
                select e.id, i.id as triage_item_id, i.referral_id, i.child_key, c.id as case_id, c.lead_worker,
                       e.strategy_discussion_on as from_on, e.icpc_due_on as due_on
                from section47_enquiry e
                join triage_item i on i.id = e.triage_item_id
                left join care_case c on c.id = i.case_id
                where e.icpc_on is null and not e.icpc_not_required""").stream().map(Running::of).toList();
    }
}
