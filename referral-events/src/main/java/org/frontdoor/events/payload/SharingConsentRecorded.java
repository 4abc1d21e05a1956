package org.frontdoor.events.payload;

import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Payload of {@code referral.consent-recorded}: the front door recorded (or changed) a young adult's consent to
 * share after the referral was submitted. Keyed by referral id, so it follows its {@code referral.received}.
 *
 * @param youngAdult as decided at the contact (referral-service's age rule); repeated so a consumer needs no lookup
 */
public record SharingConsentRecorded(UUID referralId, UUID childId, boolean youngAdult, SharingConsent consent) {

    /** The one reader of a {@code referral.consent-recorded}: what cannot be read is malformed. */
    public static SharingConsentRecorded from(EventEnvelope event) {
        return PayloadReader.read(event, SharingConsentRecorded.class);
    }
}
