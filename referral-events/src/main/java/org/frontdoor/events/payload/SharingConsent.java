package org.frontdoor.events.payload;

import java.time.Instant;
import org.frontdoor.events.codes.SharingConsentStatus;

/**
 * A young adult's consent to share with partner agencies, as last recorded.
 *
 * @param status GIVEN, REFUSED or NOT_RECORDED
 * @param recordedBy who recorded it: the front-door worker's or partner system's sign-in (never the young person's name)
 * @param recordedAt when it was given or refused; absent when NOT_RECORDED
 */
public record SharingConsent(SharingConsentStatus status, String recordedBy, Instant recordedAt) {

    public static final SharingConsent NOT_RECORDED = new SharingConsent(SharingConsentStatus.NOT_RECORDED, null, null);
}
