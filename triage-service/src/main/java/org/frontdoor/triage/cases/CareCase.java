package org.frontdoor.triage.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.staff.Actor;

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

    /** The record the case's data counts under now: the root of {@link #recordedKnownChildId} (merges move it). */
    @Column(name = "known_child_id")
    public UUID knownChildId;

    /** The record the case was opened for, kept so that an unmerge gives the case back to it. */
    @Column(name = "recorded_known_child_id")
    public UUID recordedKnownChildId;

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

    /** A case opened by a decision about a record never merged (its own root), not yet allocated. */
    public static CareCase open(UUID referralId, UUID knownChildId, Pathway pathway, boolean onImmediateRisk,
            Actor opener, Instant now) {
        return open(referralId, knownChildId, knownChildId, pathway, onImmediateRisk, opener, now);
    }

    /**
     * A case opened by a decision about the child, not yet allocated: for {@code record} (the contact's record),
     * counted under {@code childKey} (the record's root now).
     */
    public static CareCase open(UUID referralId, UUID record, UUID childKey, Pathway pathway, boolean onImmediateRisk,
            Actor opener, Instant now) {
        CareCase c = new CareCase();
        c.id = UUID.randomUUID();
        c.referralId = referralId;
        c.recordedKnownChildId = record;
        c.knownChildId = childKey;
        c.pathway = pathway;
        c.openedPathway = pathway;
        c.status = Status.OPEN;
        c.openedAt = now;
        c.openedBy = opener.id();
        c.openedOnImmediateRisk = onImmediateRisk;
        return c;
    }

    /** The case has its lead worker. */
    public void allocateTo(String worker) {
        requireOpen();
        leadWorker = worker;
        allocationDueBy = null;
    }

    /** Nobody has room: the case waits for a manager's allocation, due by {@code dueBy}. */
    public void awaitAllocation(Instant dueBy) {
        requireOpen();
        leadWorker = null;
        allocationDueBy = dueBy;
    }

    /** A step changes the pathway. */
    public void requireStepTo(Pathway to) {
        requireOpen();
        if (pathway == to) {
            throw DomainException.invalid("pathway", "the case is already " + pathway + "; a step changes the pathway");
        }
    }

    /** The case moves to pathway {@code to}; the step to keep (its lead worker is allocated anew). */
    public CaseStep step(StepDirection direction, Pathway to, String rationale, String partnerSummary,
            LocalDate panelDate, Actor actor, Instant now) {
        requireStepTo(to);
        CaseStep s = CaseStep.of(id, direction, pathway, to, rationale, partnerSummary, panelDate, actor.id(), now);
        pathway = to;
        return s;
    }

    /** Closed with its CIN reason and a summary; no longer waits for allocation. */
    public void close(ClosureReason reason, String summary, Actor actor, Instant now) {
        requireOpen();
        status = Status.CLOSED;
        closedAt = now;
        closedBy = actor.id();
        closureReasonCode = reason.code();
        closureSummary = summary;
        allocationDueBy = null;
    }

    public void requireOpen() {
        if (status == Status.CLOSED) {
            throw DomainException.conflict("Case " + id + " was closed at " + closedAt);
        }
    }

    /** The open case of the child counted under {@code childKey} (a triage item's childKey: the root record). */
    public static Optional<CareCase> openFor(UUID childKey) {
        if (childKey == null) {
            return Optional.empty();
        }
        return find("knownChildId = ?1 and status = ?2 order by openedAt", childKey, Status.OPEN).firstResultOptional();
    }

    public static long openCasesOf(String workerId) {
        return count("leadWorker = ?1 and status = ?2", workerId, Status.OPEN);
    }
}
