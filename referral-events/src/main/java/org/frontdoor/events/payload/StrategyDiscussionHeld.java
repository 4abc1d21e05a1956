package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Payload of {@code strategy-discussion.held}: what each attending agency is told. The minutes and what each agency
 * shared stay in triage.
 *
 * @param attendingOrganisations the partner directory ids of the agencies that attended: each is told the outcome
 * @param section47Enquiry whether the discussion decided on an s47 enquiry
 * @param immediateProtectiveAction the protective action agreed at once, in words; absent when none
 */
public record StrategyDiscussionHeld(UUID discussionId, UUID referralId, Instant heldAt,
        List<String> attendingOrganisations, boolean section47Enquiry, String immediateProtectiveAction,
        Instant occurredAt) {

    /** The one reader of a strategy-discussion.held: what cannot be read is malformed. */
    public static StrategyDiscussionHeld from(EventEnvelope event) {
        return PayloadReader.read(event, StrategyDiscussionHeld.class, d -> {
            if (d.discussionId() == null || d.attendingOrganisations() == null || d.heldAt() == null) {
                throw new org.frontdoor.events.MalformedEventException(event.type() + " " + event.eventId()
                        + " names no discussion, attending agencies or time");
            }
        });
    }
}
