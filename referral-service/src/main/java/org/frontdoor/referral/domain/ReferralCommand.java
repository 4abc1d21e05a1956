package org.frontdoor.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contact to record, as intake takes it: what a partner system or the front door sent, not yet checked against the
 * rules ({@link ReferralValidator} says what breaks them). The same fields, in the same order, as the API's request,
 * so that its JSON (the hash an {@code Idempotency-Key} is kept with) is the request's.
 */
public record ReferralCommand(Referrer referrer, List<Child> children, List<HouseholdMember> householdMembers,
        Concerns concerns, Consent consent) {

    public record Referrer(String sourceCode, String organisationName, String organisationId, String name,
            String role, String email, String phone, String externalReference) {
    }

    public record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
            String gender, String nhsNumber, Address address, String school, Boolean careLeaver,
            SharingConsentCommand sharingConsent, UUID childKey) {
    }

    public record Address(String line1, String line2, String town, String postcode) {
    }

    public record HouseholdMember(String name, String relationship) {
    }

    public record Concerns(String summary, List<String> indicators, Boolean immediateRisk) {
    }

    public record Consent(Boolean familyAware, Boolean consentGiven, String reasonWithoutConsent) {
    }
}
