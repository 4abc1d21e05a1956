package org.frontdoor.triage.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The s17 assessment of a referral (a child's CIN episode): started, authorised, the factors found at its end. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The referral, as the triage item of the child's contact that became one. */
    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    /** The statutory timescale: working days from the referral date (45 by default). */
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "child_seen")
    public Boolean childSeen;

    @Column(name = "authorised_on")
    public LocalDate authorisedOn;

    /** CIN assessment factor codes, once authorised. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> factors = new ArrayList<>();

    @Column(name = "requires_support")
    public Boolean requiresSupport;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static List<Assessment> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by startedOn, recordedAt", triageItemId);
    }
}
