package org.frontdoor.triage.sharing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;

/** A question the MASH asked a partner organisation about a contact's children, and the organisation's answer. */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    /** The organisation asked: its id in the partner directory. */
    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InformationRequestStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(nullable = false)
    public Instant deadline;

    /** What the organisation holds (ANSWERED). */
    public String findings;

    /** Why it will not answer (DECLINED). */
    @Column(name = "declined_reason")
    public String declinedReason;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The organisation's system (token subject) that answered. */
    @Column(name = "answered_by")
    public String answeredBy;

    /** When the organisation was reminded, once the deadline passed. */
    @Column(name = "chased_at")
    public Instant chasedAt;
}
