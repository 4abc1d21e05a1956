package org.frontdoor.triage.decision;

import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;

/** What a worker decided for a child, as it is kept with the triage item (TriageItem.decide). */
public record Decision(int level, Outcome outcome, Pathway pathway, String primaryNeedCode, String rationale,
        String referrerFeedback, String levelOverrideReason, String requestedLeadWorker,
        String allocationOverrideReason, String openRequestsReason) {
}
