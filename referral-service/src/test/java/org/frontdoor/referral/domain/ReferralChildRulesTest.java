package org.frontdoor.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.security.Roles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules a contact's child keeps itself, without a database: how it is named, matched and consents. */
class ReferralChildRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00.123456789Z");
    private static final Caller FRONT_DOOR = new Caller("fd-sam-lee", Set.of(Roles.FRONT_DOOR), null);
    private static final Caller PARTNER = new Caller("hillside-system", Set.of(Roles.PARTNER), "hillside-primary");

    @Nested
    class Named {

        @Test
        void isNormalisedForMatchingAndReceived() {
            ReferralChild child = ReferralChild.named(new Referral(), 1, new ReferralCommand.Child(" ", " Smith ",
                    null, LocalDate.of(2027, 3, 1), "U", null, new ReferralCommand.Address("1 High St", " ",
                            "Doncaster", "dn1 1aa"), " ", true, null, null));
            assertEquals(1, child.position);
            assertNull(child.firstName, "a blank first name is none");
            assertEquals("Smith", child.lastName);
            assertEquals(Surname.key("Smith"), child.surnameKey);
            assertEquals(LocalDate.of(2027, 3, 1), child.expectedDateOfBirth);
            assertEquals("DN1 1AA", child.postcode);
            assertNull(child.addressLine2);
            assertNull(child.school);
            assertTrue(child.careLeaver);
            assertEquals(ChildStatus.RECEIVED, child.status);
        }

        @Test
        void aBornChildHasNoExpectedDateOfBirth() {
            ReferralChild child = ReferralChild.named(new Referral(), 0, new ReferralCommand.Child("Amy", "Smith",
                    LocalDate.of(2016, 4, 2), LocalDate.of(2027, 3, 1), "F", "943 476 5919", null, null, null, null,
                    null));
            assertNull(child.expectedDateOfBirth);
            assertEquals("9434765919", child.nhsNumber);
            assertFalse(child.careLeaver, "absent is not a care leaver");
        }
    }

    @Test
    void takesWhatMatchingFound() {
        ReferralChild child = new ReferralChild();
        UUID known = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID openCase = UUID.randomUUID();
        child.matched(new ChildMatcher.Match(known, 2, true, first, openCase, "sw-5", 3));
        assertEquals(known, child.knownChildId);
        assertEquals(2, child.referralsLast12Months);
        assertTrue(child.reReferral);
        assertEquals(first, child.sameDayFirstReferralId);
        assertEquals(openCase, child.openCaseId);
        assertEquals(3, child.contactsLast12Months);
    }

    @Nested
    class MatchKeys {

        @Test
        void exactNamesAndDateOfBirthAreAKeyWithoutThePostcodeAfterTheNhsNumberAndTheAddress() {
            assertEquals(List.of("nhs:9434765919", "demo:SMITH|AMY|2016-04-02|DN11AA", "name:SMITH|AMY|2016-04-02"),
                    ChildMatcher.keysOf(child(" amy", "9434765919", "DN1 1AA")));
            assertEquals(List.of("name:SMITH|AMY|2016-04-02"), ChildMatcher.keysOf(child("Amy", null, null)),
                    "no address: still known by names and date of birth");
        }

        @Test
        void twinsHaveTwoNameKeysAndAChildWithoutAFirstNameNone() {
            assertNotEquals(ChildMatcher.keysOf(child("Amy", null, "DN1 1AA")),
                    ChildMatcher.keysOf(child("Ben", null, "DN1 1AA")));
            assertEquals(List.of("demo:SMITH|2016-04-02|DN11AA"), ChildMatcher.keysOf(child(null, null, "DN1 1AA")));
        }

        private ReferralChild child(String firstName, String nhs, String postcode) {
            return ReferralChild.named(new Referral(), 0, new ReferralCommand.Child(firstName, "Smith",
                    LocalDate.of(2016, 4, 2), null, "F", nhs, postcode == null ? null
                            : new ReferralCommand.Address("1 High St", null, "Doncaster", postcode),
                    null, null, null, null));
        }
    }

    @Nested
    class Consent {

        @Test
        void staffsWordConfirmsGivenAtOnce() {
            ReferralChild child = youngAdult();
            child.recordConsent(new SharingConsentCommand(SharingConsentStatus.GIVEN, null, null), FRONT_DOOR, NOW);
            assertEquals("fd-sam-lee", child.sharingConsentRecordedBy, "recorded by the caller by default");
            assertEquals(NOW, child.sharingConsentRecordedAt);
            assertTrue(child.consentConfirmed());
            assertFalse(child.progressWithheldFromReferrer());
            assertTrue(child.whyNotConfirmable().orElseThrow().contains("already confirmed by fd-sam-lee"));
        }

        @Test
        void aPartnersReportWaitsForConfirmation() {
            ReferralChild child = youngAdult();
            child.recordConsent(new SharingConsentCommand(SharingConsentStatus.GIVEN, " J. Patel ", NOW), PARTNER,
                    NOW);
            assertEquals("J. Patel", child.sharingConsentRecordedBy);
            assertEquals(Instant.parse("2026-11-23T10:15:00.123456Z"), child.sharingConsentRecordedAt,
                    "kept to the microsecond, as the database keeps it");
            assertFalse(child.consentConfirmed());
            assertTrue(child.progressWithheldFromReferrer());
            assertTrue(child.whyNotConfirmable().isEmpty());
            child.confirmConsent("fd-sam-lee", NOW);
            assertTrue(child.consentConfirmed());
        }

        @Test
        void refusedHasNothingToConfirm() {
            ReferralChild child = youngAdult();
            child.recordConsent(new SharingConsentCommand(SharingConsentStatus.REFUSED, null, null), FRONT_DOOR, NOW);
            assertTrue(child.whyNotConfirmable().orElseThrow().contains("consent to share is REFUSED"));
            assertThrows(IllegalStateException.class, () -> child.confirmConsent("fd-sam-lee", NOW));
        }

        @Test
        void onlyAYoungAdultConsents() {
            youngAdult().requireYoungAdult(18);
            ReferralChild child = new ReferralChild();
            child.id = UUID.randomUUID();
            DomainException.Conflict refused = assertThrows(DomainException.Conflict.class,
                    () -> child.requireYoungAdult(18));
            assertTrue(refused.getMessage().contains("was under 18"), refused.getMessage());
        }

        private ReferralChild youngAdult() {
            ReferralChild child = new ReferralChild();
            child.id = UUID.randomUUID();
            child.youngAdult = true;
            return child;
        }
    }
}
