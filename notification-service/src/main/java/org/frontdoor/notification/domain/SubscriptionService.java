package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.CallbackAddressGuard;
import org.frontdoor.notification.delivery.WebhookSigner;
import org.frontdoor.notification.secrets.SecretCipher;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.jboss.logging.Logger;

/**
 * A partner organisation's webhook subscription: checked in full (its callback must reach a public address,
 * {@link CallbackAddressGuard}), then saved with its audit entry; the secret encrypted, a changed one rotated.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    @Inject
    NotificationConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SecretCipher cipher;

    @Inject
    CallbackAddressGuard guard;

    /**
     * Creates or replaces the organisation's webhook. A new secret starts a rotation: the old one keeps signing
     * until {@code previousSecretValidUntil}, by default {@code webhook.secret-overlap} from now; a time not after
     * now drops it at once. With the secret unchanged, {@code previousSecretValidUntil} moves the end of a
     * running overlap.
     */
    @Transactional
    public Subscription put(String organisationId, String actor, String callbackUrl, String secret,
            Instant previousSecretValidUntil) {
        Instant now = Instants.now(clock);
        Subscription s = Subscription.findById(organisationId);
        String context = Subscription.cipherContext(organisationId);
        boolean created = s == null;
        boolean changed = created || !sameSecret(cipher.decrypt(s.secretEncrypted, context), secret);
        check(callbackUrl, secret, previousSecretValidUntil, created, changed, s, now);
        if (created) {
            s = new Subscription();
            s.organisationId = organisationId;
            s.createdAt = now;
            s.secretEncrypted = cipher.encrypt(secret.strip(), context);
        } else if (changed) {
            s.changeSecret(cipher.encrypt(secret.strip(), context), now, previousSecretValidUntil != null
                    ? previousSecretValidUntil : now.plus(config.webhook().secretOverlap()));
        } else if (previousSecretValidUntil != null) {
            s.endOverlapAt(previousSecretValidUntil, now);
        } else {
            s.endOverlapAt(s.previousSecretValidUntil, now); // an overlap that has run out is forgotten
        }
        s.callbackUrl = callbackUrl.strip();
        s.updatedAt = now;
        s.updatedBy = actor;
        s.persist();
        // the host only: a callback URL may carry a token of the partner's in its path or query
        String host = URI.create(s.callbackUrl).getHost();
        String secretNote = created ? "" : changed ? (s.inOverlap(now) ? ", secret changed, the previous one signs"
                + " until " + s.previousSecretValidUntil : ", secret changed, the previous one dropped")
                : s.inOverlap(now) ? ", previous secret signs until " + s.previousSecretValidUntil : "";
        audit.record(created ? "subscription.created" : "subscription.updated", null,
                "organisation " + organisationId + ", host " + host + secretNote);
        LOG.infof("Webhook subscription of %s %s (host %s%s)", organisationId, created ? "created" : "updated",
                host, secretNote);
        return s;
    }

    @Transactional
    public Optional<Subscription> get(String organisationId) {
        Optional<Subscription> s = Subscription.findByIdOptional(organisationId);
        audit.record("subscription.read", null, "organisation " + organisationId);
        return s;
    }

    @Transactional
    public boolean delete(String organisationId) {
        boolean deleted = Subscription.deleteById(organisationId);
        if (deleted) {
            audit.record("subscription.deleted", null, "organisation " + organisationId);
            LOG.infof("Webhook subscription of %s deleted: messages go by email", organisationId);
        }
        return deleted;
    }

    /** Every bad field at once; never echoes the secret. */
    void check(String callbackUrl, String secret, Instant previousSecretValidUntil, boolean created,
            boolean changed, Subscription current, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUrl(callbackUrl, errors);
        checkSecret(secret, errors);
        if (previousSecretValidUntil != null) {
            Duration max = config.webhook().maxSecretOverlap();
            if (created) {
                errors.add(new Problem.FieldError("previousSecretValidUntil", "there is no previous secret yet: give"
                        + " it when you change the secret of an existing webhook"));
            } else if (!changed && !current.inOverlap(now)) {
                errors.add(new Problem.FieldError("previousSecretValidUntil", "no previous secret is signing any"
                        + " more: give it with a new secret"));
            } else if (previousSecretValidUntil.isAfter(now.plus(max))) {
                errors.add(new Problem.FieldError("previousSecretValidUntil", "must be at most "
                        + (max.toHoursPart() == 0 && max.toDays() > 0 ? max.toDays() + " days" : max.toHours() + " hours")
                        + " from now"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private void checkUrl(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError("callbackUrl", "is required"));
            return;
        }
        if (value.length() > 2000) {
            errors.add(new Problem.FieldError("callbackUrl", "must be at most 2000 characters"));
            return;
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("callbackUrl", "must be an absolute https URL"));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            errors.add(new Problem.FieldError("callbackUrl", "must be an absolute https URL"));
            return;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new Problem.FieldError("callbackUrl", "must not carry a user name or password"));
        }
        if (uri.getRawFragment() != null) {
            errors.add(new Problem.FieldError("callbackUrl", "must not have a fragment (#...)"));
        }
        if (scheme.equals("http") && !guard.isLocalException(uri.getHost())) {
            errors.add(new Problem.FieldError("callbackUrl", "must use https"));
        }
        guard.refusalAtRegistration(uri).ifPresent(reason -> errors.add(new Problem.FieldError("callbackUrl", reason)));
    }

    private static boolean sameSecret(String stored, String given) {
        return given != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                given.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static void checkSecret(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError("secret", "is required"));
            return;
        }
        String secret = value.strip();
        if (secret.startsWith(WebhookSigner.PREFIX)) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(secret.substring(WebhookSigner.PREFIX.length()));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("secret", "after whsec_ must be standard base64"));
                return;
            }
            if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
                errors.add(new Problem.FieldError("secret", "must encode between " + MIN_KEY_BYTES + " and "
                        + MAX_KEY_BYTES + " random bytes (Standard Webhooks)"));
            }
            return;
        }
        if (secret.length() < 32 || secret.length() > 200) {
            errors.add(new Problem.FieldError("secret",
                    "must be whsec_<base64 of 24-64 random bytes>, or 32 to 200 characters"));
            return;
        }
        if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            errors.add(new Problem.FieldError("secret", "must be printable ASCII without spaces"));
        }
    }
}
