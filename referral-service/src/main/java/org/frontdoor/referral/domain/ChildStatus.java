package org.frontdoor.referral.domain;

import org.frontdoor.events.codes.Outcome;

/** Where one child of a contact stands, as the referrer may know it. */
public enum ChildStatus {
    RECEIVED(ReferralStatus.RECEIVED),
    /** Being screened in the MASH queue, whether or not the child has an open case. */
    IN_TRIAGE(ReferralStatus.IN_TRIAGE),
    /**
     * Went to the allocated worker of the child's open case instead of the triage queue. Only
     * contacts from before every contact was screened have it; nothing sets it any more.
     */
    WITH_ALLOCATED_WORKER(ReferralStatus.IN_TRIAGE),
    /** Decided: no further action, information and advice, or early help. */
    DECIDED(ReferralStatus.DECIDED),
    /** Decided: a statutory assessment (s17) or strategy discussion (s47) by children's social care. */
    REFERRED_TO_SOCIAL_CARE(ReferralStatus.DECIDED),
    /** Decided: the child has an open case, and the contact was passed to its allocated worker. */
    PASSED_TO_ALLOCATED_WORKER(ReferralStatus.DECIDED),
    CASE_OPEN(ReferralStatus.DECIDED),
    CASE_CLOSED(ReferralStatus.CLOSED);

    private final ReferralStatus referralStatus;

    ChildStatus(ReferralStatus referralStatus) {
        this.referralStatus = referralStatus;
    }

    public ReferralStatus referralStatus() {
        return referralStatus;
    }

    /** What a decision tells the referrer: to social care, to the open case's worker, or decided otherwise. */
    public static ChildStatus decided(Outcome outcome) {
        if (outcome.statutory()) {
            return REFERRED_TO_SOCIAL_CARE;
        }
        return outcome == Outcome.PASSED_TO_ALLOCATED_WORKER ? PASSED_TO_ALLOCATED_WORKER : DECIDED;
    }
}
