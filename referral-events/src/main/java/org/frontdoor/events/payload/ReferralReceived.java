package org.frontdoor.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Payload of {@code referral.received}: everything triage and notification need, so neither
 * has to call back into the referral service.
 *
 * @param reference the contact's short human reference (such as {@code FD-2026-004213}), assigned at intake: what
 *        people quote. Absent on events of contacts taken before references existed
 */
public record ReferralReceived(
        UUID referralId,
        Instant receivedAt,
        Instant acknowledgementDueBy,
        Referrer referrer,
        Submitter submittedBy,
        List<Child> children,
        List<HouseholdMember> householdMembers,
        Concerns concerns,
        Consent consent,
        String reference) {

    /** A contact without a human reference (as events written before references were). */
    public ReferralReceived(UUID referralId, Instant receivedAt, Instant acknowledgementDueBy, Referrer referrer,
            Submitter submittedBy, List<Child> children, List<HouseholdMember> householdMembers, Concerns concerns,
            Consent consent) {
        this(referralId, receivedAt, acknowledgementDueBy, referrer, submittedBy, children, householdMembers,
                concerns, consent, null);
    }

    /**
     * Who raised the concern. {@code kind} is PROFESSIONAL, INDIVIDUAL, ANONYMOUS or UNKNOWN
     * (from the source code) and decides what they may be told. An anonymous referrer has no
     * identity fields. {@code organisationId} is the partner's {@code org} claim when a partner
     * system submitted it.
     */
    public record Referrer(String sourceCode, String kind, String organisationId, String organisationName,
            String name, String role, String email, String phone, String externalReference) {
    }

    /** Who keyed it in: a partner system or a front-door worker. */
    public record Submitter(String subject, String role, String organisationId) {
    }

    /**
     * @param careLeaver the referrer says the young person is a care leaver (the front door takes those up to 25)
     * @param youngAdult 18 or over on the contact's date, by referral-service's configured age rule: nothing about
     *            them beyond receipt may go to a partner without their consent (notification's SharingPolicy)
     * @param sharingConsent the young adult's consent to share as recorded with the contact; NOT_RECORDED otherwise.
     *            Later changes travel as {@code referral.consent-recorded}
     */
    public record Child(UUID childId, int position, UUID knownChildId, String firstName, String lastName,
            LocalDate dateOfBirth, LocalDate expectedDateOfBirth, String gender, String nhsNumber, Address address,
            String school, PriorInvolvement priorInvolvement, boolean careLeaver, boolean youngAdult,
            SharingConsent sharingConsent) {
    }

    public record Address(String line1, String line2, String town, String postcode) {
    }

    /**
     * What the front door already knew of the child when the referral arrived.
     *
     * @param referralsInLast12Months earlier referrals (contacts that became referrals) on earlier days within 12 months
     * @param reReferral true when there was one: should this contact become a referral, it is a re-referral
     * @param sameDayFirstReferralId the first contact of the same day about this child, if this is a later one
     * @param openCaseId the child's open case, if any: its lead worker is told; the contact is screened all the same
     * @param contactsInLast12Months earlier contacts about the child (any outcome) on earlier days within 12 months
     */
    public record PriorInvolvement(int referralsInLast12Months, boolean reReferral, UUID sameDayFirstReferralId,
            UUID openCaseId, String openCaseWorker, int contactsInLast12Months) {
    }

    public record HouseholdMember(String name, String relationship) {
    }

    public record Concerns(String summary, List<String> indicators, boolean immediateRisk) {
    }

    public record Consent(boolean familyAware, boolean consentGiven, String reasonWithoutConsent) {
    }

    /** The one reader of a {@code referral.received}: what cannot be read is malformed. */
    public static ReferralReceived from(EventEnvelope event) {
        return PayloadReader.read(event, ReferralReceived.class);
    }
}
