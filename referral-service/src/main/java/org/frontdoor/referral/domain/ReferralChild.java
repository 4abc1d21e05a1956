package org.frontdoor.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.validation.Text;

/**
 * One child named in a contact, with what was known of them on arrival and where they stand now,
 * including whether the child's contact became a referral.
 */
@Entity
@Table(name = "referral_child")
public class ReferralChild extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id")
    public Referral referral;

    @Column(nullable = false)
    public int position;

    @Column(name = "known_child_id", nullable = false)
    public UUID knownChildId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "surname_key", nullable = false)
    public String surnameKey;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "expected_date_of_birth")
    public LocalDate expectedDateOfBirth;

    @Column(nullable = false)
    public String gender;

    @Column(name = "nhs_number")
    public String nhsNumber;

    @Column(name = "address_line1")
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    public String town;

    public String postcode;

    @Column(name = "postcode_key")
    public String postcodeKey;

    public String school;

    /** Earlier referrals (contacts that became referrals) of the child, on earlier days, within 12 months. */
    @Column(name = "referrals_last_12_months", nullable = false)
    public int referralsLast12Months;

    /** Earlier contacts about the child, whatever their outcome, on earlier days, within 12 months. */
    @Column(name = "contacts_last_12_months", nullable = false)
    public int contactsLast12Months;

    @Column(name = "re_referral", nullable = false)
    public boolean reReferral;

    @Column(name = "same_day_first_referral_id")
    public UUID sameDayFirstReferralId;

    @Column(name = "open_case_id")
    public UUID openCaseId;

    /** The open case's pathway, as triage reported it when it queued the contact. */
    @Enumerated(EnumType.STRING)
    @Column(name = "open_case_pathway")
    public Pathway openCasePathway;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChildStatus status;

    public Integer level;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    /** The decision was statutory and made the contact a referral (CIN census). */
    @Column(name = "became_referral", nullable = false)
    public boolean becameReferral;

    /** CIN referral date: the contact's date, once it became a referral. */
    @Column(name = "referral_date")
    public LocalDate referralDate;

    @Column(name = "referrer_feedback")
    public String referrerFeedback;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "case_closed_at")
    public Instant caseClosedAt;

    /** The referrer said the young person is a care leaver. */
    @Column(name = "care_leaver", nullable = false)
    public boolean careLeaver;

    /** A young adult on the contact's date, by {@link YoungAdultRule}: decided once, at the contact. */
    @Column(name = "young_adult", nullable = false)
    public boolean youngAdult;

    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_consent", nullable = false)
    public SharingConsentStatus sharingConsent = SharingConsentStatus.NOT_RECORDED;

    /** Who recorded the consent (a worker's name or sign-in), never the young person. */
    @Column(name = "sharing_consent_recorded_by")
    public String sharingConsentRecordedBy;

    @Column(name = "sharing_consent_recorded_at")
    public Instant sharingConsentRecordedAt;

    /** Who confirmed consent GIVEN (front door or team manager); null until then, and for any other status. */
    @Column(name = "sharing_consent_confirmed_by")
    public String sharingConsentConfirmedBy;

    @Column(name = "sharing_consent_confirmed_at")
    public Instant sharingConsentConfirmedAt;

    /**
     * The known child the sender attached the child to, found by a search of children: matching links the child to
     * it instead of matching by keys. Not kept: {@link #knownChildId} says what the child was linked to.
     */
    @Transient
    public UUID childKey;

    /** A child as the contact names them, received: names, dates, NHS number and address normalised for matching. */
    public static ReferralChild named(Referral referral, int position, ReferralCommand.Child in) {
        ReferralChild child = new ReferralChild();
        child.id = UUID.randomUUID();
        child.referral = referral;
        child.position = position;
        child.firstName = Text.blankToNull(in.firstName());
        child.lastName = in.lastName().strip();
        child.surnameKey = Surname.key(child.lastName);
        child.dateOfBirth = in.dateOfBirth();
        child.expectedDateOfBirth = in.dateOfBirth() == null ? in.expectedDateOfBirth() : null;
        child.gender = in.gender();
        child.nhsNumber = NhsNumber.normalise(in.nhsNumber());
        if (in.address() != null) {
            child.addressLine1 = Text.blankToNull(in.address().line1());
            child.addressLine2 = Text.blankToNull(in.address().line2());
            child.town = Text.blankToNull(in.address().town());
            child.postcode = Postcode.normalise(in.address().postcode());
            child.postcodeKey = Postcode.key(child.postcode);
        }
        child.school = Text.blankToNull(in.school());
        child.careLeaver = Boolean.TRUE.equals(in.careLeaver());
        child.childKey = in.childKey();
        child.status = ChildStatus.RECEIVED;
        return child;
    }

    /** What the front door knew of the child when the contact arrived, as matching found it. */
    public void matched(ChildMatcher.Match match) {
        knownChildId = match.knownChildId();
        referralsLast12Months = match.referralsInLast12Months();
        reReferral = match.reReferral();
        contactsLast12Months = match.contactsInLast12Months();
        sameDayFirstReferralId = match.sameDayFirstReferralId();
        openCaseId = match.openCaseId();
    }

    /**
     * Consent to share is recorded only for a young adult (decided at the contact).
     *
     * @throws DomainException.Conflict for anyone else: there is nothing to consent to
     */
    public void requireYoungAdult(int adultAge) {
        if (!youngAdult) {
            throw DomainException.conflict("Child " + id + " was under " + adultAge + " on the contact's date: consent"
                    + " to share is recorded only for a young adult");
        }
    }

    /**
     * The consent as {@code caller} records it now: recorded by whom the command says (else the caller), when it says
     * (else now); staff's word confirms GIVEN at once, a partner system's is a report that waits for
     * {@link #confirmConsent}.
     */
    public void recordConsent(SharingConsentCommand consent, Caller caller, Instant now) {
        recordConsent(consent.status(),
                Text.blankToNull(consent.recordedBy()) != null ? consent.recordedBy().strip() : caller.subject(),
                consent.recordedAt() != null ? consent.recordedAt().truncatedTo(ChronoUnit.MICROS) : now,
                caller.isPartner() ? null : caller.subject(), now);
    }

    /**
     * A young adult who has not given consent, or whose consent only the partner reported: the referrer may know
     * only that the contact was received (the shared rule, {@link SharingConsentStatus#mayShareBeyondReceipt},
     * which notification applies to messages).
     */
    public boolean progressWithheldFromReferrer() {
        return !SharingConsentStatus.mayShareBeyondReceipt(youngAdult, sharingConsent, consentConfirmed());
    }

    public boolean consentConfirmed() {
        return sharingConsent == SharingConsentStatus.GIVEN && sharingConsentConfirmedAt != null;
    }

    /**
     * The consent as someone records it now: {@code confirmedBy} when the recorder is staff (their word is the
     * confirmation), null when a partner system reports it, which then waits for {@link #confirmConsent}.
     */
    public void recordConsent(SharingConsentStatus status, String recordedBy, Instant recordedAt, String confirmedBy,
            Instant now) {
        sharingConsent = status;
        sharingConsentRecordedBy = recordedBy;
        sharingConsentRecordedAt = recordedAt;
        boolean confirmed = status == SharingConsentStatus.GIVEN && confirmedBy != null;
        sharingConsentConfirmedBy = confirmed ? confirmedBy : null;
        sharingConsentConfirmedAt = confirmed ? now : null;
    }

    /** Why there is nothing to confirm, or empty: only consent GIVEN, by a partner's report, not yet confirmed. */
    public Optional<String> whyNotConfirmable() {
        if (sharingConsent != SharingConsentStatus.GIVEN) {
            return Optional.of("consent to share is " + sharingConsent + ": there is nothing to confirm"
                    + " (record the young person's consent first)");
        }
        if (sharingConsentConfirmedAt != null) {
            return Optional.of("consent to share was already confirmed by " + sharingConsentConfirmedBy
                    + " at " + sharingConsentConfirmedAt);
        }
        return Optional.empty();
    }

    /** The front door or a team manager confirms the consent a partner reported. */
    public void confirmConsent(String by, Instant now) {
        if (whyNotConfirmable().isPresent()) {
            throw new IllegalStateException("child " + id + ": " + whyNotConfirmable().get());
        }
        sharingConsentConfirmedBy = by;
        sharingConsentConfirmedAt = now;
    }

    public RecordType recordType() {
        return RecordType.of(becameReferral);
    }
}
