package org.frontdoor.notification.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.frontdoor.notification.domain.Subscription;
import org.jboss.logging.Logger;

/**
 * Encrypts the webhook secrets that earlier versions stored in plain text, at start-up (after Flyway, which
 * cannot: the database never sees the key), then clears the plain column. Idempotent and safe on several
 * instances at once: each row is taken once ({@code FOR UPDATE SKIP LOCKED}) and then has no plain secret.
 */
@ApplicationScoped
public class PlaintextSecrets {

    private static final Logger LOG = Logger.getLogger(PlaintextSecrets.class);

    @Inject
    EntityManager em;

    @Inject
    SecretCipher cipher;

    void onStart(@Observes StartupEvent event) {
        int encrypted = encryptAll();
        if (encrypted > 0) {
            LOG.infof("Encrypted %d webhook secret(s) stored in plain text by an earlier version (key id %s)",
                    encrypted, cipher.keyId());
        }
    }

    /** Encrypts every secret still in plain text; returns how many. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int encryptAll() {
        List<Object[]> rows = em.createNativeQuery("select organisation_id, secret from subscription"
                + " where secret is not null for update skip locked").getResultList();
        for (Object[] row : rows) {
            String org = (String) row[0];
            // a plain secret is newer than any encrypted one: only an earlier version writes the plain column
            em.createNativeQuery("update subscription set secret_encrypted = ?1, secret = null"
                    + " where organisation_id = ?2")
                    .setParameter(1, cipher.encrypt((String) row[1], Subscription.cipherContext(org)))
                    .setParameter(2, org)
                    .executeUpdate();
        }
        return rows.size();
    }
}
