package org.frontdoor.triage.strategy;

import java.time.Instant;
import java.util.List;

/**
 * A strategy discussion as held: when, the front door's staff who took part, the partner agencies invited (and
 * whether each attended, what it shared), the decision and the minutes. Checked by {@link StrategyDiscussion#hold}.
 *
 * @param staff staff directory ids
 * @param section47Enquiry whether the discussion decided on an s47 enquiry; absent is refused
 * @param immediateProtectiveAction the protective action agreed at once, in words; absent when none
 */
public record StrategyDiscussionCommand(Instant heldAt, List<String> staff, List<Agency> agencies,
        Boolean section47Enquiry, String immediateProtectiveAction, String minutes) {

    /**
     * An agency invited to the discussion.
     *
     * @param organisation its id in the partner directory
     * @param attended whether it took part; absent: it did not
     * @param shared what it shared, in words; absent when nothing
     */
    public record Agency(String organisation, Boolean attended, String shared) {
    }
}
