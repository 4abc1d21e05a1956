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
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.problem.Problem.FieldError;

/**
 * An s47 enquiry of a referral: the strategy discussion that started it, the initial child protection conference
 * (ICPC), or that none was needed, and the child protection plan the conference made.
 */
@Entity
@Table(name = "section47_enquiry")
public class Section47Enquiry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(name = "strategy_discussion_on", nullable = false)
    public LocalDate strategyDiscussionOn;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    /** The statutory timescale: working days from the strategy discussion (15 by default). */
    @Column(name = "icpc_due_on", nullable = false)
    public LocalDate icpcDueOn;

    @Column(name = "icpc_on")
    public LocalDate icpcOn;

    @Column(name = "icpc_not_required", nullable = false)
    public boolean icpcNotRequired;

    /** The team manager who recorded that no conference was needed: staff id and sign-in. */
    @Column(name = "icpc_not_required_by")
    public String icpcNotRequiredBy;

    @Column(name = "icpc_not_required_by_subject")
    public String icpcNotRequiredBySubject;

    @Column(name = "plan_started_on")
    public LocalDate planStartedOn;

    /** Census category of abuse code of the plan. */
    @Column(name = "plan_category")
    public String planCategory;

    @Column(name = "plan_ended_on")
    public LocalDate planEndedOn;

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
     * Ruling out an initial conference ends the child protection enquiry: a team manager's act, kept with who. A
     * triage worker may record the rest but not set or take back "not required".
     */
    public void recordIcpcNotRequired(boolean notRequired, Actor by) {
        if (notRequired == icpcNotRequired) {
            return;
        }
        if (!by.teamManager()) {
            throw new FourEyesViolation("Recording that no initial child protection conference is needed is a team"
                    + " manager's act", List.of(new FieldError("icpcNotRequired", "is a team manager's to record")));
        }
        icpcNotRequired = notRequired;
        icpcNotRequiredBy = notRequired ? by.id() : null;
        icpcNotRequiredBySubject = notRequired ? by.subject() : null;
    }

    public boolean open() {
        return icpcOn == null && !icpcNotRequired;
    }

    public static List<Section47Enquiry> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by strategyDiscussionOn, recordedAt", triageItemId);
    }
}
