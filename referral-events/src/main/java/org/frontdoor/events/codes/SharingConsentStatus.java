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
}
