package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.frontdoor.support.retention.RetentionRule;

/**
 * Idempotency records: the first answer to a submission, replayed to a partner's retry with the same
 * key. Partners retry within minutes or days; after 30 days a key is free again (docs/retention.md).
 */
@ApplicationScoped
public class IdempotencyRetention implements RetentionRule {

    @Inject
    EntityManager em;

    @Override
    public String kind() {
        return "idempotency-records";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(30);
    }

    @Override
    public int prune(Instant cutoff) {
        return em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }
}
