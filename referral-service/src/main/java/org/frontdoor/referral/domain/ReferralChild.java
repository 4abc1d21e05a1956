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
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One child named in a referral, with what was known of them on arrival and where they stand now. */
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

    @Column(name = "referrals_last_12_months", nullable = false)
    public int referralsLast12Months;

    @Column(name = "re_referral", nullable = false)
    public boolean reReferral;

    @Column(name = "same_day_first_referral_id")
    public UUID sameDayFirstReferralId;

    @Column(name = "open_case_id")
    public UUID openCaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChildStatus status;

    public Integer level;

    public String outcome;

    @Column(name = "referrer_feedback")
    public String referrerFeedback;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "case_closed_at")
    public Instant caseClosedAt;
}
