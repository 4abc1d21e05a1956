package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.notification.delivery.Dispatcher.Claim;
import org.frontdoor.support.calendar.Instants;

/**
 * Sends one claimed notification, outside any transaction: by webhook when the recipient organisation has a
 * subscription, else by email (the row's address, else the organisation's contact emails in the partner
 * directory); nothing to an organisation that is inactive in the directory.
 */
@ApplicationScoped
public class Attempts {

    /** Why nothing was sent: the attempt's error. */
    enum NotSent {
        NO_CHANNEL("no webhook subscription or email address for this recipient"),
        INACTIVE("not sent: the organisation is inactive in the partner directory"),
        UNREADABLE_SECRET("the webhook secret does not decrypt with this instance's key ring"
                + " (frontdoor.notification.secret-key and previous-secret-keys); not sent");

        private final String error;

        NotSent(String error) {
            this.error = error;
        }

        Attempt by(Channel channel) {
            return new Attempt(channel, new WebhookSender.Result(false, error));
        }
    }

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
            return NotSent.INACTIVE.by(null);
        }
        if (claim.callbackUrl() != null && claim.secrets().isEmpty()) {
            return NotSent.UNREADABLE_SECRET.by(Channel.WEBHOOK);
        }
        if (claim.callbackUrl() != null) {
            return new Attempt(Channel.WEBHOOK, webhooks.post(claim.callbackUrl(), claim.secrets(),
                    claim.webhookId(), Instants.now(clock).getEpochSecond(), claim.body()));
        }
        if (!claim.emails().isEmpty()) {
            return new Attempt(Channel.EMAIL, email.send(claim.emails(), claim.subject(), claim.text()));
        }
        return NotSent.NO_CHANNEL.by(null);
    }
}
