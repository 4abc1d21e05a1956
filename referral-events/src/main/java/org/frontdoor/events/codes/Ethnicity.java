package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Ethnicity, as the DfE Children in Need census codes it (the 20 codes of the 2025-26 census, in the
 * census's own order: that order is also the order of the Ofsted Annex A pick list, {@code a) WBRI} to
 * {@code t) NOBT}). {@link #REFUSED} and {@link #NOT_YET_OBTAINED} are answers in their own right.
 */
public enum Ethnicity implements Coded {
    WHITE_BRITISH("WBRI", "White British"),
    WHITE_IRISH("WIRI", "White Irish"),
    TRAVELLER_OF_IRISH_HERITAGE("WIRT", "Traveller of Irish heritage"),
    ANY_OTHER_WHITE("WOTH", "Any other White background"),
    GYPSY_ROMA("WROM", "Gypsy/Roma"),
    WHITE_AND_BLACK_CARIBBEAN("MWBC", "White and Black Caribbean"),
    WHITE_AND_BLACK_AFRICAN("MWBA", "White and Black African"),
    WHITE_AND_ASIAN("MWAS", "White and Asian"),
    ANY_OTHER_MIXED("MOTH", "Any other mixed background"),
    INDIAN("AIND", "Indian"),
    PAKISTANI("APKN", "Pakistani"),
    BANGLADESHI("ABAN", "Bangladeshi"),
    ANY_OTHER_ASIAN("AOTH", "Any other Asian background"),
    BLACK_CARIBBEAN("BCRB", "Black Caribbean"),
    BLACK_AFRICAN("BAFR", "Black African"),
    ANY_OTHER_BLACK("BOTH", "Any other Black background"),
    CHINESE("CHNE", "Chinese"),
    ANY_OTHER_ETHNIC_GROUP("OOTH", "Any other ethnic group"),
    REFUSED("REFU", "Refused"),
    NOT_YET_OBTAINED("NOBT", "Information not yet obtained");

    private final String code;
    private final String label;

    Ethnicity(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, e.g. {@code WBRI}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    public static Optional<Ethnicity> fromCode(String code) {
        return Coded.lookup(Ethnicity.class, code);
    }
}
