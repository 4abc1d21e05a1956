package org.frontdoor.triage.domain;

import java.util.Arrays;
import java.util.Optional;

/** Local RAG practice: how fast the screening decision is due. */
public enum Priority {
    /** Immediate risk or level 4: straight to social care, within hours. */
    RED,
    /** Level 3: social care screening within 1 working day. */
    AMBER,
    /** Levels 1-2: early help screening within 3 working days. */
    GREEN;

    public static Priority of(int suggestedLevel, boolean immediateRisk) {
        if (immediateRisk || suggestedLevel >= 4) {
            return RED;
        }
        return suggestedLevel == 3 ? AMBER : GREEN;
    }

    public static Optional<Priority> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
