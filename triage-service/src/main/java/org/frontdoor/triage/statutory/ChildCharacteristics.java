package org.frontdoor.triage.statutory;

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

/**
 * What the CIN census and Annex A say about a child, once per child the front door knows ({@link #childKey}: the
 * referral service's known child, else the child of one contact). Seeded at intake from the contact; the MASH
 * completes and corrects it. Codes are the DfE's, as text.
 */
@Entity
@Table(name = "child_characteristics")
public class ChildCharacteristics extends PanacheEntityBase {

    @Id
    @Column(name = "child_key")
    public UUID childKey;

    /** The census LAchildID: "FD" and a number, letters and digits only, at most 20. */
    @Column(name = "la_child_id", nullable = false)
    public String laChildId;

    public String sex;

    public String ethnicity;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> disabilities = new ArrayList<>();

    public String upn;

    @Column(name = "former_upn")
    public String formerUpn;

    @Column(name = "upn_unknown")
    public String upnUnknown;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "expected_birth_date")
    public LocalDate expectedBirthDate;

    @Column(name = "death_date")
    public LocalDate deathDate;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
