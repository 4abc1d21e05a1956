package org.frontdoor.triage.statutory;

import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.FourEyesViolation;

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
import java.util.Objects;
import java.util.UUID;
import org.frontdoor.support.problem.Problem.FieldError;
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

    /** The team manager who authorised it: staff id and sign-in (the token's subject). */
    @Column(name = "authorised_by")
    public String authorisedBy;

    @Column(name = "authorised_by_subject")
    public String authorisedBySubject;

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

    public static List<Assessment> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by startedOn, recordedAt", triageItemId);
    }
}
