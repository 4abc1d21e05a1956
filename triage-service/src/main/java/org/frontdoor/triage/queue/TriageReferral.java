package org.frontdoor.triage.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.payload.ReferralReceived;

/** The referral as triage received it: what the worker reads on each child's item. */
@Entity
@Table(name = "triage_referral")
public class TriageReferral extends PanacheEntityBase {

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

    /** The contact's short human reference (FD-2026-004213); null for a contact received before references. */
    @Column(name = "reference")
    public String reference;

    @Column(name = "immediate_risk", nullable = false)
    public boolean immediateRisk;

    @Column(nullable = false)
    public String payload;

    public ReferralReceived content() {
        try {
            return EventJson.mapper().readValue(payload, ReferralReceived.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored referral " + referralId + " is unreadable", e);
        }
    }

    /**
     * The partner organisation to inform about this referral's child, by its id (an API partner's org claim, or the
     * directory's id keyed in with a professional's phone referral), or null: only a professional referrer is an
     * agency, an individual's identity is never passed on, and a typed organisation name is never a recipient.
     */
    public String partnerAgency() {
        return "PROFESSIONAL".equals(referrerKind) ? organisationId : null;
    }
}
