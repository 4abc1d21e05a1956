package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.events.codes.AgencyType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organisation of the partner directory, by the id its systems carry in the token's {@code org} claim. Never
 * deleted, only deactivated, and versioned, so it can be published to other services later.
 */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_type", nullable = false)
    public AgencyType agencyType;

    /** The CIN census referral source code (professional kinds only). */
    @Column(name = "cin_source_code", nullable = false)
    public String cinSourceCode;

    /** Addresses for secure email, in the order given; may be empty (then only a webhook or a task). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact_emails", nullable = false)
    public List<String> contactEmails = new ArrayList<>();

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public List<String> emails() {
        return contactEmails == null ? List.of() : List.copyOf(contactEmails);
    }

    @Override
    public String toString() {
        // ids only: contact addresses stay out of logs
        return "PartnerOrganisation[" + id + ", v" + version + (active ? "" : ", inactive") + "]";
    }
}
