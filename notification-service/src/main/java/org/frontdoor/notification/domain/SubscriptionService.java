package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.WebhookSigner;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.jboss.logging.Logger;

/** A partner organisation's webhook subscription: checked in full, then saved with its audit entry. */
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

    @Transactional
    public Subscription put(String organisationId, String actor, String callbackUrl, String secret) {
        check(callbackUrl, secret);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Subscription s = Subscription.findById(organisationId);
        boolean created = s == null;
        if (created) {
            s = new Subscription();
            s.organisationId = organisationId;
            s.createdAt = now;
        }
        s.callbackUrl = callbackUrl.strip();
        s.secret = secret.strip();
        s.updatedAt = now;
        s.updatedBy = actor;
        s.persist();
        audit.record(created ? "subscription.created" : "subscription.updated", null,
                "organisation " + organisationId + ", host " + URI.create(s.callbackUrl).getHost());
        // the host only: a callback URL may carry a token of the partner's in its path or query
        LOG.infof("Webhook subscription of %s %s (host %s)", organisationId, created ? "created" : "updated",
                URI.create(s.callbackUrl).getHost());
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
    void check(String callbackUrl, String secret) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUrl(callbackUrl, errors);
        checkSecret(secret, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
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
        if (scheme.equals("http")) {
            List<String> allowed = config.webhook().allowHttpHosts().orElse(List.of());
            if (allowed.stream().noneMatch(h -> h.equalsIgnoreCase(uri.getHost()))) {
                errors.add(new Problem.FieldError("callbackUrl", "must use https"));
            }
        }
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
