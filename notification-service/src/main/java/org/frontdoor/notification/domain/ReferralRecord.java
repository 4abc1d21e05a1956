package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who referred, and how to reach them: what feedback needs of a {@code referral.logged}. */
@Entity
@Table(name = "referral_record")
public class ReferralRecord extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

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

    @Column(name = "referrer_email")
    public String referrerEmail;

    @Column(name = "external_reference")
    public String externalReference;

    /** The contact's short human reference (FD-2026-004213); null for a contact logged before references. */
    @Column(name = "reference")
    public String reference;

    @Column(name = "acknowledgement_due_by", nullable = false)
    public Instant acknowledgementDueBy;

    @Column(name = "child_count", nullable = false)
    public int childCount;

    /** What messages quote as our reference: the human reference, else (an older contact) the id's short form. */
    public String quotedReference() {
        return reference != null ? reference : MessageComposer.shortReference(referralId);
    }

    public boolean isProfessional() {
        return "PROFESSIONAL".equals(referrerKind);
    }
}
