package org.frontdoor.notification.domain;

/** Where a message stands against its due time, as of a given moment. */
public enum DeadlineState {
    /** Delivered by its due time. */
    MET,
    /** Delivered, but after its due time. */
    MISSED,
    /** Not delivered, and not due within the at-risk window. */
    ON_TRACK,
    /** Not delivered, due within the at-risk window (e.g. within 1 working day). */
    AT_RISK,
    /** Not delivered, and past its due time. */
    OVERDUE,
    /** Held back by law (a young adult's consent): not late, and not in the overdue list. */
    WITHHELD
}
