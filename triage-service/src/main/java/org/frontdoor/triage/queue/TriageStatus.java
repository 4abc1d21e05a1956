package org.frontdoor.triage.queue;

/** Where a child's screening stands. Every contact is screened: none leaves the queue undecided. */
public enum TriageStatus {
    /** In the queue, nobody has it yet. */
    NEW,
    /** Claimed by or assigned to a triage worker. */
    IN_PROGRESS,
    /** Decided, but risk demands a team manager's approval before the decision takes effect. */
    AWAITING_APPROVAL,
    /** Decided and in effect: level, outcome, rationale, feedback for the referrer. */
    DECIDED
}
