package org.frontdoor.notification.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
    SecretQueries queries;

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
    public int encryptAll() {
        List<SecretQueries.PlainSecret> plain = queries.lockPlainSecrets();
        for (SecretQueries.PlainSecret row : plain) {
            // a plain secret is newer than any encrypted one: only an earlier version writes the plain column
            queries.replaceWithEncrypted(row.organisationId(),
                    cipher.encrypt(row.secret(), Subscription.cipherContext(row.organisationId())));
        }
        return plain.size();
    }
}
