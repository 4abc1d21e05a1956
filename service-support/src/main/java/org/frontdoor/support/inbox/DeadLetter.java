package org.frontdoor.support.inbox;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;

/**
 * A message one of this service's consumers could never process, as ops see it: where it lies, where it came from,
 * which event it is and why it failed. Never the event's data, which may name a child.
 */
@Schema(description = "A message a consumer could never process, kept on its dead-letter topic")
public record DeadLetter(
        @Schema(description = "The dead-letter topic it lies on", example = "referral-events.triage-service.dlq",
                maxLength = 249) String topic,
        @Schema(description = "Its partition there", example = "0", minimum = "0", maximum = "10000") int partition,
        @Schema(description = "Its offset there", example = "17", minimum = "0", maximum = Bounds.LONG_MAX) long offset,
        @Schema(description = "When it was dead-lettered") Instant deadLetteredAt,
        @Schema(description = "The topic it came from, where a replay sends it", example = "referral-events",
                maxLength = 249) String originalTopic,
        @Schema(description = "Its key (the referral id, or the organisation's id on partner-events)",
                maxLength = 200) String key,
        @Schema(description = "The event's id; absent when the message is not an event at all") UUID eventId,
        @Schema(description = "The event's type", example = "referral.received", maxLength = 100) String eventType,
        @Schema(description = "The referral the event is about") UUID referralId,
        @Schema(description = "Why the consumer gave up on it. A database error is given by its SQLState alone"
                + " (\"the database refused it: SQLState 23505 (PSQLException)\"), never the values it quoted",
                example = "this event can never be applied",
                maxLength = 1000) String reason,
        @Schema(description = "The kind of failure", example = "java.lang.IllegalArgumentException",
                maxLength = 300) String failure,
        @Schema(description = "When ops replayed it through its consumer; absent until then") Instant replayedAt,
        @Schema(description = "Who replayed it", maxLength = 200) String replayedBy,
        @Schema(description = "What the replay did") InboxProcessor.ReplayOutcome replayOutcome) {
}
