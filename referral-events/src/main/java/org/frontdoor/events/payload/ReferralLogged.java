package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Payload of {@code referral.logged} (topic {@code referral-notices}): what the notification service needs of a new
 * referral, to acknowledge the referrer and plan the outcomes owed. The referrer's own contact details, since they
 * are who is told; the children as references only: never a child's name, date of birth, NHS number, address,
 * household or the concern text (architecture.md, "Personal data per service"). Its JSON Schema refuses any other
 * field, so a name cannot be added by mistake.
 *
 * <p>Written by the referral service in the same transaction as its {@code referral.received}, built from it by
 * {@link #of(ReferralReceived)}, the one mapping.
 */
public record ReferralLogged(
        UUID referralId,
        Instant receivedAt,
        Instant acknowledgementDueBy,
        Referrer referrer,
        List<ChildRef> children) {

    /**
     * Who raised the concern and how to reach them. {@code kind} is PROFESSIONAL, INDIVIDUAL, ANONYMOUS or UNKNOWN
     * (from the source code) and decides what they may be told; an anonymous referrer has no identity fields.
     */
    public record Referrer(String sourceCode, String kind, String organisationId, String organisationName,
            String name, String email, String externalReference) {
    }

    /**
     * A child by reference, with the facts the sharing rule needs.
     *
     * @param youngAdult 18 or over on the contact's date (referral-service's age rule): nothing beyond receipt goes
     *            to a partner without their consent
     * @param sharingConsent the young adult's consent to share as recorded with the contact; later changes travel as
     *            {@code referral.consent-recorded}
     */
    public record ChildRef(UUID childId, int position, boolean youngAdult, SharingConsent sharingConsent) {
    }

    /** The slim view of a full referral: the only place that decides what of it the notification service gets. */
    public static ReferralLogged of(ReferralReceived r) {
        ReferralReceived.Referrer who = r.referrer();
        Referrer referrer = who == null ? null
                : new Referrer(who.sourceCode(), who.kind(), who.organisationId(), who.organisationName(), who.name(),
                        who.email(), who.externalReference());
        List<ChildRef> children = r.children() == null ? List.of()
                : r.children().stream()
                        .map(c -> new ChildRef(c.childId(), c.position(), c.youngAdult(), c.sharingConsent()))
                        .toList();
        return new ReferralLogged(r.referralId(), r.receivedAt(), r.acknowledgementDueBy(), referrer, children);
    }

    /** The one reader of a {@code referral.logged}: what cannot be read is malformed. */
    public static ReferralLogged from(EventEnvelope event) {
        return PayloadReader.read(event, ReferralLogged.class);
    }
}
