package org.frontdoor.triage.cases;

import org.frontdoor.events.codes.Pathway;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.support.calendar.WorkingCalendar;

/** An early help or social care case for a child, with its lead worker. */
@Entity
@Table(name = "care_case")
public class CareCase extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "known_child_id")
    public UUID knownChildId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Pathway pathway;

    @Enumerated(EnumType.STRING)
    @Column(name = "opened_pathway", nullable = false)
    public Pathway openedPathway;

    /** The lead worker's staff id; null while the case waits for a manager's allocation. */
    @Column(name = "lead_worker")
    public String leadWorker;

    /** When a case waiting for allocation is due to have a lead worker. */
    @Column(name = "allocation_due_by")
    public Instant allocationDueBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closure_reason_code")
    public String closureReasonCode;

    @Column(name = "closure_summary")
    public String closureSummary;

    /** Opened from a contact whose referrer reported immediate risk: its early close or step needs a second manager. */
    @Column(name = "opened_on_immediate_risk", nullable = false)
    public boolean openedOnImmediateRisk;

    @Version
    public long version;

    /**
     * Four eyes on a risky case's early end: a case opened from an immediate-risk contact is closed or stepped
     * within its first {@code workingDays} working days only with a second manager's approval.
     */
    public boolean changeNeedsSecondManager(Instant now, WorkingCalendar calendar, int workingDays) {
        return openedOnImmediateRisk && now.isBefore(calendar.plusWorkingDays(openedAt, workingDays));
    }

    public static Optional<CareCase> openFor(UUID knownChildId) {
        if (knownChildId == null) {
            return Optional.empty();
        }
        return find("knownChildId = ?1 and status = ?2 order by openedAt", knownChildId, Status.OPEN).firstResultOptional();
    }

    public static long openCasesOf(String workerId) {
        return count("leadWorker = ?1 and status = ?2", workerId, Status.OPEN);
    }
}
