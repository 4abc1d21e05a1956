package org.frontdoor.referral.domain;

/** Where a referral stands as a whole, in the order it moves. */
public enum ReferralStatus {
    RECEIVED,
    IN_TRIAGE,
    DECIDED,
    CLOSED
}
