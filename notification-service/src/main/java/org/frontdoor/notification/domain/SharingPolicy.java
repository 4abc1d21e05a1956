package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.SharingConsent;

/**
 * Where this service applies the sharing rule ({@link SharingConsentStatus#mayShareBeyondReceipt}, shared with
 * referral-service; domain.md, "Feedback rules": a care leaver aged 18+ must have given explicit consent before
 * anything about them is shared) to messages. A young adult
 * without consent GIVEN and confirmed by the front door (a partner system's own report is not enough): the referrer is still acknowledged (the acknowledgement names children by position and
 * id only, no case detail), but their outcome and case changes go to no one; they are kept as
 * {@link NotificationStatus#WITHHELD_NO_CONSENT} with the reason and sent once consent is given.
 * <p>
 * Who is a young adult is referral-service's rule ({@code frontdoor.referral.young-adult.*}): it alone has the date
 * of birth, and it sends {@code youngAdult}. A child this service has no facts for (an event from before the rule)
 * is not a young adult. {@link NotificationPlanner} and {@link RetryService} ask this before any message becomes
 * PENDING; the dispatcher sends only PENDING messages.
 */
@ApplicationScoped
public class SharingPolicy {

    static final String NOT_RECORDED = "Young adult (18+): no consent to share with partners has been recorded";
    static final String REFUSED = "Young adult (18+): refused consent to share with partners";
    static final String UNCONFIRMED = "Young adult (18+): consent to share reported by the referrer, not yet"
            + " confirmed by the front door";

    @Inject
    SharingQueries queries;

    /**
     * Why a message of this kind about this child must be held back; empty when it may go. Locks the child's facts
     * until the caller's transaction ends: a decision and a consent recorded at the same moment (two consumers)
     * then take turns, so the message planned by one is seen by the other and never stays held back, or held for
     * an old reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> withholdReason(UUID childId, Kind kind) {
        if (childId == null || kind == Kind.ACKNOWLEDGEMENT) {
            return Optional.empty(); // "received", and nothing about any one child's case
        }
        ChildSharing facts = ChildSharing.findById(childId, LockModeType.PESSIMISTIC_WRITE);
        if (facts == null || SharingConsentStatus.mayShareBeyondReceipt(facts.youngAdult, facts.consent,
                facts.consentConfirmed)) {
            return Optional.empty();
        }
        return Optional.of(switch (facts.consent) {
            case REFUSED -> REFUSED;
            case GIVEN -> UNCONFIRMED;
            case NOT_RECORDED -> NOT_RECORDED;
        });
    }

    /**
     * Records the facts of a child as of an event; a later event wins, so a redelivered referral.logged never
     * undoes consent recorded after it. True when they changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(UUID childId, UUID referralId, boolean youngAdult, SharingConsent consent, Instant asOf) {
        SharingConsentStatus status = consent == null || consent.status() == null ? SharingConsentStatus.NOT_RECORDED
                : consent.status();
        boolean confirmed = status == SharingConsentStatus.GIVEN && consent.confirmed();
        return queries.upsert(childId, referralId, youngAdult, status, confirmed, asOf);
    }
}
