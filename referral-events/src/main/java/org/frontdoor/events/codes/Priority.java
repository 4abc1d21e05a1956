package org.frontdoor.events.codes;


/** Local RAG practice (domain.md, "Timescales"): how fast the screening decision is due. */
public enum Priority {
    /** Immediate risk: straight to social care, within hours, whatever the routing. */
    RED,
    /** Social care screening (suggested level 4, or a child with an open social care case): 1 working day. */
    AMBER,
    /** Early help screening: 3 working days. */
    GREEN;

    public static Priority of(int suggestedLevel, boolean immediateRisk, Pathway openCasePathway) {
        if (immediateRisk) {
            return RED;
        }
        return suggestedLevel >= 4 || openCasePathway == Pathway.SOCIAL_CARE ? AMBER : GREEN;
    }
}
