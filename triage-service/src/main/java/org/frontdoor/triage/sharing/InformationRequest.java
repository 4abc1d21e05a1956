package org.frontdoor.triage.sharing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.domain.DomainException;

/** A question the MASH asked a partner organisation about a contact's children, and the organisation's answer. */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    /** The organisation asked: its id in the partner directory. */
    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InformationRequestStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(nullable = false)
    public Instant deadline;

    /** What the organisation holds (ANSWERED). */
    public String findings;

    /** Why it will not answer (DECLINED). */
    @Column(name = "declined_reason")
    public String declinedReason;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The organisation's system (token subject) that answered. */
    @Column(name = "answered_by")
    public String answeredBy;

    /** When the organisation was reminded, once the deadline passed. */
    @Column(name = "chased_at")
    public Instant chasedAt;

    /**
     * A question asked now of {@code organisationId} about the children of item {@code itemId}, due by
     * {@code deadline} (worked out by the caller from the urgency: the entity computes nothing of it).
     */
    public static InformationRequest ask(UUID itemId, UUID referralId, String organisationId, String question,
            Priority urgency, String requestedBy, Instant now, Instant deadline) {
        InformationRequest r = new InformationRequest();
        r.id = UUID.randomUUID();
        r.triageItemId = itemId;
        r.referralId = referralId;
        r.organisationId = organisationId;
        r.question = question;
        r.urgency = urgency;
        r.status = InformationRequestStatus.REQUESTED;
        r.requestedBy = requestedBy;
        r.requestedAt = now;
        r.deadline = deadline;
        return r;
    }

    /** The organisation answers with what it holds; an overdue request may still be answered (it stays late). */
    public void answer(String findings, String by, Instant now) {
        settle(InformationRequestStatus.ANSWERED, by, now);
        this.findings = findings;
    }

    /** The organisation searched and holds nothing about the children. */
    public void noTrace(String by, Instant now) {
        settle(InformationRequestStatus.NO_TRACE, by, now);
    }

    /** The organisation will not answer, with its reason. */
    public void decline(String reason, String by, Instant now) {
        settle(InformationRequestStatus.DECLINED, by, now);
        declinedReason = reason;
    }

    /** The deadline passed unanswered: the organisation is chased now. */
    public void overdue(Instant now) {
        if (status != InformationRequestStatus.REQUESTED) {
            throw DomainException.conflict("Information request " + id + " is " + status
                    + ": only a request still awaiting its answer turns overdue");
        }
        if (!now.isAfter(deadline)) {
            throw DomainException.conflict("Information request " + id + " is not due until " + deadline);
        }
        status = InformationRequestStatus.OVERDUE;
        chasedAt = now;
    }

    /** Still awaiting the organisation's answer (REQUESTED or OVERDUE). */
    public boolean isOpen() {
        return status == InformationRequestStatus.REQUESTED || status == InformationRequestStatus.OVERDUE;
    }

    /** Answered (or declined) after its deadline. */
    public boolean answeredLate() {
        return answeredAt != null && answeredAt.isAfter(deadline);
    }

    /** The requests made from an item, oldest first. */
    public static List<InformationRequest> ofItem(UUID itemId) {
        return list("triageItemId = ?1 order by requestedAt, id", itemId);
    }

    private void settle(InformationRequestStatus to, String by, Instant now) {
        if (!isOpen()) {
            throw DomainException.conflict("Information request " + id + " was already " + status
                    + (answeredAt == null ? "" : " at " + answeredAt) + ": it cannot be answered again");
        }
        status = to;
        answeredBy = by;
        answeredAt = now;
    }
}
