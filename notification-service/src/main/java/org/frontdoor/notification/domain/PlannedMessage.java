package org.frontdoor.notification.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.frontdoor.events.codes.Kind;

/**
 * One message {@link NotificationPlanner} owes, as it is inserted (once per referral, child, kind, occurrence and
 * recipient). {@code message} is null for an outcome still waiting for its decision.
 */
record PlannedMessage(UUID referralId, UUID childId, Kind kind, String occurrence, Recipient to,
        NotificationStatus status, Instant dueBy, Instant latestBy, MessageComposer.Composed message,
        UUID sourceEventId) {

    /** Who a message goes to: {@code key} identifies them across messages; {@code org} or {@code email} reach them. */
    record Recipient(String key, String org, String email) {

        static Recipient organisation(String org, String email) {
            return new Recipient("org:" + org, org, email);
        }

        static Recipient email(String email) {
            return new Recipient("email:" + email.toLowerCase(Locale.ROOT), null, email);
        }

        /** How to reach a referrer: their organisation's webhook, else their email address. */
        static Recipient referrer(ReferralRecord record) {
            if (record.organisationId != null) {
                return organisation(record.organisationId, record.referrerEmail);
            }
            if (record.referrerEmail != null) {
                return email(record.referrerEmail);
            }
            return new Recipient("referrer", null, null);
        }
    }
}
