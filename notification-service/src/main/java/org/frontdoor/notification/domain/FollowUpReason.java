package org.frontdoor.notification.domain;

/** Why a message was given up and became a task on the "could not inform" list. */
public enum FollowUpReason {
    /** No webhook subscription and no email address for the recipient: nothing was ever sent. */
    NO_CHANNEL,
    /** Every attempt within the retry window failed (after any email fallback); {@code lastError} says the last. */
    RETRIES_EXHAUSTED,
    /**
     * The recipient organisation is inactive in the partner directory: nothing was sent, as its endpoint or mailbox
     * may no longer be watched by anyone; the front door decides whom to tell.
     */
    INACTIVE_RECIPIENT
}
