package org.frontdoor.triage.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.problem.Problem.FieldError;

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

    /**
     * Four eyes hold by the person: nobody changes their own record's sign-in, role or active flag, and nobody
     * links their own sign-in to a record once it was linked to one (it moves only by another manager).
     * {@code creating}: this record is being added; {@code newSubjectOnceLinked}: the subject asked for was linked
     * to a staff record before (now or in the past).
     */
    public void requireChangeableBy(Actor editor, boolean creating, String newSubject, StaffRole newRole,
            boolean newActive, boolean newSubjectOnceLinked) {
        List<FieldError> refused = new ArrayList<>();
        boolean own = !creating && (subject != null && subject.equals(editor.subject())
                || editor.inDirectory() && editor.id().equals(id));
        boolean subjectChanges = !Objects.equals(subject, newSubject);
        if (own) {
            if (subjectChanges) {
                refused.add(new FieldError("subject", "is the link to your own sign-in: another team manager"
                        + " changes it"));
            }
            if (role != newRole) {
                refused.add(new FieldError("role", "is your own role: another team manager changes it"));
            }
            if (active != newActive) {
                refused.add(new FieldError("active", "is your own record's: another team manager changes it"));
            }
        } else if (subjectChanges && newSubject != null && newSubject.equals(editor.subject())
                && newSubjectOnceLinked) {
            refused.add(new FieldError("subject", "is your own sign-in, linked to a staff record before: another"
                    + " team manager moves it"));
        }
        if (!refused.isEmpty()) {
            throw new FourEyesViolation("Nobody changes their own staff record's sign-in, role or active flag, nor"
                    + " moves their own sign-in: ask another team manager", refused);
        }
    }

    public boolean holdsCases() {
        return pathway != null && pathway != Pathway.NONE;
    }

    public static Optional<StaffMember> bySubject(String subject) {
        return subject == null ? Optional.empty() : find("subject", subject).firstResultOptional();
    }
}
