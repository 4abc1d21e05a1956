package org.frontdoor.referral.messaging;

import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.referral.domain.Caller;
import org.frontdoor.referral.domain.ChildMatcher;
import org.frontdoor.referral.domain.Referral;
import org.frontdoor.referral.domain.ReferralChild;

/**
 * Builds the {@code referral.received} payload: all that triage needs, nothing to call back for. The notification
 * service gets its slim {@code referral.logged} view ({@code ReferralLogged.of}) instead.
 */
public final class ReferralReceivedEvent {

    private ReferralReceivedEvent() {
    }

    public static ReferralReceived payloadOf(Referral referral, Caller caller, Map<UUID, ChildMatcher.Match> matches) {
        return new ReferralReceived(
                referral.id,
                referral.receivedAt,
                referral.acknowledgementDueBy,
                new ReferralReceived.Referrer(referral.sourceCode, referral.referrerKind, referral.organisationId,
                        referral.organisationName, referral.referrerName, referral.referrerRole, referral.referrerEmail,
                        referral.referrerPhone, referral.externalReference),
                new ReferralReceived.Submitter(caller.subject(), caller.submittingRole(), caller.organisation()),
                referral.children.stream().map(c -> child(c, matches.get(c.id))).toList(),
                referral.householdMembers.stream()
                        .map(m -> new ReferralReceived.HouseholdMember(m.name(), m.relationship()))
                        .toList(),
                new ReferralReceived.Concerns(referral.concernSummary, referral.indicators, referral.immediateRisk),
                new ReferralReceived.Consent(referral.familyAware, referral.consentGiven,
                        referral.reasonWithoutConsent),
                referral.reference);
    }

    private static ReferralReceived.Child child(ReferralChild c, ChildMatcher.Match match) {
        return new ReferralReceived.Child(c.id, c.position, c.knownChildId, c.firstName, c.lastName, c.dateOfBirth,
                c.expectedDateOfBirth, c.gender, c.nhsNumber,
                new ReferralReceived.Address(c.addressLine1, c.addressLine2, c.town, c.postcode), c.school,
                new ReferralReceived.PriorInvolvement(c.referralsLast12Months, c.reReferral,
                        c.sameDayFirstReferralId, c.openCaseId, match == null ? null : match.openCaseWorker(),
                        c.contactsLast12Months),
                c.careLeaver, c.youngAdult, consentOf(c));
    }

    /** The child's consent as events carry it, with whether it is confirmed (only then does GIVEN count). */
    public static SharingConsent consentOf(ReferralChild c) {
        return c.sharingConsent == SharingConsentStatus.NOT_RECORDED ? SharingConsent.NOT_RECORDED
                : new SharingConsent(c.sharingConsent, c.sharingConsentRecordedBy, c.sharingConsentRecordedAt,
                        c.consentConfirmed());
    }
}
