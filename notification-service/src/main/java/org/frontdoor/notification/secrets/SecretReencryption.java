package org.frontdoor.notification.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.support.audit.AuditLog;
import org.jboss.logging.Logger;

/**
 * Moves stored webhook secrets to the current key of the ring ({@link SecretCipher}) after a rotation: every
 * secret (current and, during a partner's overlap, previous) still under an older key is decrypted and encrypted
 * again under the current one, row by row under a lock, so a partner changing its secret meanwhile is not
 * overwritten. Once none is left under an older key, that key can be removed from the configuration. Audited.
 */
@ApplicationScoped
public class SecretReencryption {

    private static final Logger LOG = Logger.getLogger(SecretReencryption.class);

    @Inject
    SecretCipher cipher;

    @Inject
    AuditLog audit;

    /** How many stored secrets each key holds. */
    @Schema(name = "SecretKeyUse")
    public record KeyUse(@Schema(description = "The key's id (a fingerprint, not the key)", example = "3f9a1c07",
            maxLength = 8, pattern = "^[0-9a-f]{8}$") String keyId,
            @Schema(description = "Whether it is the current key, which encrypts") boolean current,
            @Schema(description = "Whether the configuration holds it (if not, what it encrypted is unreadable)")
            boolean configured,
            @Schema(description = "Stored secrets encrypted under it", minimum = "0", maximum = "1000000")
            long secrets) {
    }

    /** The ring and what lies under each key; an older key with no secrets left can be removed. */
    @Schema(name = "SecretKeyRing")
    public record Ring(@Schema(maxLength = 8, pattern = "^[0-9a-f]{8}$") String currentKeyId,
            @Schema(maxItems = 100) List<KeyUse> keys,
            @Schema(description = "Secrets moved to the current key by this request (absent on a plain read)",
                    minimum = "0", maximum = "1000000") Integer reencrypted,
            @Schema(description = "Secrets under a key the configuration does not hold, which nothing can read",
                    minimum = "0", maximum = "1000000") long unreadable) {
    }

    /** What the stored secrets are encrypted with. */
    @Transactional
    public Ring ring() {
        return ring(null);
    }

    /** Re-encrypts every secret under an older key with the current one; audited with the counts. */
    @Transactional
    public Ring reencryptAll() {
        int moved = 0;
        List<Subscription> all = Subscription.<Subscription>findAll().withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Subscription s : all) {
            String context = Subscription.cipherContext(s.organisationId);
            if (movable(s.secretEncrypted)) {
                s.secretEncrypted = cipher.reencrypt(s.secretEncrypted, context);
                moved++;
            }
            if (movable(s.previousSecretEncrypted)) {
                s.previousSecretEncrypted = cipher.reencrypt(s.previousSecretEncrypted, context);
                moved++;
            }
        }
        Subscription.flush();
        Ring after = ring(moved);
        audit.record("webhook-secrets.re-encrypted", null, moved + " secret(s) moved to key " + cipher.keyId()
                + "; " + after.unreadable() + " under keys not configured");
        LOG.infof("Re-encrypted %d webhook secret(s) under key %s; %d under keys not configured", moved,
                cipher.keyId(), after.unreadable());
        return after;
    }

    /** Under a key of the ring other than the current one (a value under an unknown key cannot move). */
    private boolean movable(String stored) {
        String id = SecretCipher.keyIdOf(stored);
        return id != null && !id.equals(cipher.keyId()) && cipher.keyIds().contains(id);
    }

    private Ring ring(Integer reencrypted) {
        Map<String, Long> byKey = new TreeMap<>();
        for (String id : cipher.keyIds()) {
            byKey.put(id, 0L);
        }
        List<Subscription> all = Subscription.listAll();
        for (Subscription s : all) {
            for (String stored : new String[] { s.secretEncrypted, s.previousSecretEncrypted }) {
                String id = SecretCipher.keyIdOf(stored);
                if (id != null) {
                    byKey.merge(id, 1L, Long::sum);
                }
            }
        }
        List<KeyUse> keys = new ArrayList<>();
        long unreadable = 0;
        for (Map.Entry<String, Long> e : byKey.entrySet()) {
            boolean configured = cipher.keyIds().contains(e.getKey());
            keys.add(new KeyUse(e.getKey(), e.getKey().equals(cipher.keyId()), configured, e.getValue()));
            unreadable += configured ? 0 : e.getValue();
        }
        return new Ring(cipher.keyId(), keys, reencrypted, unreadable);
    }
}
