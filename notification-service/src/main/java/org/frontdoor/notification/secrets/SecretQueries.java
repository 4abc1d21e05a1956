package org.frontdoor.notification.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;

/** The set-based statements on webhook secrets at rest ({@link PlaintextSecrets}). */
@ApplicationScoped
public class SecretQueries {

    @Inject
    EntityManager em;

    /** A secret an earlier version stored in plain text. Never logged. */
    public record PlainSecret(String organisationId, String secret) {

        @Override
        public String toString() {
            return "PlainSecret[" + organisationId + "]";
        }
    }

    /** Every secret still in plain text, each locked for this transaction; rows another instance holds are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<PlainSecret> lockPlainSecrets() {
        List<Tuple> rows = em.createNativeQuery("select organisation_id, secret from subscription"
                + " where secret is not null for update skip locked", Tuple.class).getResultList();
        return rows.stream().map(t -> new PlainSecret(t.get("organisation_id", String.class),
                t.get("secret", String.class))).toList();
    }

    /** Stores the encrypted secret and clears the plain one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceWithEncrypted(String organisationId, String encrypted) {
        em.createNativeQuery("update subscription set secret_encrypted = ?1, secret = null"
                + " where organisation_id = ?2")
                .setParameter(1, encrypted)
                .setParameter(2, organisationId)
                .executeUpdate();
    }
}
