package org.frontdoor.events.codes;

/**
 * A young adult's (18 or over) explicit consent to share anything about them with a partner agency
 * (domain.md, "Feedback rules"). Only {@link #GIVEN} lets anything beyond "received" go to a partner.
 */
public enum SharingConsentStatus {
    GIVEN, REFUSED, NOT_RECORDED;

    public boolean given() {
        return this == GIVEN;
    }

    /**
     * The sharing rule, in one place for every service: may more than "received" about this child go to a partner?
     * Always for a child; for a young adult (referral-service's configured age rule decides who is one and sends
     * it as {@code youngAdult}) only with consent given and {@code confirmed} by the front door or a team manager: a
     * partner system may report that the young person consented, but its word alone shares nothing. Referral-service
     * applies it to what a partner reads, notification-service to every message.
     */
    public static boolean mayShareBeyondReceipt(boolean youngAdult, SharingConsentStatus consent, boolean confirmed) {
        return !youngAdult || consent == GIVEN && confirmed;
    }
}
