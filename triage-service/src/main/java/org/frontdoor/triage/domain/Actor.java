package org.frontdoor.triage.domain;

/**
 * Who is acting: the staff member their sign-in is linked to (by the token's subject), or, for
 * someone not in the staff directory, just the subject. {@code id} is what items, cases and
 * history record.
 */
public record Actor(String id, String subject, StaffMember staff, boolean teamManager) {

    public boolean inDirectory() {
        return staff != null;
    }
}
