package org.frontdoor.referral.domain;

import java.time.Instant;
import org.frontdoor.events.codes.SharingConsentStatus;

/**
 * A young adult's consent to share, as the front door (or a partner system, with the contact) records it.
 *
 * @param recordedBy who took it; the caller when absent
 * @param recordedAt when it was given or refused; now when absent
 */
public record SharingConsentCommand(SharingConsentStatus status, String recordedBy, Instant recordedAt) {
}
