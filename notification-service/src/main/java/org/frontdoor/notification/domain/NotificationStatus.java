package org.frontdoor.notification.domain;

public enum NotificationStatus {
    /** An outcome the referrer is owed, waiting for the triage decision; its deadline already runs. */
    AWAITING_DECISION,
    /** Ready to send, or waiting for its next attempt. */
    PENDING,
    SENT,
    /**
     * Every attempt within the retry limit failed, or there is no way to reach the recipient: a task on the "could
     * not inform" list ({@code followUpReason}) until it is retried or the front door has told them otherwise.
     */
    FAILED,
    /** Given up by the service, then told by the front door by other means (phone, letter, ...): closed. */
    INFORMED_OTHERWISE,
    /**
     * About a young adult who has not given consent to share ({@link SharingPolicy}): composed and kept, never
     * sent; it becomes PENDING if consent is given. Its {@code withheldReason} says why.
     */
    WITHHELD_NO_CONSENT
}
