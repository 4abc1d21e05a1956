package org.frontdoor.triage.sharing;

/** Where a request to a partner organisation stands. */
public enum InformationRequestStatus {
    /** Asked; the organisation has until the deadline. */
    REQUESTED,
    /** The organisation answered with what it holds. */
    ANSWERED,
    /** The organisation searched and holds nothing about the children. */
    NO_TRACE,
    /** The organisation will not answer, with its reason. */
    DECLINED,
    /** The deadline passed unanswered: the organisation was reminded. It may still answer. */
    OVERDUE
}
