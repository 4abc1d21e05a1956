package org.frontdoor.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.notification.domain.DeadlineState;
import org.frontdoor.notification.domain.FollowUpReason;
import org.frontdoor.notification.domain.Kind;
import org.frontdoor.notification.domain.NotificationQueries;

/**
 * A message the service could not deliver: a task for the front door to tell the recipient by other means. It
 * carries what the service holds to reach them (unmasked: that is its purpose), never anything naming a child.
 */
@Schema(name = "CouldNotInform")
public record CouldNotInformView(
        UUID notificationId,
        UUID referralId,
        @Schema(description = "The child it is about, by id; absent for a referral's acknowledgement") UUID childId,
        Kind kind,
        Recipient recipient,
        FollowUpReason reason,
        @Schema(description = "The reason as a person reads it",
                example = "failed past its retry window: HTTP 500 from the partner's endpoint") String reasonText,
        @Schema(example = "HTTP 500 from the partner's endpoint") String lastError,
        @Schema(description = "When a failing webhook fell back to email, why",
                example = "the webhook failed 8 time(s), last: HTTP 500 from the partner's endpoint; sent by email"
                        + " instead") String fallbackReason,
        @Schema(description = "Delivery attempts made", example = "0") int attempts,
        @Schema(description = "When the service gave up") Instant gaveUpAt,
        Instant dueBy,
        @Schema(description = "Against its due time, as of asOf", example = "OVERDUE") DeadlineState deadline) {

    static final String NO_CHANNEL_TEXT = "no channel: no webhook subscription or email address for this recipient";

    @Schema(name = "CouldNotInformRecipient", description = "Who should have been told, and how to reach them")
    public record Recipient(
            @Schema(description = "The partner organisation's id", example = "cafcass-north") String organisationId,
            @Schema(description = "The organisation's name, when the referral record has it (the referrer's)",
                    example = "Hillside Primary School") String organisationName,
            @Schema(description = "True when the recipient is the referrer") boolean referrer,
            @Schema(description = "The referrer's name, for a referrer", example = "J. Patel") String contactName,
            @Schema(description = "The email address held for them", example = "dsl@hillside.example") String email,
            @Schema(description = "The referrer's own reference", example = "HPS-2291") String externalReference) {
    }

    @Schema(name = "CouldNotInformList")
    public record Page(Instant asOf, long total, List<CouldNotInformView> items) {
    }

    static CouldNotInformView of(NotificationQueries.Task task, Instant now, Instant horizon) {
        var n = task.notification();
        var record = task.referral();
        boolean isReferrer = record != null && record.isProfessional()
                && (n.recipientOrg != null ? n.recipientOrg.equals(record.organisationId)
                        : (n.recipientEmail != null && n.recipientEmail.equalsIgnoreCase(record.referrerEmail))
                                || "referrer".equals(n.recipientKey));
        Recipient recipient = new Recipient(n.recipientOrg, isReferrer ? record.organisationName : null, isReferrer,
                isReferrer ? record.referrerName : null, n.recipientEmail,
                isReferrer ? record.externalReference : null);
        String text = n.followUpReason == FollowUpReason.NO_CHANNEL ? NO_CHANNEL_TEXT
                : "failed past its retry window: " + n.lastError;
        return new CouldNotInformView(n.id, n.referralId, n.childId, n.kind, recipient, n.followUpReason, text,
                n.lastError, n.fallbackReason, n.attempts, n.gaveUpAt, n.dueBy, n.deadlineState(now, horizon));
    }
}
