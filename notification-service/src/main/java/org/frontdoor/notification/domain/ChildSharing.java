package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.codes.SharingConsentStatus;

/** What {@link SharingPolicy} decides on for one child: a young adult or not, and their consent to share. */
@Entity
@Table(name = "child_sharing")
public class ChildSharing extends PanacheEntityBase {

    @Id
    @Column(name = "child_id")
    public UUID childId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "young_adult", nullable = false)
    public boolean youngAdult;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SharingConsentStatus consent;

    /** GIVEN confirmed by the front door or a team manager (referral-service's consent.confirmed). */
    @Column(name = "consent_confirmed", nullable = false)
    public boolean consentConfirmed;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;
}
