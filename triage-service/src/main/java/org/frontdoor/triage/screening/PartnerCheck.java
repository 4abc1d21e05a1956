package org.frontdoor.triage.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.AgencyType;

/** A check with a partner agency during triage: who was asked, when, and what was found. */
@Entity
@Table(name = "partner_check")
public class PartnerCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyType agency;

    /** Its id in the partner directory; empty only on checks recorded before the directory was checked. */
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

    /** A check recorded on an item now, by {@code recordedBy}: the agency is the organisation's unless named. */
    public static PartnerCheck record(UUID itemId, String organisation, AgencyType agency, String contactName,
            Instant checkedAt, String findings, String recordedBy, Instant now) {
        PartnerCheck c = new PartnerCheck();
        c.id = UUID.randomUUID();
        c.triageItemId = itemId;
        c.organisation = organisation;
        c.agency = agency;
        c.contactName = contactName;
        c.checkedAt = checkedAt;
        c.findings = findings;
        c.recordedBy = recordedBy;
        c.recordedAt = now;
        return c;
    }

    public static List<PartnerCheck> forItem(UUID itemId) {
        return list("triageItemId = ?1 order by checkedAt, recordedAt", itemId);
    }

    /** The organisation to inform at closure; a check recorded before the directory was checked may name none. */
    public String partnerAgency() {
        return organisation != null ? organisation : agency.name();
    }
}
