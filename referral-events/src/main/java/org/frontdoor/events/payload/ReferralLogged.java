package org.frontdoor.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Payload of {@code referral.logged} (topic {@code referral-notices}): what the notification service needs of a new
 * referral, to acknowledge the referrer and plan the outcomes owed. The referrer's own contact details, since they
 * are who is told; the children as references, with only what lets a person tell them apart in a message (initials
 * and the month and year of birth): never a child's name, date of birth, NHS number, address, household or the
 * concern text (architecture.md, "Personal data per service"). Its JSON Schema refuses any other field, so a name
 * cannot be added by mistake.
 *
 * <p>Written by the referral service in the same transaction as its {@code referral.received}, built from it by
 * {@link #of(ReferralReceived)}, the one mapping.
 */
public record ReferralLogged(
        UUID referralId,
        Instant receivedAt,
        Instant acknowledgementDueBy,
        Referrer referrer,
        List<ChildRef> children,
        String reference) {

    /** A contact without a human reference (as events written before references were). */
    public ReferralLogged(UUID referralId, Instant receivedAt, Instant acknowledgementDueBy, Referrer referrer,
            List<ChildRef> children) {
        this(referralId, receivedAt, acknowledgementDueBy, referrer, children, null);
    }

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
     * @param initials the child's initials ("A.S."), so a message can name the child without their name; absent on
     *            older events
     * @param bornIn the month and year of birth, never the day; absent when unknown (or the child is unborn)
     * @param dueIn an unborn child's expected month and year of birth
     */
    public record ChildRef(UUID childId, int position, boolean youngAdult, SharingConsent sharingConsent,
            String initials, YearMonth bornIn, YearMonth dueIn) {

        /** A child by reference alone (as events written before initials were). */
        public ChildRef(UUID childId, int position, boolean youngAdult, SharingConsent sharingConsent) {
            this(childId, position, youngAdult, sharingConsent, null, null, null);
        }
    }

    /** The slim view of a full referral: the only place that decides what of it the notification service gets. */
    public static ReferralLogged of(ReferralReceived r) {
        ReferralReceived.Referrer who = r.referrer();
        Referrer referrer = who == null ? null
                : new Referrer(who.sourceCode(), who.kind(), who.organisationId(), who.organisationName(), who.name(),
                        who.email(), who.externalReference());
        List<ChildRef> children = r.children() == null ? List.of()
                : r.children().stream()
                        .map(c -> new ChildRef(c.childId(), c.position(), c.youngAdult(), c.sharingConsent(),
                                initials(c.firstName(), c.lastName()), monthOf(c.dateOfBirth()),
                                monthOf(c.expectedDateOfBirth())))
                        .toList();
        return new ReferralLogged(r.referralId(), r.receivedAt(), r.acknowledgementDueBy(), referrer, children,
                r.reference());
    }

    /**
     * The first letter of the first name and of the surname, each followed by a full stop ("A.S."); a name not
     * starting with a letter is left out; null when neither gives one.
     */
    static String initials(String firstName, String lastName) {
        String initials = initial(firstName) + initial(lastName);
        return initials.isEmpty() ? null : initials;
    }

    private static String initial(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int first = name.strip().codePointAt(0);
        return Character.isLetter(first) ? new String(Character.toChars(first)).toUpperCase(Locale.ROOT) + "." : "";
    }

    private static YearMonth monthOf(LocalDate date) {
        return date == null ? null : YearMonth.from(date);
    }

    /** The one reader of a {@code referral.logged}: what cannot be read is malformed. */
    public static ReferralLogged from(EventEnvelope event) {
        return PayloadReader.read(event, ReferralLogged.class);
    }
}
