package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code notification.sent} and {@code notification.failed}: what the referrer was
 * told (or could not be told), how and when. Never the message text itself.
 *
 * @param kind ACKNOWLEDGEMENT, OUTCOME, CASE_STEPPED or CASE_CLOSED
 * @param channel WEBHOOK or EMAIL
 */
public record NotificationOutcome(UUID notificationId, UUID referralId, UUID childId, String kind, String channel,
        String recipientOrganisation, Instant dueBy, Instant at, int attempts, String failureReason) {
}
