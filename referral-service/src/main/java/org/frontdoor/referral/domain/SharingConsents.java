package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.referral.messaging.ReferralReceivedEvent;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * A young adult's consent to share after the contact: recorded (or changed) by the front door, or the consent a
 * partner reported confirmed. Each audited, on the timeline, and published as {@code referral.consent-recorded} in
 * the same transaction. Only for a child who was a young adult at the contact.
 */
@ApplicationScoped
public class SharingConsents {

    private static final Logger LOG = Logger.getLogger(SharingConsents.class);

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    YoungAdultRule youngAdults;

    @Inject
    Clock clock;

    /** Records the consent (checked by {@link ReferralValidator#checkSharingConsent} at the boundary). */
    @Transactional
    public ReferralChild record(UUID referralId, UUID childId, SharingConsentCommand consent, Caller caller) {
        ReferralChild child = youngAdultToLock(referralId, childId, "referral.sharing-consent.refused");
        Instant now = Instants.now(clock);
        child.recordConsent(consent, caller, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sharingConsent", child.sharingConsent.name());
        detail.put("recordedBy", child.sharingConsentRecordedBy);
        detail.put("recordedAt", child.sharingConsentRecordedAt.toString());
        TimelineEntry.of(referralId, childId, "SHARING_CONSENT", now, child.sharingConsent == SharingConsentStatus.GIVEN
                ? "Consent to share with partners given" : "Consent to share with partners refused", detail, null)
                .persist();
        publish(referralId, child);
        audit.record("referral.sharing-consent", referralId, "child " + childId + ": " + child.sharingConsent);
        LOG.infof("Referral %s: consent to share recorded for child %s: %s", referralId, childId, child.sharingConsent);
        return child;
    }

    /**
     * Confirms the consent GIVEN that the partner reported with the contact: only now does it count, so the outcome
     * and case messages held back go to the referrer.
     *
     * @throws DomainException.Conflict when there is nothing to confirm
     */
    @Transactional
    public ReferralChild confirm(UUID referralId, UUID childId, Caller caller) {
        ReferralChild child = youngAdultToLock(referralId, childId, "referral.sharing-consent.confirm.refused");
        Optional<String> why = child.whyNotConfirmable();
        if (why.isPresent()) {
            audit.recordRefused("referral.sharing-consent.confirm.refused", referralId, "child " + childId + ": "
                    + child.sharingConsent + (child.consentConfirmed() ? ", already confirmed" : ""));
            throw DomainException.conflict("Child " + childId + ": " + why.get());
        }
        Instant now = Instants.now(clock);
        child.confirmConsent(caller.subject(), now);
        TimelineEntry.of(referralId, childId, "SHARING_CONSENT_CONFIRMED", now,
                "Consent to share with partners confirmed by the front door",
                Map.<String, Object>of("sharingConsent", child.sharingConsent.name()), null).persist();
        publish(referralId, child);
        audit.record("referral.sharing-consent.confirmed", referralId, "child " + childId + ": GIVEN, reported by "
                + child.sharingConsentRecordedBy);
        LOG.infof("Referral %s: consent to share of child %s confirmed", referralId, childId);
        return child;
    }

    private void publish(UUID referralId, ReferralChild child) {
        outbox.append(EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, referralId,
                new SharingConsentRecorded(referralId, child.id, true, ReferralReceivedEvent.consentOf(child))));
    }

    /** The child, locked for the change; not found without such a child, a conflict if not a young adult. */
    private ReferralChild youngAdultToLock(UUID referralId, UUID childId, String refusal) {
        ReferralChild child = ReferralChild.<ReferralChild>find("id = ?1 and referral.id = ?2", childId, referralId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Child " + childId + " of referral " + referralId));
        if (!child.youngAdult) {
            audit.recordRefused(refusal, referralId, "child " + childId + " is not a young adult");
        }
        child.requireYoungAdult(youngAdults.adultAge());
        return child;
    }
}
