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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.staff.Actor;
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

    /** The record this one is merged into (null: none): kept for an unmerge, left out of the returns. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Version
    public long version;
    /** The record as the MASH corrects it: the whole of {@code command}, by {@code by}. */
    public void record(CharacteristicsCommand command, Actor by, Instant now) {
        sex = command.sex() == null ? null : command.sex().code();
        ethnicity = command.ethnicity() == null ? null : command.ethnicity().code();
        disabilities = command.disabilities() == null ? new ArrayList<>()
                : new ArrayList<>(command.disabilities().stream().map(Disability::code).toList());
        upn = Text.blankToNull(command.upn());
        formerUpn = Text.blankToNull(command.formerUpn());
        upnUnknown = command.upnUnknown() == null ? null : command.upnUnknown().code();
        birthDate = command.birthDate();
        expectedBirthDate = command.expectedBirthDate();
        deathDate = command.deathDate();
        updatedAt = now;
        updatedBy = by.id();
    }

    /**
     * Every field of {@code command} that breaks one of the census's rules, on {@code today} (England): the UPNs
     * (DfE 1510-1560), the dates of birth and death (8525, 8750), the disabilities (8790, 8794).
     */
    public static List<FieldError> check(CharacteristicsCommand command, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            return errors;
        }
        String newUpn = Text.blankToNull(command.upn());
        if (newUpn != null && !Upn.isValid(newUpn)) {
            errors.add(new FieldError("upn", "is not a valid UPN: a check letter, 11 digits and a digit or letter,"
                    + " whose check letter matches (DfE rules 1510-1550)"));
        }
        String former = Text.blankToNull(command.formerUpn());
        if (former != null && !Upn.isValid(former)) {
            errors.add(new FieldError("formerUpn", "is not a valid UPN (DfE rule 1560)"));
        }
        if (newUpn != null && command.upnUnknown() != null) {
            errors.add(new FieldError("upnUnknown", "must be empty when the UPN is known"));
        }
        checkDates(command, today, errors);
        checkDisabilities(command.disabilities() == null ? List.of() : command.disabilities(), errors);
        return errors;
    }

    private static void checkDates(CharacteristicsCommand command, LocalDate today, List<FieldError> errors) {
        if (command.birthDate() != null && command.expectedBirthDate() != null) {
            errors.add(new FieldError("expectedBirthDate", "must be empty once the child is born (DfE rule 8525)"));
        }
        if (command.birthDate() != null && command.birthDate().isAfter(today)) {
            errors.add(new FieldError("birthDate", "must not be in the future"));
        }
        if (command.birthDate() == null && command.expectedBirthDate() != null && command.sex() != null
                && command.sex() != CensusSex.UNKNOWN) {
            errors.add(new FieldError("sex", "must be U for an unborn child (DfE rule 8750)"));
        }
        if (command.deathDate() != null && (command.deathDate().isAfter(today)
                || command.birthDate() != null && command.deathDate().isBefore(command.birthDate()))) {
            errors.add(new FieldError("deathDate", "must be between the date of birth and today"));
        }
    }

    private static void checkDisabilities(List<Disability> given, List<FieldError> errors) {
        Set<Disability> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Disability d = given.get(i);
            if (d != null && !seen.add(d)) {
                errors.add(new FieldError("disabilities[" + i + "]", "is given twice (DfE rule 8794)"));
            }
            if (d == Disability.NONE && given.size() > 1) {
                errors.add(new FieldError("disabilities[" + i + "]", "NONE stands alone (DfE rule 8790)"));
            }
        }
    }
}
