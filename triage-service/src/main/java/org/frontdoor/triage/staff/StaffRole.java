package org.frontdoor.triage.staff;

/** What a member of staff does at the front door. Access itself comes from the identity provider's roles. */
public enum StaffRole {
    /** Screens contacts in the MASH queue. */
    TRIAGE_WORKER,
    /** Approves decisions, allocates cases, manages the staff directory. */
    TEAM_MANAGER,
    /** Lead worker of social care cases. */
    SOCIAL_WORKER,
    /** Lead practitioner of early help cases. */
    EARLY_HELP_PRACTITIONER
}
