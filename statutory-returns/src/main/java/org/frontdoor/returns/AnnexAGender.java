package org.frontdoor.returns;

import org.frontdoor.events.codes.CensusSex;

/** The Gender pick list of Ofsted's Annex A (a 2026 revision renames the column Sex). */
public enum AnnexAGender {
    MALE("a) Male"),
    FEMALE("b) Female"),
    NOT_STATED("c) Not stated/recorded"),
    NEITHER("d) Neither");

    private final String pick;

    AnnexAGender(String pick) {
        this.pick = pick;
    }

    /** The value as the template's pick list spells it, e.g. {@code a) Male}. */
    public String pick() {
        return pick;
    }

    /** From the census's sex: U (and unborn) is "not stated/recorded"; null stays null. */
    public static AnnexAGender of(CensusSex sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex) {
            case MALE -> MALE;
            case FEMALE -> FEMALE;
            case UNKNOWN -> NOT_STATED;
        };
    }
}
