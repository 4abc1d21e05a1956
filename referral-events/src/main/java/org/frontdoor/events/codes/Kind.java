package org.frontdoor.events.codes;

/** What a message tells; the wire names of {@code NotificationOutcome.kind}. */
public enum Kind {
    /** The referral was received (professional: with what happens next; public: generic). */
    ACKNOWLEDGEMENT("referral.acknowledged"),
    /** The decision for one child, with the reasons: professional referrers only. */
    OUTCOME("referral.outcome"),
    /** A case moved between early help and social care: partner agencies involved. */
    CASE_STEPPED("case.stepped"),
    /** A case closed: partner agencies involved. */
    CASE_CLOSED("case.closed"),
    /** The MASH asks the organisation about a contact's children: where to read the question, and by when. */
    INFORMATION_REQUESTED("information.requested"),
    /** The organisation's answer is overdue: a reminder of the same request. */
    INFORMATION_CHASED("information.chased"),
    /** The outcome of a strategy discussion the organisation attended. */
    STRATEGY_DISCUSSION_OUTCOME("strategy-discussion.outcome");

    private final String webhookType;

    Kind(String webhookType) {
        this.webhookType = webhookType;
    }

    /** The {@code type} of the webhook body, in the Standard Webhooks "type, timestamp, data" shape. */
    public String webhookType() {
        return webhookType;
    }
}
