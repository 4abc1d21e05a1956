package org.frontdoor.triage.domain;

import java.util.Arrays;
import java.util.Optional;

/** What the front door decides for a child, and the pathway it leads to. */
public enum Outcome {
    NO_FURTHER_ACTION(Pathway.NONE),
    INFORMATION_AND_ADVICE(Pathway.NONE),
    EARLY_HELP_SINGLE_AGENCY(Pathway.EARLY_HELP),
    EARLY_HELP_TARGETED(Pathway.EARLY_HELP),
    /** Children's social care assessment under s17 (child in need). */
    SOCIAL_CARE_ASSESSMENT(Pathway.SOCIAL_CARE),
    /** Strategy discussion, which may start an s47 enquiry (child protection). */
    STRATEGY_DISCUSSION(Pathway.SOCIAL_CARE);

    private final Pathway pathway;

    Outcome(Pathway pathway) {
        this.pathway = pathway;
    }

    public Pathway pathway() {
        return pathway;
    }

    /** Early help and social care outcomes open a case (or join the child's open one). */
    public boolean opensCase() {
        return pathway != Pathway.NONE;
    }

    public static Optional<Outcome> parse(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
