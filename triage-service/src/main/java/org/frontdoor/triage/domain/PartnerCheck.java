package org.frontdoor.triage.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check with a partner agency during triage: who was asked, when, and what was found. */
@Entity
@Table(name = "partner_check")
public class PartnerCheck extends PanacheEntityBase {

    public static final List<String> AGENCIES = List.of("POLICE", "HEALTH", "EDUCATION", "OTHER");

    @Id
    public UUID id;

    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(nullable = false)
    public String agency;

    public String organisation;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(nullable = false)
    public String findings;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<PartnerCheck> forItem(UUID itemId) {
        return list("triageItemId = ?1 order by checkedAt, recordedAt", itemId);
    }

    /** The agency to inform at closure: its organisation when named, else the kind of agency. */
    public String partnerAgency() {
        return organisation != null ? organisation : agency;
    }
}
