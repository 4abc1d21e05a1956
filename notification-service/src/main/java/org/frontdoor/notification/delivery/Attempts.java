package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.frontdoor.notification.delivery.Dispatcher.Claim;
import org.frontdoor.notification.domain.Channel;
import org.frontdoor.support.calendar.Instants;

/**
 * Sends one claimed notification, outside any transaction: by webhook when the recipient organisation has a
 * subscription, else by email (the row's address, else the organisation's contact emails in the partner
 * directory); nothing to an organisation that is inactive in the directory.
 */
@ApplicationScoped
public class Attempts {

    static final String NO_CHANNEL = "no webhook subscription or email address for this recipient";
    static final String INACTIVE = "not sent: the organisation is inactive in the partner directory";
    static final String UNREADABLE_SECRET = "the webhook secret does not decrypt with this instance's key ring"
            + " (frontdoor.notification.secret-key and previous-secret-keys); not sent";

    /** How an attempt went: {@code channel} is null when there was none to try. */
    public record Attempt(Channel channel, WebhookSender.Result result) {
    }

    @Inject
    WebhookSender webhooks;

    @Inject
    EmailSender email;

    @Inject
    Clock clock;

    public Attempt send(Claim claim) {
        if (claim.inactive()) {
            return new Attempt(null, new WebhookSender.Result(false, INACTIVE));
        }
        if (claim.callbackUrl() != null && claim.secrets().isEmpty()) {
            return new Attempt(Channel.WEBHOOK, new WebhookSender.Result(false, UNREADABLE_SECRET));
        }
        if (claim.callbackUrl() != null) {
            return new Attempt(Channel.WEBHOOK, webhooks.post(claim.callbackUrl(), claim.secrets(),
                    claim.webhookId(), Instants.now(clock).getEpochSecond(), claim.body()));
        }
        if (!claim.emails().isEmpty()) {
            return new Attempt(Channel.EMAIL, email.send(claim.emails(), claim.subject(), claim.text()));
        }
        return new Attempt(null, new WebhookSender.Result(false, NO_CHANNEL));
    }
}
