package org.frontdoor.events.payload;

import java.time.Instant;
import org.frontdoor.events.codes.SharingConsentStatus;

/**
 * A young adult's consent to share with partner agencies, as last recorded.
 *
 * @param status GIVEN, REFUSED or NOT_RECORDED
 * @param recordedBy who recorded it: the front-door worker's or partner system's sign-in (never the young person's name)
 * @param recordedAt when it was given or refused; absent when NOT_RECORDED
 * @param confirmed GIVEN confirmed by the front door or a team manager (recorded by them, or a partner's report they
 *        confirmed): only then does it count; absent (an event from before confirmation existed) is false
 */
public record SharingConsent(SharingConsentStatus status, String recordedBy, Instant recordedAt, boolean confirmed) {

    public static final SharingConsent NOT_RECORDED = new SharingConsent(SharingConsentStatus.NOT_RECORDED, null, null,
            false);
}
