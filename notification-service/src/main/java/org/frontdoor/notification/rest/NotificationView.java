package org.frontdoor.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.notification.domain.DeadlineState;
import org.frontdoor.notification.domain.FollowUpReason;
import org.frontdoor.notification.domain.InformedHow;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.NotificationStatus;
import org.frontdoor.support.paging.Paging;

/** A notification as ops and team managers see it: its delivery and deadline, never the message text. */
@Schema(name = "Notification")
public record NotificationView(
        UUID notificationId,
        UUID referralId,
        @Schema(description = "The child it is about; absent for a referral's acknowledgement") UUID childId,
        @Schema(example = "OUTCOME") Kind kind,
        @Schema(example = "PENDING") NotificationStatus status,
        @Schema(example = "WEBHOOK") Channel channel,
        @Schema(example = "hillside-primary", maxLength = 100) String recipientOrganisation,
        @Schema(description = "Masked", example = "d***@hillside.example", maxLength = 320) String recipientEmail,
        @Schema(description = "When it was due") Instant dueBy,
        @Schema(description = "The latest acceptable time (outcomes)") Instant latestBy,
        Instant deliveredAt,
        @Schema(example = "AT_RISK") DeadlineState deadline,
        @Schema(description = "Delivery attempts so far", example = "2", minimum = "0", maximum = "2147483647") int attempts,
        Instant nextAttemptAt,
        @Schema(example = "HTTP 500 from the partner's endpoint", maxLength = 1000) String lastError,
        @Schema(description = "The Standard Webhooks webhook-id, the same on every attempt",
                example = "msg_5a0e4a53-8d0c-4a8e-9f3c-2b1f7f6f0b51", maxLength = 40) String webhookId,
        Instant createdAt,
        @Schema(description = "Why it is WITHHELD_NO_CONSENT: about a young adult (18+) who has not given consent to"
                + " share with partners. Sent if consent is given", example = "Young adult (18+): no consent to share"
                + " with partners has been recorded", maxLength = 300) String withheldReason,
        @Schema(description = "FAILED: why it is on the could-not-inform list") FollowUpReason followUpReason,
        @Schema(description = "When the service gave up") Instant gaveUpAt,
        @Schema(description = "Why a failing webhook fell back to email", maxLength = 600) String fallbackReason,
        @Schema(description = "INFORMED_OTHERWISE: when the front door told the recipient") Instant informedAt,
        InformedHow informedHow,
        @Schema(description = "Who at the front door told them", maxLength = 200) String informedBy) {

    static NotificationView of(Notification n, Instant now, Instant horizon) {
        DeadlineState state = n.deadlineState(now, horizon);
        return new NotificationView(n.id, n.referralId, n.childId, n.kind, n.status, n.channel, n.recipientOrg, mask(n.recipientEmail), n.dueBy,
                n.latestBy, n.deliveredAt, state, n.attempts, n.nextAttemptAt, n.lastError, n.webhookId(),
                n.createdAt, n.withheldReason, n.followUpReason, n.gaveUpAt, n.fallbackReason, n.informedAt,
                n.informedHow, n.informedBy);
    }

    static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    @Schema(name = "NotificationPage")
    public record Page(@Schema(minimum = "0", maximum = "100000") int page, @Schema(minimum = "1", maximum = "100") int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long total, Instant asOf, @Schema(maxItems = 100) List<NotificationView> items) {
    }

    @Schema(name = "OverdueList", description = "A page of the undelivered messages past due, or due within the at-risk"
            + " window; the counts and total are of them all")
    public record Overdue(Instant asOf, @Schema(description = "End of the at-risk window") Instant atRiskUntil,
            @Schema(minimum = "0", maximum = "9223372036854775807") long overdue, @Schema(minimum = "0", maximum = "9223372036854775807") long atRisk,
            @Schema(description = "Messages on the could-not-inform list (all referrals, or this referral's)", minimum = "0", maximum = "9223372036854775807")
            long couldNotInform, @Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(description = "Overdue and at risk", minimum = "0", maximum = "9223372036854775807") long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<NotificationView> items) {
    }
}
