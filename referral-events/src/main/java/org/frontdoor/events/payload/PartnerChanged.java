package org.frontdoor.events.payload;

import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.AgencyType;

/**
 * Payload of {@code partner.changed}: an organisation of the partner directory as it now stands. Only what other
 * services need to choose and check an organisation by id; its contact emails and webhook stay in the
 * notification service.
 *
 * @param version rises with every change: a copy keeps the highest it has seen, so a replay never goes back
 */
public record PartnerChanged(String id, String name, AgencyType agencyType, String cinSourceCode, boolean active,
        long version) {

    /** The one reader of a {@code partner.changed}: what cannot be read is malformed. */
    public static PartnerChanged from(EventEnvelope event) {
        return PayloadReader.read(event, PartnerChanged.class);
    }
}
