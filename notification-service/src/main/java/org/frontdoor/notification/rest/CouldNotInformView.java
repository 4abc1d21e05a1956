package org.frontdoor.notification.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.notification.domain.DeadlineState;
import org.frontdoor.notification.domain.FollowUpReason;
import org.frontdoor.notification.domain.NotificationQueries;
import org.frontdoor.support.paging.Paging;

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
                example = "failed past its retry window: HTTP 500 from the partner's endpoint", maxLength = 1100) String reasonText,
        @Schema(example = "HTTP 500 from the partner's endpoint", maxLength = 1000) String lastError,
        @Schema(description = "When a failing webhook fell back to email, why",
                example = "the webhook failed 8 time(s), last: HTTP 500 from the partner's endpoint; sent by email"
                        + " instead", maxLength = 600) String fallbackReason,
        @Schema(description = "Delivery attempts made", example = "0", minimum = "0", maximum = "2147483647") int attempts,
        @Schema(description = "When the service gave up") Instant gaveUpAt,
        Instant dueBy,
        @Schema(description = "Against its due time, as of asOf", example = "OVERDUE") DeadlineState deadline) {

    static final String NO_CHANNEL_TEXT = "no channel: no webhook subscription or email address for this recipient";
    static final String INACTIVE_TEXT = "not sent: the organisation is inactive in the partner directory; tell them"
            + " by other means if they still need to know, or reactivate it and retry";

    @Schema(name = "CouldNotInformRecipient", description = "Who should have been told, and how to reach them")
    public record Recipient(
            @Schema(description = "The partner organisation's id", example = "cafcass-north", maxLength = 100) String organisationId,
            @Schema(description = "The organisation's name: the partner directory's, else the referral record's (the"
                    + " referrer's)", example = "Hillside Primary School", maxLength = 200) String organisationName,
            @Schema(description = "True when the recipient is the referrer") boolean referrer,
            @Schema(description = "The referrer's name, for a referrer", example = "J. Patel", maxLength = 200) String contactName,
            @Schema(description = "The email address held for them", example = "dsl@hillside.example", maxLength = 320) String email,
            @Schema(description = "The referrer's own reference", example = "HPS-2291", maxLength = 100) String externalReference,
            @Schema(description = "True when the organisation is in the partner directory") boolean inDirectory,
            @Schema(description = "The directory's agency type") AgencyType agencyType,
            @Schema(description = "The directory's contact emails for secure email (may be empty)",
                    example = "[\"safeguarding@hillside-primary.example\"]", maxItems = 10) List<@Size(max = 320) String> contactEmails,
            @Schema(description = "Whether the organisation is active in the directory; absent when not in it")
            Boolean active) {
    }

    @Schema(name = "CouldNotInformList", description = "A page of the open tasks; total counts them all")
    public record Page(Instant asOf, @Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<CouldNotInformView> items) {
    }

    static CouldNotInformView of(NotificationQueries.Task task, Instant now, Instant horizon) {
        var n = task.notification();
        var record = task.referral();
        boolean isReferrer = record != null && record.isProfessional()
                && (n.recipientOrg != null ? n.recipientOrg.equals(record.organisationId)
                        : (n.recipientEmail != null && n.recipientEmail.equalsIgnoreCase(record.referrerEmail))
                                || "referrer".equals(n.recipientKey));
        var partner = task.partner();
        Recipient recipient = new Recipient(n.recipientOrg, partner != null ? partner.name
                : isReferrer ? record.organisationName : null, isReferrer,
                isReferrer ? record.referrerName : null, n.recipientEmail,
                isReferrer ? record.externalReference : null, partner != null,
                partner == null ? null : partner.agencyType, partner == null ? List.of() : partner.emails(),
                partner == null ? null : partner.active);
        String retries = "failed past its retry window: " + n.lastError;
        String text = n.followUpReason == null ? retries : switch (n.followUpReason) {
            case NO_CHANNEL -> NO_CHANNEL_TEXT;
            case INACTIVE_RECIPIENT -> INACTIVE_TEXT;
            case RETRIES_EXHAUSTED -> retries;
        };
        return new CouldNotInformView(n.id, n.referralId, n.childId, n.kind, recipient, n.followUpReason, text,
                n.lastError, n.fallbackReason, n.attempts, n.gaveUpAt, n.dueBy, n.deadlineState(now, horizon));
    }
}
