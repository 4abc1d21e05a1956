package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A partner organisation's webhook. Its secrets are held encrypted ({@code SecretCipher}) and never leave the
 * service except as signatures. After a change of secret the previous one keeps signing until
 * {@link #previousSecretValidUntil}, so the partner can switch its verifier without losing a message.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    /** The current secret, encrypted. (The plain {@code secret} column of earlier versions is not mapped.) */
    @Column(name = "secret_encrypted")
    public String secretEncrypted;

    /** The secret before the last change, encrypted, while it still signs. */
    @Column(name = "previous_secret_encrypted")
    public String previousSecretEncrypted;

    @Column(name = "previous_secret_valid_until")
    public Instant previousSecretValidUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** What an encrypted secret of this subscription is bound to: it decrypts in this organisation's row only. */
    public static String cipherContext(String organisationId) {
        return "subscription/" + organisationId;
    }

    /** True while the previous secret still signs. */
    public boolean inOverlap(Instant now) {
        return previousSecretEncrypted != null && previousSecretValidUntil != null
                && now.isBefore(previousSecretValidUntil);
    }

    /** When the previous secret stops signing, or null when it no longer does. */
    public Instant overlapEnd(Instant now) {
        return inOverlap(now) ? previousSecretValidUntil : null;
    }

    /** The encrypted secrets a delivery at {@code now} is signed with: the current first, then the previous one. */
    public List<String> signingSecretsEncrypted(Instant now) {
        return inOverlap(now) ? List.of(secretEncrypted, previousSecretEncrypted) : List.of(secretEncrypted);
    }

    /**
     * A new secret: the current one becomes the previous and keeps signing until {@code previousValidUntil};
     * not at all when that is not after {@code now} (e.g. the old secret leaked). Only one previous secret is
     * kept: a second change during an overlap ends the first one's.
     */
    public void changeSecret(String newSecretEncrypted, Instant now, Instant previousValidUntil) {
        previousSecretEncrypted = secretEncrypted;
        secretEncrypted = newSecretEncrypted;
        endOverlapAt(previousValidUntil, now);
    }

    /** Moves the end of the overlap (a time not after {@code now} ends it at once). */
    public void endOverlapAt(Instant until, Instant now) {
        if (previousSecretEncrypted == null || until == null || !until.isAfter(now)) {
            previousSecretEncrypted = null;
            previousSecretValidUntil = null;
        } else {
            previousSecretValidUntil = until;
        }
    }

    @Override
    public String toString() {
        // never a secret, not even encrypted, not even in a debug log
        return "Subscription[" + organisationId + " -> " + callbackUrl + "]";
    }
}
