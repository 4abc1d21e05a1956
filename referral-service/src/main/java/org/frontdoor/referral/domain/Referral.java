package org.frontdoor.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral (contact) as it was received, with the children it names. Never merged away or deleted. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "acknowledgement_due_by", nullable = false)
    public Instant acknowledgementDueBy;

    @Column(name = "source_code", nullable = false)
    public String sourceCode;

    @Column(name = "referrer_kind", nullable = false)
    public String referrerKind;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "organisation_name")
    public String organisationName;

    @Column(name = "referrer_name")
    public String referrerName;

    @Column(name = "referrer_role")
    public String referrerRole;

    @Column(name = "referrer_email")
    public String referrerEmail;

    @Column(name = "referrer_phone")
    public String referrerPhone;

    @Column(name = "external_reference")
    public String externalReference;

    /** The contact's short human reference ({@link IntakeQueries}); null for a contact taken before them. */
    @Column(name = "reference")
    public String reference;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_role", nullable = false)
    public String submittedRole;

    @Column(name = "concern_summary", nullable = false)
    public String concernSummary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "indicators", nullable = false)
    public List<String> indicators = new ArrayList<>();

    @Column(name = "immediate_risk", nullable = false)
    public boolean immediateRisk;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "household_members", nullable = false)
    public List<HouseholdMember> householdMembers = new ArrayList<>();

    @Column(name = "family_aware", nullable = false)
    public boolean familyAware;

    @Column(name = "consent_given", nullable = false)
    public boolean consentGiven;

    @Column(name = "reason_without_consent")
    public String reasonWithoutConsent;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ReferralStatus status;

    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<ReferralChild> children = new ArrayList<>();

    /** A household member as the referrer named them. */
    public record HouseholdMember(String name, String relationship) {
    }

    /**
     * Overall status, derived from the children's: the least advanced child sets it. One statement, set in place,
     * for any number of contacts (parameter 1: their ids, a text array), written from
     * {@link ChildStatus#referralStatus()} so the rule stays there.
     */
    static final String REFRESH_STATUS_SQL = "update referral r set status = coalesce((select (array["
            + java.util.Arrays.stream(ReferralStatus.values()).map(s -> "'" + s.name() + "'")
                    .collect(java.util.stream.Collectors.joining(", "))
            + "])[min(case c.status "
            + java.util.Arrays.stream(ChildStatus.values())
                    .map(c -> "when '" + c.name() + "' then " + c.referralStatus().ordinal())
                    .collect(java.util.stream.Collectors.joining(" "))
            + " end) + 1] from referral_child c where c.referral_id = r.id), '" + ReferralStatus.RECEIVED.name()
            + "') where r.id = any(cast(?1 as uuid[]))";
}
