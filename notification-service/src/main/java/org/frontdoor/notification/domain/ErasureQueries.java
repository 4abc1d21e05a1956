package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The deletes of {@link RecordErasure}: every table that holds something of a referral. */
@ApplicationScoped
public class ErasureQueries {

    private static final List<String> TABLES = List.of("notification", "child_sharing", "child_decision",
            "referral_record_child", "referral_record");

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteReferral(UUID referralId) {
        for (String table : TABLES) {
            em.createNativeQuery("delete from " + table + " where referral_id = ?1")
                    .setParameter(1, referralId).executeUpdate();
        }
    }
}
