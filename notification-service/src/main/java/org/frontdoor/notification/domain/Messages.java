package org.frontdoor.notification.domain;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The message texts, one Qute file per kind under {@code src/main/resources/templates/messages/}, plain and
 * readable so the front door can reword them. Checked at build time: a misspelt field fails the build.
 * The models carry only what the recipient may be told; the public acknowledgement's model has no case
 * details at all, so its template cannot show any.
 */
@CheckedTemplate(basePath = "messages", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
public final class Messages {

    private Messages() {
    }

    /** A professional referrer's acknowledgement. */
    public static native TemplateInstance acknowledgement(Acknowledgement m);

    /** A relative's, acquaintance's or member of the public's acknowledgement: generic, no case details. */
    public static native TemplateInstance acknowledgementPublic(PublicAcknowledgement m);

    /** The outcome for one child, to a professional referrer. */
    public static native TemplateInstance outcome(Outcome m);

    public static native TemplateInstance caseStepped(CaseChange m);

    public static native TemplateInstance caseClosed(CaseChange m);

    /** The MASH asks an organisation about a contact: where to read the request, and by when. */
    public static native TemplateInstance informationRequested(InformationRequest m);

    /** The organisation's answer is overdue: the same request again. */
    public static native TemplateInstance informationChased(InformationRequest m);

    /** The outcome of a strategy discussion, to an organisation that attended. */
    public static native TemplateInstance strategyDiscussionOutcome(StrategyOutcome m);

    public record Contact(String name, String email, String phone) {
    }

    /** A child of the contact: {@code label} names them in the text ("child 2 (A.S., born March 2016)"). */
    public record ChildRef(int number, String label, String childId) {
    }

    /** @param reference our human reference, which the referrer is asked to quote */
    public record Acknowledgement(String reference, String externalReference, String organisationName,
            String referrerName, String receivedAt, List<ChildRef> children, String outcomeDueBy,
            String outcomeLatestBy, Contact contact, boolean youngAdultNamed) {
    }

    public record PublicAcknowledgement(String reference, String receivedAt, Contact contact) {
    }

    /**
     * @param outcome the outcome's label
     * @param next which "what happens next" paragraph the text shows
     * @param referral the contact became a referral to children's social care
     * @param knownTo for a child with an open case, who knows the child, in words ("early help")
     * @param child the child as the text names them ("child 2 (A.S., born March 2016)")
     */
    public record Outcome(String reference, String externalReference, String referrerName, String child, int level, String levelName, String outcome, NextStep next, boolean referral,
            String knownTo, String reasons, String decidedAt, Contact contact) {
    }

    /**
     * What happens next after a decision: one paragraph of {@code outcome.txt} each. Chosen from the outcome
     * by an exhaustive switch, so a new outcome fails the build until it has its words.
     */
    public enum NextStep {
        NO_FURTHER_ACTION,
        INFORMATION_AND_ADVICE,
        SINGLE_AGENCY_EARLY_HELP,
        TARGETED_EARLY_HELP,
        /** s17: children's social care assesses the child's needs. */
        SOCIAL_CARE_ASSESSMENT,
        /** s47: a strategy discussion decides on a child protection enquiry. */
        STRATEGY_DISCUSSION,
        /** The child has an open case: the information went to its allocated worker. */
        ALLOCATED_WORKER
    }

    /**
     * @param summary what partners are told: of a step, triage's partner summary (never the worker's rationale, which
     *            stays in triage); of a closure, its summary
     * @param reference the contact the recipient knows (the one it made, else the one it was asked about)
     * @param externalReference the recipient's own reference of that contact, when it made it
     * @param child the child as the text names them
     * @param childReference the child's own contact, when it is not {@code reference}
     */
    public record CaseChange(String reference, String externalReference, String child, String childReference,
            String pathway, String direction,
            String closureReasonCode, String closureReason, String summary, String leadWorker, String occurredAt,
            Contact contact) {
    }

    /**
     * A request to an organisation: never the question nor anything naming a child (the partner reads those with
     * its own token at {@code link}).
     *
     * @param deadline in words, in England
     */
    public record InformationRequest(String organisationName, String reference, String requestId, String urgency,
            String deadline, String link, Contact contact) {
    }

    /** A strategy discussion's decision: never the minutes nor what each agency shared. */
    public record StrategyOutcome(String organisationName, String discussionId, String reference, String heldAt,
            boolean section47Enquiry, String immediateProtectiveAction, Contact contact) {
    }
}
