package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.codes.Kind;
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

    /** How long a fallback reason may be (its column). */
    static final int FALLBACK_REASON_MAX = 600;

    /** Composed when its content is known (a decision for an outcome owed); still waiting to become ready. */
    public void composed(MessageComposer.Composed message, UUID sourceEvent) {
        require(NotificationStatus.AWAITING_DECISION, "composed");
        subject = message.subject();
        textBody = message.text();
        data = message.data();
        sourceEventId = sourceEvent;
    }

    /** Composed and allowed to go: due for delivery now. */
    public void ready(Instant now) {
        require(NotificationStatus.AWAITING_DECISION, "made ready");
        status = NotificationStatus.PENDING;
        readyAt = now;
        nextAttemptAt = now;
    }

    /** Kept, composed, never sent while the sharing policy says so; a FAILED one is then no longer a task. */
    public void withheld(String reason) {
        if (status == NotificationStatus.SENT || status == NotificationStatus.INFORMED_OTHERWISE) {
            throw refused("withheld");
        }
        status = NotificationStatus.WITHHELD_NO_CONSENT;
        withheldReason = reason;
        nextAttemptAt = null;
        clearFollowUp();
    }

    /** Consent given: held back no longer, sent now with a fresh retry window. */
    public void released(Instant now) {
        require(NotificationStatus.WITHHELD_NO_CONSENT, "released");
        status = NotificationStatus.PENDING;
        withheldReason = null;
        readyAt = now;
        nextAttemptAt = now;
        retryWindowStart = now;
    }

    /** The recipient received it by {@code by}. */
    public void delivered(Channel by, Instant at) {
        require(NotificationStatus.PENDING, "delivered");
        channel = by;
        status = NotificationStatus.SENT;
        deliveredAt = at;
        nextAttemptAt = null;
        lastError = null;
    }

    /** An attempt by {@code by} (null: there was no channel) failed; tried again at {@code next}. */
    public void attemptFailed(Channel by, String error, Instant next) {
        require(NotificationStatus.PENDING, "retried later");
        channel = by;
        lastError = error;
        nextAttemptAt = next;
    }

    /**
     * The webhook failed too often (or for too long): the same text goes by email, at once, with a retry window of
     * its own, and never by webhook again, so it cannot arrive by both.
     */
    public void fellBackToEmail(String error, Instant now) {
        require(NotificationStatus.PENDING, "switched to email");
        if (fallbackReason != null) {
            throw new IllegalTransition("Notification " + id + " has fallen back to email before");
        }
        channel = Channel.WEBHOOK;
        lastError = error;
        String reason = "the webhook failed " + attempts + " time(s), last: " + error + "; sent by email instead";
        fallbackReason = reason.length() <= FALLBACK_REASON_MAX ? reason : reason.substring(0, FALLBACK_REASON_MAX);
        retryWindowStart = now;
        nextAttemptAt = now;
    }

    /** Given up: FAILED, a task on the "could not inform" list for {@code reason}. */
    public void gaveUp(Channel by, FollowUpReason reason, String error, Instant now) {
        require(NotificationStatus.PENDING, "given up");
        channel = by;
        lastError = error;
        status = NotificationStatus.FAILED;
        nextAttemptAt = null;
        followUpReason = reason;
        gaveUpAt = now;
    }

    /**
     * Put back for delivery by hand: a fresh retry window, the webhook first again (e.g. the partner fixed it), the
     * same webhook-id; attempts count on, so a webhook that still fails falls back to email at its first failure.
     * Unless {@code withholdReason} (asked only once the move is allowed) says it is now held back by law. True when
     * it was queued, false when it was withheld instead.
     */
    public boolean retried(Instant now, Supplier<Optional<String>> withholdReason) {
        if (status != NotificationStatus.FAILED) {
            throw new IllegalTransition("Only a FAILED notification can be retried; this one is " + status);
        }
        Optional<String> withheld = withholdReason.get();
        if (withheld.isPresent()) {
            withheld(withheld.get());
            return false;
        }
        status = NotificationStatus.PENDING;
        retryWindowStart = now;
        nextAttemptAt = now;
        clearFollowUp();
        fallbackReason = null;
        return true;
    }

    /** The front door told the recipient by other means: closed, never sent afterwards. */
    public void informedOtherwise(InformedHow how, String note, String by, Instant at) {
        if (status != NotificationStatus.FAILED) {
            throw new IllegalTransition("Only a notification on the could-not-inform list (FAILED) can be marked as"
                    + " informed; this one is " + status);
        }
        status = NotificationStatus.INFORMED_OTHERWISE;
        informedAt = at;
        informedHow = how;
        informedBy = by;
        informedNote = note;
        nextAttemptAt = null;
    }

    /** Off the "could not inform" list: it is no longer a task (retried, or held back by law). */
    private void clearFollowUp() {
        followUpReason = null;
        gaveUpAt = null;
    }

    private void require(NotificationStatus from, String move) {
        if (status != from) {
            throw refused(move);
        }
    }

    private IllegalTransition refused(String move) {
        return new IllegalTransition("Notification " + id + " cannot be " + move + ": it is " + status);
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
