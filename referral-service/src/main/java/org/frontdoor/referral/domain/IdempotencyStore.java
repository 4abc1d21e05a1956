package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers each {@code Idempotency-Key} with a hash of its request and the answer given.
 * The key is claimed with an insert in the submission's own transaction: a second submission
 * with the same key waits on the first, then finds the claim, so two concurrent retries
 * create one referral.
 */
@ApplicationScoped
public class IdempotencyStore {

    @Inject
    EntityManager em;

    /** A previous answer to a key. */
    public record Previous(String requestHash, UUID referralId, String response) {
    }

    /**
     * Claims the key for this request with the answer it will get (both commit with the referral, or neither); empty
     * when claimed, the earlier claim otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Previous> claim(String scope, String key, String requestHash, UUID referralId, String response,
            Instant at) {
        int inserted = em.createNativeQuery("insert into idempotency_record"
                + " (scope, idem_key, request_hash, referral_id, response, created_at) values (?1, ?2, ?3, ?4, ?5, ?6)"
                + " on conflict do nothing")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, referralId)
                .setParameter(5, response)
                .setParameter(6, Timestamp.from(at))
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Tuple row = (Tuple) em.createNativeQuery("select request_hash, referral_id, response from idempotency_record"
                + " where scope = ?1 and idem_key = ?2", Tuple.class)
                .setParameter(1, scope)
                .setParameter(2, key)
                .getSingleResult();
        return Optional.of(new Previous(row.get("request_hash", String.class), row.get("referral_id", UUID.class),
                row.get("response", String.class)));
    }
}
