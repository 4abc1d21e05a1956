package org.frontdoor.triage.statutory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.FourEyesViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The s17 assessment of a referral (a child's CIN episode): started, authorised, the factors found at its end. The
 * DfE's rules on its dates and factors are checked at input ({@link #check}), so the census refuses none of them.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends StatutoryRecord {

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

    /** The team manager who authorised it: staff id and sign-in (the token's subject). */
    @Column(name = "authorised_by")
    public String authorisedBy;

    @Column(name = "authorised_by_subject")
    public String authorisedBySubject;

    /**
     * Authorising (the date, and the factors found and the conclusion that come with it) is a team manager's act,
     * kept with who: a triage worker may record the rest but not set, change or take back an authorisation.
     */
    public void recordAuthorisation(LocalDate on, List<String> newFactors, Boolean newRequiresSupport, Actor by) {
        boolean changes = !Objects.equals(authorisedOn, on) || !factors.equals(newFactors)
                || !Objects.equals(requiresSupport, newRequiresSupport);
        if (!changes) {
            return;
        }
        if (!by.teamManager()) {
            throw new FourEyesViolation("Authorising an assessment is a team manager's act: ask yours to authorise it",
                    List.of(new FieldError("authorisedOn", "is a team manager's to set: authorising an assessment,"
                            + " with its factors and conclusion, is theirs")));
        }
        authorisedOn = on;
        factors = new ArrayList<>(newFactors);
        requiresSupport = newRequiresSupport;
        authorisedBy = on == null ? null : by.id();
        authorisedBySubject = on == null ? null : by.subject();
    }

    /** A new assessment of the referral, due {@code dueOn}, as {@code command} gives it. */
    public static Assessment start(UUID referralItemId, LocalDate dueOn, AssessmentCommand command, Actor by,
            Instant now) {
        Assessment a = new Assessment();
        a.recorded(referralItemId, by, now);
        a.dueOn = dueOn;
        a.record(command, by, now);
        return a;
    }

    /** The whole record as {@code command} gives it; its authorisation only as {@link #recordAuthorisation} allows. */
    public void record(AssessmentCommand command, Actor by, Instant now) {
        recordAuthorisation(command.authorisedOn(), command.factors() == null ? List.of()
                : command.factors().stream().map(AssessmentFactor::code).toList(), command.requiresSupport(), by);
        startedOn = command.startedOn();
        childSeen = command.childSeen();
        updated(by, now);
    }

    /** One at a time per referral (DfE rule 8736): whether the referral has one not yet authorised. */
    public static boolean unauthorisedOf(UUID triageItemId) {
        return count("triageItemId = ?1 and authorisedOn is null", triageItemId) > 0;
    }

    /** For the referral's history: started, due by, authorised. */
    public String startedNote() {
        return "s17 assessment started " + startedOn + ", due by " + dueOn
                + (authorisedOn == null ? "" : "; authorised " + authorisedOn);
    }

    public String authorisedNote() {
        return "s17 assessment authorised " + authorisedOn
                + (authorisedOn.isAfter(dueOn) ? ", after its due date " + dueOn : "") + "; factors "
                + String.join(", ", factors);
    }

    /**
     * Every field of {@code command} that breaks a rule, for the referral of {@code referralDate}, on {@code today}
     * (England): the dates in order (DfE 1103, 8608), the factors and conclusion only with the authorisation (8614),
     * and the factors themselves.
     */
    public static List<FieldError> check(AssessmentCommand command, LocalDate referralDate, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            return errors;
        }
        if (command.startedOn() != null) {
            notBeforeReferral("startedOn", command.startedOn(), referralDate, "1103", errors);
            notInTheFuture("startedOn", command.startedOn(), today, errors);
        }
        if (command.authorisedOn() != null) {
            if (command.startedOn() != null && command.authorisedOn().isBefore(command.startedOn())) {
                errors.add(new FieldError("authorisedOn", "must not be before the assessment started, "
                        + command.startedOn() + " (DfE rule 8608)"));
            }
            notInTheFuture("authorisedOn", command.authorisedOn(), today, errors);
        }
        List<AssessmentFactor> factors = command.factors() == null ? List.of() : command.factors();
        if (!factors.isEmpty() && command.authorisedOn() == null) {
            errors.add(new FieldError("factors", "are identified at the end: give them with the authorisation date"
                    + " (DfE rule 8614)"));
        }
        if (command.requiresSupport() != null && command.authorisedOn() == null) {
            errors.add(new FieldError("requiresSupport", "is the assessment's conclusion: give it when authorised"));
        }
        checkFactors(factors, errors);
        return errors;
    }

    /** None twice (DfE 8897), none retired (8945, 8950), 21 (no factors identified) alone (8898). */
    private static void checkFactors(List<AssessmentFactor> factors, List<FieldError> errors) {
        Set<AssessmentFactor> seen = new HashSet<>();
        for (int i = 0; i < factors.size(); i++) {
            AssessmentFactor f = factors.get(i);
            if (f == null) {
                continue;
            }
            if (!seen.add(f)) {
                errors.add(new FieldError("factors[" + i + "]", "is given twice (DfE rule 8897)"));
            }
            if (f.retired()) {
                errors.add(new FieldError("factors[" + i + "]", f.code() + " is no longer used: code the factor more"
                        + " precisely (DfE rules 8945, 8950)"));
            }
            if ("21".equals(f.code()) && factors.size() > 1) {
                errors.add(new FieldError("factors[" + i + "]", "21 (no factors identified) stands alone (DfE rule"
                        + " 8898)"));
            }
        }
    }

    public static List<Assessment> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by startedOn, recordedAt", triageItemId);
    }
}
