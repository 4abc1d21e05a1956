package org.frontdoor.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.PrimaryNeed;

/**
 * Payload of {@code triage.decided}: the decision for one child of a contact, once it takes effect
 * (a decision that needs a team manager's approval is published when approved, never before).
 * {@code referrerFeedback} is the text the worker wrote for the referrer; the worker's own
 * rationale stays in triage.
 *
 * @param outcome an {@link org.frontdoor.events.codes.Outcome} name
 * @param pathway EARLY_HELP, SOCIAL_CARE or NONE; for PASSED_TO_ALLOCATED_WORKER the open case's
 * @param becameReferral true when the outcome is statutory (s17 or s47) and the child had no open social
 *        care case: the contact is now a referral in CIN census terms
 * @param referralDate the CIN referral date (the contact's date, in England) when it became a referral
 * @param reReferral the referral came within 12 months of an earlier referral of the same child
 * @param approvedBy the team manager who approved it, when it needed approval
 * @param caseId the case the decision opened, joined or stepped, if any
 */
public record TriageDecided(UUID referralId, UUID childId, UUID triageItemId, int level, String outcome,
        String pathway, String primaryNeedCode, String referrerFeedback, String decidedBy, Instant decidedAt,
        boolean metDeadline, boolean becameReferral, LocalDate referralDate, boolean reReferral, String approvedBy,
        UUID caseId) {

    /**
     * The decision's codes in the shared code lists.
     *
     * @param pathway absent when the event leaves it out
     * @param primaryNeed absent when the event leaves it out
     */
    public record Codes(Outcome outcome, Pathway pathway, PrimaryNeed primaryNeed) {
    }

    /** Its codes, read; an unknown one, or no outcome, is a {@link org.frontdoor.events.MalformedEventException}. */
    public Codes codes() {
        String event = "triage.decided";
        return new Codes(PayloadReader.required(Outcome.class, outcome, event, "outcome"),
                PayloadReader.optional(Pathway.class, pathway, event, "pathway"),
                PayloadReader.optionalCode(PrimaryNeed.class, primaryNeedCode, event, "primaryNeedCode"));
    }

    /** The one reader of a {@code triage.decided}: what cannot be read, codes included, is malformed. */
    public static TriageDecided from(EventEnvelope event) {
        return PayloadReader.read(event, TriageDecided.class, TriageDecided::codes);
    }
}
