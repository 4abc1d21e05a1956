package org.frontdoor.referral.domain;

/**
 * What one child's part of a submission counts as. Every submission is a contact; it becomes a
 * referral (CIN census) only when the front door decides on a statutory assessment for the child.
 */
public enum RecordType {
    /** A request for help or information about the child; no statutory decision (yet). */
    CONTACT,
    /** The child's contact became a referral: s17 assessment, or strategy discussion (s47). */
    REFERRAL;

    public static RecordType of(boolean becameReferral) {
        return becameReferral ? REFERRAL : CONTACT;
    }
}
