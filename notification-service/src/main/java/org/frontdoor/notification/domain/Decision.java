package org.frontdoor.notification.domain;

import java.util.Arrays;
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
        Outcome outcome = parse(Outcome.class, d.outcome(), "outcome");
        Pathway pathway = outcome == Outcome.PASSED_TO_ALLOCATED_WORKER
                ? (d.pathway() == null ? Pathway.NONE : parse(Pathway.class, d.pathway(), "pathway"))
                : outcome.pathway();
        if (d.becameReferral() && !outcome.statutory()) {
            throw new MalformedEventException("triage.decided for child " + d.childId() + " says it became a"
                    + " referral, but its outcome " + outcome + " is not statutory");
        }
        return new Decision(d, outcome, pathway, d.becameReferral());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("triage.decided has no " + field);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            // a code, not personal data; cut short all the same, as it goes into logs and the dead-letter topic
            String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
            throw new MalformedEventException("triage.decided has an unknown " + field + " '" + shown
                    + "' (a newer producer?); known: " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
