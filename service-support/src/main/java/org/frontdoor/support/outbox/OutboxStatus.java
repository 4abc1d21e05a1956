package org.frontdoor.support.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the outbox holds: events not yet on the broker, and events the broker refused for good.")
public record OutboxStatus(
        @Schema(description = "Events written but not yet acknowledged by the broker", example = "0", minimum = "0", maximum = "9223372036854775807") long pending,
        @Schema(description = "When the oldest pending event was written; empty when none is pending") Instant oldestPendingAt,
        @Schema(description = "Events the broker refused for good; each can be retried", example = "0", minimum = "0", maximum = "9223372036854775807") long dead,
        @Schema(description = "Up to 50 dead events, newest first", maxItems = 50) List<DeadEvent> deadEvents) {

    @Schema(description = "An event the relay gave up on, with the broker's reason")
    public record DeadEvent(UUID eventId,
            @Schema(maxLength = 100) String type,
            @Schema(maxLength = 200) String topic,
            Instant createdAt, Instant deadAt,
            @Schema(minimum = "0", maximum = "2147483647") int attempts,
            // the outbox_event columns' lengths
            @Schema(maxLength = 2000) String lastError) {
    }
}
