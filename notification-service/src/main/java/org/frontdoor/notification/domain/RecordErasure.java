package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    ErasureQueries queries;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(ReferralErased erased) {
        queries.deleteReferral(erased.referralId());
        audit.record("referral.erased", erased.referralId(), erased.retentionKind() + ": messages and references");
    }
}
