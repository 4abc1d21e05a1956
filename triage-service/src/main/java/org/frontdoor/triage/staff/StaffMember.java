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
import org.frontdoor.support.validation.Text;

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

    /** The record as {@code command} gives it (its id and active flag aside: they are set where they change). */
    public void record(StaffCommand command) {
        subject = Text.blankToNull(command.subject());
        name = command.name().strip();
        email = Text.blankToNull(command.email());
        team = command.team().strip();
        pathway = command.pathway();
        role = command.role();
        caseloadLimit = command.caseloadLimit();
    }

    /**
     * The directory's rules on a record of {@code self} (null: a new one): a sign-in links one record only, and the
     * pathway suits the role (a social worker leads social care cases, an early help practitioner early help ones).
     */
    public static List<FieldError> check(StaffCommand command, String self) {
        List<FieldError> errors = new ArrayList<>();
        String newSubject = command.subject();
        if (newSubject != null && !newSubject.isBlank()) {
            bySubject(newSubject.strip()).filter(other -> !other.id.equals(self)).ifPresent(other -> errors
                    .add(new FieldError("subject", "is already the sign-in of " + other.id)));
        }
        if (command.pathway() == Pathway.NONE) {
            errors.add(new FieldError("pathway", "must be EARLY_HELP or SOCIAL_CARE, or empty for staff who hold no"
                    + " cases"));
        }
        boolean leads = command.role() == StaffRole.SOCIAL_WORKER || command.role() == StaffRole.EARLY_HELP_PRACTITIONER;
        if (leads && command.pathway() == null) {
            errors.add(new FieldError("pathway", "is required for a " + command.role()));
        }
        if (command.role() == StaffRole.SOCIAL_WORKER && command.pathway() == Pathway.EARLY_HELP
                || command.role() == StaffRole.EARLY_HELP_PRACTITIONER && command.pathway() == Pathway.SOCIAL_CARE) {
            errors.add(new FieldError("pathway", "does not suit a " + command.role()));
        }
        return errors;
    }

    /**
     * A change of a record that leads {@code openCases} open cases: its pathway stays, and it stays active (deactivating
     * lists the cases for reallocation).
     */
    public List<FieldError> checkWithOpenCases(StaffCommand command, long openCases) {
        List<FieldError> errors = new ArrayList<>();
        if (openCases > 0 && command.pathway() != pathway) {
            errors.add(new FieldError("pathway", id + " leads " + openCases + " open " + pathway + " case(s):"
                    + " reallocate them first"));
        }
        if (openCases > 0 && Boolean.FALSE.equals(command.active())) {
            errors.add(new FieldError("active", id + " leads " + openCases + " open case(s): deactivate the record"
                    + " instead, which lists them for reallocation"));
        }
        return errors;
    }

    public boolean holdsCases() {
        return pathway != null && pathway != Pathway.NONE;
    }

    public static Optional<StaffMember> bySubject(String subject) {
        return subject == null ? Optional.empty() : find("subject", subject).firstResultOptional();
    }
}
