package org.frontdoor.referral.domain;

/** Where one child of a referral stands, as the referrer may see it. */
public enum ChildStatus {
    RECEIVED(ReferralStatus.RECEIVED),
    IN_TRIAGE(ReferralStatus.IN_TRIAGE),
    /** Went to the allocated worker of the child's open case instead of the triage queue. */
    WITH_ALLOCATED_WORKER(ReferralStatus.IN_TRIAGE),
    DECIDED(ReferralStatus.DECIDED),
    CASE_OPEN(ReferralStatus.DECIDED),
    CASE_CLOSED(ReferralStatus.CLOSED);

    private final ReferralStatus referralStatus;

    ChildStatus(ReferralStatus referralStatus) {
        this.referralStatus = referralStatus;
    }

    public ReferralStatus referralStatus() {
        return referralStatus;
    }
}
