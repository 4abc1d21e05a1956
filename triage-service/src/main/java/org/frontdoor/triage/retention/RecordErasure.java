package org.frontdoor.triage.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.support.audit.AuditLog;

/**
 * Deletes what triage holds of a contact the referral service erased under the retention schedule
 * ({@code referral.erased}): its triage items with their checks, assessments, s47 enquiries and history, the
 * child's census record when no other contact names the child, the referral's place in any case,
 * and a case left with no child at all (with its steps, history and alerts). Set-based, in the handler's
 * transaction; a repeated event finds nothing left to delete.
 */
@ApplicationScoped
public class RecordErasure {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(ReferralErased erased) {
        UUID referral = erased.referralId();
        List<UUID> cases = ids("select distinct case_id from case_child where referral_id = ?1", referral);
        List<UUID> childKeys = ids("select distinct child_key from triage_item where referral_id = ?1", referral);
        List<UUID> records = ids("select distinct coalesce(known_child_id, child_id) from triage_item"
                + " where referral_id = ?1", referral);
        String items = "(select id from triage_item where referral_id = ?1)";
        delete("delete from partner_check where triage_item_id in " + items, referral);
        delete("delete from information_request where referral_id = ?1", referral);
        delete("delete from assessment where triage_item_id in " + items, referral);
        delete("delete from section47_enquiry where triage_item_id in " + items, referral);
        delete("delete from strategy_discussion where triage_item_id in " + items, referral);
        delete("delete from triage_history where subject_id in " + items, referral);
        delete("delete from staff_alert where referral_id = ?1 or triage_item_id in " + items, referral);
        delete("delete from case_child where referral_id = ?1", referral);
        deleteCasesLeftEmpty(cases);
        delete("update triage_item set same_day_first_referral_id = null where same_day_first_referral_id = ?1",
                referral);
        delete("delete from triage_item where referral_id = ?1", referral);
        delete("delete from triage_referral where referral_id = ?1", referral);
        delete("delete from feedback_delivery where referral_id = ?1", referral);
        deleteCensusRecordsLeft(childKeys);
        deleteIndexRecordsLeft(records);
        audit.record("referral.erased", referral, erased.retentionKind() + ": triage items, checks, information"
                + " requests and history");
    }

    /** A case no remaining contact names goes with the last of them, with its steps, history and alerts. */
    private void deleteCasesLeftEmpty(List<UUID> cases) {
        if (cases.isEmpty()) {
            return;
        }
        String empty = "(select c.id from care_case c where c.id in (?1) and not exists"
                + " (select 1 from case_child cc where cc.case_id = c.id))";
        for (String sql : List.of("delete from case_step where case_id in " + empty,
                "delete from triage_history where subject_id in " + empty,
                "delete from staff_alert where case_id in " + empty,
                "update triage_item set open_case_id = null where open_case_id in " + empty,
                "update triage_item set case_id = null where case_id in " + empty,
                "delete from care_case where id in " + empty)) {
            em.createNativeQuery(sql).setParameter(1, cases).executeUpdate();
        }
    }

    /** The census record of a child no remaining contact names goes with the last of them. */
    private void deleteCensusRecordsLeft(List<UUID> childKeys) {
        if (childKeys.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from child_characteristics k where k.child_key in (?1) and not exists"
                + " (select 1 from triage_item i where i.child_key = k.child_key)").setParameter(1, childKeys)
                .executeUpdate();
    }

    /** A child's record in the index of children (its names) goes with the last contact about the record. */
    private void deleteIndexRecordsLeft(List<UUID> records) {
        if (records.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from child_record r where r.child_key in (?1) and not exists (select 1 from"
                + " triage_item i where i.known_child_id = r.child_key or i.child_id = r.child_key)")
                .setParameter(1, records).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, UUID referral) {
        return em.createNativeQuery(sql).setParameter(1, referral).getResultList();
    }

    private void delete(String sql, UUID referral) {
        em.createNativeQuery(sql).setParameter(1, referral).executeUpdate();
    }
}
