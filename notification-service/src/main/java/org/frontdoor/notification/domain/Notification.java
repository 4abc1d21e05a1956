package org.frontdoor.notification.domain;

import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message owed to one recipient: an acknowledgement, a child's outcome, or a case change.
 * Its text is composed once, when its content is known, so every retry sends the same bytes.
 * Rows are created by {@link NotificationPlanner} only (insert ... on conflict do nothing).
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "child_id")
    public UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String occurrence;

    @Column(name = "recipient_key", nullable = false)
    public String recipientKey;

    @Column(name = "recipient_org")
    public String recipientOrg;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "due_by", nullable = false)
    public Instant dueBy;

    @Column(name = "latest_by")
    public Instant latestBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ready_at")
    public Instant readyAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "retry_window_start")
    public Instant retryWindowStart;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "webhook_type")
    public String webhookType;

    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    /** Why it is {@link NotificationStatus#WITHHELD_NO_CONSENT}. */
    @Column(name = "withheld_reason")
    public String withheldReason;

    /** Why it was given up (FAILED): a task on the "could not inform" list. */
    @Enumerated(EnumType.STRING)
    @Column(name = "follow_up_reason")
    public FollowUpReason followUpReason;

    @Column(name = "gave_up_at")
    public Instant gaveUpAt;

    /** Set when a failing webhook was given up for email; every later attempt is by email. */
    @Column(name = "fallback_reason")
    public String fallbackReason;

    /** When the front door told the recipient by other means (INFORMED_OTHERWISE). */
    @Column(name = "informed_at")
    public Instant informedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "informed_how")
    public InformedHow informedHow;

    @Column(name = "informed_by")
    public String informedBy;

    @Column(name = "informed_note")
    public String informedNote;

    /** Off the "could not inform" list: it is no longer a task (retried, or held back by law). */
    void clearFollowUp() {
        followUpReason = null;
        gaveUpAt = null;
    }

    /** The Standard Webhooks {@code webhook-id}: the same on every attempt, so the partner can de-duplicate. */
    public String webhookId() {
        return "msg_" + id;
    }

    /**
     * Where this message stands against its due time at {@code now}. {@code horizon} is the end of the at-risk
     * window: {@code now} plus the configured working days; a message due by then is at risk.
     */
    public DeadlineState deadlineState(Instant now, Instant horizon) {
        if (deliveredAt != null) {
            return deliveredAt.isAfter(dueBy) ? DeadlineState.MISSED : DeadlineState.MET;
        }
        if (informedAt != null) {
            // told by the front door by other means: the recipient knows, so it is judged as delivered then
            return informedAt.isAfter(dueBy) ? DeadlineState.MISSED : DeadlineState.MET;
        }
        if (status == NotificationStatus.WITHHELD_NO_CONSENT) {
            return DeadlineState.WITHHELD;
        }
        if (now.isAfter(dueBy)) {
            return DeadlineState.OVERDUE;
        }
        return dueBy.isAfter(horizon) ? DeadlineState.ON_TRACK : DeadlineState.AT_RISK;
    }
}
