package org.frontdoor.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Dispatcher.Claim;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.NotificationStatus;
import org.frontdoor.notification.domain.PartnerOrganisation;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.notification.secrets.SecretCipher;
import org.frontdoor.support.sql.SqlRow;
import org.jboss.logging.Logger;

/**
 * Claims due notifications for this instance, in one short transaction of one statement: rows locked by another
 * instance's claim are skipped, and a claimed row's next attempt moves a lease ahead, so it is claimed once. Each
 * claim carries what its attempt needs (the row, the recipient's directory entry and subscription), so the attempt
 * itself runs outside any transaction, and no entity is loaded.
 */
@ApplicationScoped
public class Claims {

    private static final Logger LOG = Logger.getLogger(Claims.class);

    @Inject
    DeliveryQueries queries;

    @Inject
    NotificationConfig config;

    @Inject
    SecretCipher cipher;

    /**
     * Up to {@code limit} due rows, in one statement ({@link DeliveryQueries#claim}); per recipient no more than
     * {@code dispatcher.per-recipient} less what this instance has in flight for it ({@code busy}).
     */
    public List<Claim> claimDue(Instant now, int limit, Map<String, Integer> busy) {
        int perRecipient = config.dispatcher().perRecipient();
        Instant leaseUntil = now.plus(config.dispatcher().lease());
        return QuarkusTransaction.requiringNew().call(() -> queries.claim(now, leaseUntil, busy, perRecipient,
                Math.max(DeliveryQueries.SCAN_DEPTH, limit * perRecipient), limit).stream()
                .map(row -> claimOf(row, now)).toList());
    }

    /**
     * A claimed row as its attempt needs it. The directory as it is now, so a change (an address added, an
     * organisation deactivated) applies to messages still waiting; an organisation not in it is reached as before:
     * its webhook, else the row's address.
     */
    private Claim claimOf(SqlRow row, Instant now) {
        Notification n = asClaimed(row);
        PartnerOrganisation partner = null;
        if (row.string("partner_id") != null) {
            partner = new PartnerOrganisation();
            partner.id = row.string("partner_id");
            partner.active = row.bool("partner_active");
            partner.contactEmails = row.codes("partner_emails");
        }
        boolean inactive = partner != null && !partner.active;
        // fallen back to email: never the webhook again, so the message cannot arrive by both
        Subscription subscription = row.string("subscriber") == null || n.fallbackReason != null || inactive ? null
                : subscriptionOf(row);
        return new Claim(n.id, n.attempts, n.nextAttemptAt, n.webhookId(), n.recipientKey, n.recipientOrg,
                emailsOf(n, partner), inactive, subscription == null ? null : subscription.callbackUrl,
                secretsOf(subscription, now), n.subject, n.textBody, webhookBody(n), n);
    }

    /**
     * The row as claimed, detached: {@link Outcomes} applies the entity's rules to it and writes the result in one
     * statement for the batch. Its JSON is read here, once.
     */
    private static Notification asClaimed(SqlRow row) {
        Notification n = new Notification();
        n.id = row.uuid("id");
        n.referralId = row.uuid("referral_id");
        n.childId = row.uuid("child_id");
        n.kind = row.string("kind") == null ? null : Kind.valueOf(row.string("kind"));
        n.recipientKey = row.string("recipient_key");
        n.recipientOrg = row.string("recipient_org");
        n.recipientEmail = row.string("recipient_email");
        n.status = NotificationStatus.valueOf(row.string("status"));
        n.dueBy = row.instant("due_by");
        n.readyAt = row.instant("ready_at");
        n.attempts = (int) row.count("attempts");
        n.nextAttemptAt = row.instant("next_attempt_at");
        n.retryWindowStart = row.instant("retry_window_start");
        n.webhookType = row.string("webhook_type");
        n.subject = row.string("subject");
        n.textBody = row.string("text_body");
        n.data = readData(n.id, row.string("data"));
        n.fallbackReason = row.string("fallback_reason");
        return n;
    }

    private static Subscription subscriptionOf(SqlRow row) {
        Subscription s = new Subscription();
        s.organisationId = row.string("subscriber");
        s.callbackUrl = row.string("callback_url");
        s.secretEncrypted = row.string("secret_encrypted");
        s.previousSecretEncrypted = row.string("previous_secret_encrypted");
        s.previousSecretValidUntil = row.instant("previous_secret_valid_until");
        return s;
    }

    private static Map<String, Object> readData(UUID id, String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the data of notification " + id + " is not a JSON object", e);
        }
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
