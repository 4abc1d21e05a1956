package org.frontdoor.notification.domain;

import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.TriageDecided;

/**
 * A {@code triage.decided} as this service reads it: the outcome parsed once into the shared code list, so
 * the planner, the message text and the webhook data never interpret the string again.
 *
 * @param pathway where the child's case sits: the outcome's own pathway, except for
 *        {@link Outcome#PASSED_TO_ALLOCATED_WORKER}, whose pathway is the open case's as the event gives it
 *        (NONE when the event leaves it out)
 * @param referral the contact became a referral to children's social care (s17 or s47)
 */
public record Decision(TriageDecided event, Outcome outcome, Pathway pathway, boolean referral) {

    /**
     * Reads the decision. An outcome this service does not know (a newer producer), or a contradictory
     * decision, is malformed: it goes to the dead-letter topic rather than to the referrer in words that
     * might be wrong, and the outcome stays owed, so the overdue list shows it.
     */
    public static Decision of(TriageDecided d) {
        TriageDecided.Codes codes = d.codes();
        Outcome outcome = codes.outcome();
        Pathway pathway = outcome == Outcome.PASSED_TO_ALLOCATED_WORKER
                ? (codes.pathway() == null ? Pathway.NONE : codes.pathway())
                : outcome.pathway();
        if (d.becameReferral() && !outcome.statutory()) {
            throw new MalformedEventException("triage.decided for child " + d.childId() + " says it became a"
                    + " referral, but its outcome " + outcome + " is not statutory");
        }
        return new Decision(d, outcome, pathway, d.becameReferral());
    }
}
