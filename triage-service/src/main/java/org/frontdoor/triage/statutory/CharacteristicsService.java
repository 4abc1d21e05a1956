package org.frontdoor.triage.statutory;

import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;

/**
 * A child's census characteristics: seeded from each contact at intake (dates of birth, sex from the referrer's
 * gender), completed and corrected by the MASH with the DfE's rules checked at input, so that the census
 * refuses nothing it could have refused when the worker was there to fix it.
 */
@ApplicationScoped
public class CharacteristicsService {

    @Inject
    EntityManager em;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * The first contact makes the record; a later one only adds a date of birth to an unborn child's. Never
     * overwrites what the MASH recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(UUID childKey, ReferralReceived.Child child, Instant now) {
        LocalDate born = child.dateOfBirth();
        LocalDate expected = born == null ? child.expectedDateOfBirth() : null;
        String sex = born == null && expected != null ? "U" : sexOf(child.gender());
        em.createNativeQuery("""
                insert into child_characteristics (child_key, la_child_id, sex, birth_date, expected_birth_date,
                    updated_at, updated_by)
                values (?1, 'FD' || lpad(nextval('la_child_number')::text, 10, '0'), ?2, ?3, ?4, ?5, 'intake')
                on conflict (child_key) do update set birth_date = excluded.birth_date, expected_birth_date = null,
                    sex = case when child_characteristics.sex = 'U' then excluded.sex else child_characteristics.sex end,
                    updated_at = excluded.updated_at, updated_by = 'intake', version = child_characteristics.version + 1
                where child_characteristics.birth_date is null and excluded.birth_date is not null""")
                .setParameter(1, childKey).setParameter(2, sex).setParameter(3, born).setParameter(4, expected)
                .setParameter(5, now).executeUpdate();
    }

    /** The referrer's gender (F, M, X, U) as the census records sex: M, F, else U. */
    static String sexOf(String gender) {
        return "F".equals(gender) || "M".equals(gender) ? gender : "U";
    }

    @Transactional
    public ChildCharacteristics get(UUID childKey) {
        ChildCharacteristics c = find(childKey, false);
        audit.record("child.characteristics-read", null, "child " + childKey);
        return c;
    }

    @Transactional
    public ChildCharacteristics update(UUID childKey, CharacteristicsCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        check(command, errors);
        validation.check(command, errors);
        ChildCharacteristics c = find(childKey, true);
        IfMatch.check(ifMatch, c.version, "The characteristics of child " + childKey);
        Actor actor = actors.staff();
        c.sex = command.sex() == null ? null : command.sex().code();
        c.ethnicity = command.ethnicity() == null ? null : command.ethnicity().code();
        c.disabilities = command.disabilities() == null ? new ArrayList<>()
                : new ArrayList<>(command.disabilities().stream().map(Disability::code).toList());
        c.upn = Text.blankToNull(command.upn());
        c.formerUpn = Text.blankToNull(command.formerUpn());
        c.upnUnknown = command.upnUnknown() == null ? null : command.upnUnknown().code();
        c.birthDate = command.birthDate();
        c.expectedBirthDate = command.expectedBirthDate();
        c.deathDate = command.deathDate();
        c.updatedAt = Instants.now(clock);
        c.updatedBy = actor.id();
        ChildCharacteristics.flush();
        audit.record("child.characteristics-changed", null, "child " + childKey + ", version " + c.version);
        return c;
    }

    private void check(CharacteristicsCommand command, List<FieldError> errors) {
        if (command == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ENGLAND);
        String upn = Text.blankToNull(command.upn());
        if (upn != null && !Upn.isValid(upn)) {
            errors.add(new FieldError("upn", "is not a valid UPN: a check letter, 11 digits and a digit or letter,"
                    + " whose check letter matches (DfE rules 1510-1550)"));
        }
        String former = Text.blankToNull(command.formerUpn());
        if (former != null && !Upn.isValid(former)) {
            errors.add(new FieldError("formerUpn", "is not a valid UPN (DfE rule 1560)"));
        }
        if (upn != null && command.upnUnknown() != null) {
            errors.add(new FieldError("upnUnknown", "must be empty when the UPN is known"));
        }
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
        List<Disability> disabilities = command.disabilities() == null ? List.of() : command.disabilities();
        Set<Disability> seen = new HashSet<>();
        for (int i = 0; i < disabilities.size(); i++) {
            Disability d = disabilities.get(i);
            if (d != null && !seen.add(d)) {
                errors.add(new FieldError("disabilities[" + i + "]", "is given twice (DfE rule 8794)"));
            }
            if (d == Disability.NONE && disabilities.size() > 1) {
                errors.add(new FieldError("disabilities[" + i + "]", "NONE stands alone (DfE rule 8790)"));
            }
        }
    }

    private static ChildCharacteristics find(UUID childKey, boolean forUpdate) {
        ChildCharacteristics c = forUpdate ? ChildCharacteristics.findById(childKey, LockModeType.PESSIMISTIC_WRITE)
                : ChildCharacteristics.findById(childKey);
        if (c == null) {
            throw ProblemException.notFound("Child " + childKey);
        }
        return c;
    }
}
