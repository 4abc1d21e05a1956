package org.frontdoor.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Dispatcher.Claim;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.PartnerOrganisation;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.notification.secrets.SecretCipher;
import org.jboss.logging.Logger;

/**
 * Claims due notifications for this instance, in one short transaction: rows locked by another instance's claim are
 * skipped, and a claimed row's next attempt moves a lease ahead, so it is claimed once. Each claim carries what its
 * attempt needs, so the attempt itself runs outside any transaction.
 */
@ApplicationScoped
public class Claims {

    private static final Logger LOG = Logger.getLogger(Claims.class);

    @Inject
    EntityManager em;

    @Inject
    DeliveryQueries queries;

    @Inject
    NotificationConfig config;

    @Inject
    SecretCipher cipher;

    /**
     * Up to {@code limit} due rows; per recipient no more than {@code dispatcher.per-recipient} less what this
     * instance has in flight for it ({@code busy}).
     */
    public List<Claim> claimDue(Instant now, int limit, Map<String, Integer> busy) {
        int perRecipient = config.dispatcher().perRecipient();
        List<String> full = busy.entrySet().stream().filter(e -> e.getValue() >= perRecipient)
                .map(Map.Entry::getKey).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            // room for the rows of recipients with some in flight, which may not all be taken
            List<DeliveryQueries.Candidate> candidates = queries.candidates(now, full, perRecipient,
                    Math.max(DeliveryQueries.SCAN_DEPTH, limit * perRecipient), limit + perRecipient * busy.size());
            List<UUID> ids = within(candidates, busy, perRecipient, limit);
            if (ids.isEmpty()) {
                return List.<Claim>of();
            }
            Instant leaseUntil = now.plus(config.dispatcher().lease());
            queries.lease(ids, now, leaseUntil);
            return ids.stream().map(id -> claimOf(id, now, leaseUntil)).toList();
        });
    }

    /** The candidates to take: oldest first, at most {@code limit}, and per recipient within its limit. */
    private static List<UUID> within(List<DeliveryQueries.Candidate> candidates, Map<String, Integer> busy,
            int perRecipient, int limit) {
        Map<String, Integer> taken = new HashMap<>(busy);
        List<UUID> ids = new ArrayList<>();
        for (DeliveryQueries.Candidate candidate : candidates) {
            if (ids.size() == limit) {
                break;
            }
            if (taken.merge(candidate.recipientKey(), 1, Integer::sum) <= perRecipient) {
                ids.add(candidate.id());
            }
        }
        return ids;
    }

    private Claim claimOf(UUID id, Instant now, Instant leaseUntil) {
        Notification n = em.find(Notification.class, id);
        em.refresh(n);
        // the directory as it is now, so a change (an address added, an organisation deactivated) applies to
        // messages still waiting; an organisation not in it is reached as before: its webhook, else the row's address
        PartnerOrganisation partner = n.recipientOrg == null ? null : PartnerOrganisation.findById(n.recipientOrg);
        boolean inactive = partner != null && !partner.active;
        // fallen back to email: never the webhook again, so the message cannot arrive by both
        Subscription subscription = n.recipientOrg == null || n.fallbackReason != null || inactive ? null
                : Subscription.findById(n.recipientOrg);
        return new Claim(n.id, n.attempts, leaseUntil, n.webhookId(), n.recipientKey, n.recipientOrg,
                emailsOf(n, partner), inactive, subscription == null ? null : subscription.callbackUrl,
                secretsOf(subscription, now), n.subject, n.textBody, webhookBody(n));
    }

    /** The subscription's signing secrets, current first; none when they do not decrypt (that row only fails). */
    private List<String> secretsOf(Subscription subscription, Instant now) {
        if (subscription == null) {
            return List.of();
        }
        try {
            String context = Subscription.cipherContext(subscription.organisationId);
            return subscription.signingSecretsEncrypted(now).stream()
                    .map(encrypted -> cipher.decrypt(encrypted, context)).toList();
        } catch (IllegalStateException e) {
            LOG.errorf("Webhook secret of %s: %s", subscription.organisationId, e.getMessage());
            return List.of();
        }
    }

    /**
     * The row's own address first: for a referrer it is the person who referred, given by their own system. Else,
     * for an organisation, every contact email of the directory, in one message: the organisation chose who must
     * read its secure email, and one message keeps it one delivery with one outcome.
     */
    static List<String> emailsOf(Notification n, PartnerOrganisation partner) {
        if (n.recipientEmail != null) {
            return List.of(n.recipientEmail);
        }
        return partner == null ? List.of() : partner.emails();
    }

    /** The Standard Webhooks body shape: type, timestamp, data. The same bytes on every attempt. */
    static String webhookBody(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", n.webhookType);
        body.put("timestamp", n.readyAt == null ? null : n.readyAt.toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", n.id.toString());
        data.put("kind", n.kind.name());
        if (n.data != null) {
            data.putAll(n.data);
        }
        data.put("subject", n.subject);
        data.put("text", n.textBody);
        body.put("data", data);
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body of " + n.id, e);
        }
    }
}
