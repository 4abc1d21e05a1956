package org.frontdoor.events.codes;

/**
 * What the front door decides for one child of a contact (the {@code outcome} of {@code triage.decided}).
 * A statutory outcome (s17 assessment, or strategy discussion and s47) makes the contact a
 * <b>referral</b> in CIN census terms; every other outcome leaves it a contact.
 */
public enum Outcome {
    NO_FURTHER_ACTION(Pathway.NONE, "No further action"),
    INFORMATION_AND_ADVICE(Pathway.NONE, "Information and advice"),
    EARLY_HELP_SINGLE_AGENCY(Pathway.EARLY_HELP, "Single-agency early help"),
    EARLY_HELP_TARGETED(Pathway.EARLY_HELP, "Targeted early help"),
    /** Children's social care assessment under s17 (child in need). */
    SOCIAL_CARE_ASSESSMENT(Pathway.SOCIAL_CARE, "Children's social care assessment (s17)"),
    /** Strategy discussion, which may start an s47 enquiry (child protection). */
    STRATEGY_DISCUSSION(Pathway.SOCIAL_CARE, "Strategy discussion (s47)"),
    /**
     * The child has an open case: the contact is passed to its allocated worker, with the reason.
     * Its pathway is the open case's, so it has none of its own.
     */
    PASSED_TO_ALLOCATED_WORKER(Pathway.NONE, "Passed to the allocated worker of the child's open case");

    private final Pathway pathway;
    private final String label;

    Outcome(Pathway pathway, String label) {
        this.pathway = pathway;
        this.label = label;
    }

    /** The pathway the outcome leads to; NONE for no case, and for a contact passed to an open case. */
    public Pathway pathway() {
        return pathway;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    /** Early help and social care outcomes open a case (or join or step the child's open one). */
    public boolean opensCase() {
        return pathway != Pathway.NONE;
    }

    /** A statutory assessment (s17) or strategy discussion (s47): the contact becomes a referral. */
    public boolean statutory() {
        return pathway == Pathway.SOCIAL_CARE;
    }
}
