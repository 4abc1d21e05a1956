package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.codes.SharingConsentStatus;

/** The set-based statement of {@link SharingPolicy}: a child's facts, kept as of the latest event. */
@ApplicationScoped
public class SharingQueries {

    @Inject
    EntityManager em;

    /** Inserts or updates the child's facts unless those stored are as of a later moment; true when they changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(UUID childId, UUID referralId, boolean youngAdult, SharingConsentStatus status,
            boolean confirmed, Instant asOf) {
        return em.createNativeQuery("insert into child_sharing (child_id, referral_id, young_adult, consent,"
                + " consent_confirmed, as_of) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (child_id) do update set"
                + " young_adult = excluded.young_adult, consent = excluded.consent,"
                + " consent_confirmed = excluded.consent_confirmed, as_of = excluded.as_of"
                + " where child_sharing.as_of < excluded.as_of")
                .setParameter(1, childId).setParameter(2, referralId).setParameter(3, youngAdult)
                .setParameter(4, status.name()).setParameter(5, confirmed).setParameter(6, asOf)
                .executeUpdate() == 1;
    }
}
