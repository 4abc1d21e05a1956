package org.frontdoor.triage.domain;

import java.util.Arrays;
import java.util.Optional;

public enum Pathway {
    EARLY_HELP, SOCIAL_CARE, NONE;

    public static Optional<Pathway> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
