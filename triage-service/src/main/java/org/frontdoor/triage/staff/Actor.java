package org.frontdoor.triage.staff;

/**
 * Who is acting: the staff member their sign-in is linked to (by the token's subject), or, for
 * someone not in the staff directory, just the subject. {@code id} is what items, cases and
 * history record.
 */
public record Actor(String id, String subject, StaffMember staff, boolean teamManager) {

    public boolean inDirectory() {
        return staff != null;
    }

    /**
     * Whether this is the person who acted as {@code staffId} signed in as {@code subject}: the same staff record
     * or the same sign-in, either being enough, so that a second staff record never makes one person two.
     */
    public boolean isSamePersonAs(String staffId, String subject) {
        return id.equals(staffId) || subject != null && subject.equals(this.subject);
    }
}
