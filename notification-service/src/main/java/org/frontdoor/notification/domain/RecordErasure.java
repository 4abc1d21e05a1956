package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.support.audit.AuditLog;

/**
 * Deletes what this service holds of a contact the referral service erased under the retention schedule
 * ({@code referral.erased}): its messages (sent or not), the referrer record, child references, decisions and
 * sharing consent. In the handler's transaction; a repeated event finds nothing left to delete.
 */
@ApplicationScoped
public class RecordErasure {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(ReferralErased erased) {
        for (String table : List.of("notification", "child_sharing", "child_decision", "referral_record_child",
                "referral_record")) {
            em.createNativeQuery("delete from " + table + " where referral_id = ?1")
                    .setParameter(1, erased.referralId()).executeUpdate();
        }
        audit.record("referral.erased", erased.referralId(), erased.retentionKind() + ": messages and references");
    }
}
