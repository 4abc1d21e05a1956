package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.codes.Kind;

/**
 * Payload of {@code notification.sent} and {@code notification.failed}: what the referrer was
 * told (or could not be told), how and when. Never the message text itself.
 *
 * @param kind ACKNOWLEDGEMENT, OUTCOME, CASE_STEPPED or CASE_CLOSED
 * @param channel WEBHOOK or EMAIL
 */
public record NotificationOutcome(UUID notificationId, UUID referralId, UUID childId, String kind, String channel,
        String recipientOrganisation, Instant dueBy, Instant at, int attempts, String failureReason) {

    /** Its codes in the shared code lists, each absent when the event leaves it out (a message never sent has no channel). */
    public record Codes(Kind kind, Channel channel) {
    }

    /** Its codes, read; an unknown one is a {@link org.frontdoor.events.MalformedEventException}. */
    public Codes codes() {
        String event = "notification outcome " + notificationId;
        return new Codes(PayloadReader.optional(Kind.class, kind, event, "kind"),
                PayloadReader.optional(Channel.class, channel, event, "channel"));
    }

    /** The one reader of a {@code notification.sent} or {@code notification.failed}. */
    public static NotificationOutcome from(EventEnvelope event) {
        return PayloadReader.read(event, NotificationOutcome.class, NotificationOutcome::codes);
    }
}
