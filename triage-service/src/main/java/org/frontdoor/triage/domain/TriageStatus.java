package org.frontdoor.triage.domain;

import java.util.Arrays;
import java.util.Optional;

public enum TriageStatus {
    /** In the queue, nobody has it yet. */
    NEW,
    /** Claimed by or assigned to a triage worker. */
    IN_PROGRESS,
    /** Decided: level, outcome, rationale, feedback for the referrer. */
    DECIDED,
    /** The child has an open case: the contact went to the case's allocated worker, not the queue. */
    WITH_ALLOCATED_WORKER;

    public static Optional<TriageStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
