package org.frontdoor.triage.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Optional;
import org.frontdoor.events.codes.Pathway;

/**
 * A member of the front door's staff, linked to the person who signs in by the identity provider's
 * subject. One with a pathway holds cases of that pathway, up to their caseload limit.
 */
@Entity
@Table(name = "staff")
public class StaffMember extends PanacheEntityBase {

    @Id
    public String id;

    /** The identity provider's subject ({@code sub}) of this person's sign-in. */
    public String subject;

    @Column(nullable = false)
    public String name;

    public String email;

    @Column(nullable = false)
    public String team;

    /** The pathway whose cases they lead; null for staff who hold no cases. */
    @Enumerated(EnumType.STRING)
    public Pathway pathway;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffRole role;

    /** Their own caseload limit; null: the configured maximum. */
    @Column(name = "caseload_limit")
    public Integer caseloadLimit;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public boolean holdsCases() {
        return pathway != null && pathway != Pathway.NONE;
    }

    public static Optional<StaffMember> bySubject(String subject) {
        return subject == null ? Optional.empty() : find("subject", subject).firstResultOptional();
    }
}
