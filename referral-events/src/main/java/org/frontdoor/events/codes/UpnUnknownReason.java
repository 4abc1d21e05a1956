package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Why a child in the DfE Children in Need census has no unique pupil number (UPN). {@link #REFERRAL_NFA}
 * (UN7) is only for a child whose every referral in the return was no further action.
 */
public enum UpnUnknownReason implements Coded {
    UNDER_SIX_NO_UPN("UN1", "Child is under 6 years old and has not been given a UPN yet"),
    NEVER_AT_SCHOOL_IN_ENGLAND("UN2", "Child has never attended a state school in England and has no UPN"),
    EDUCATED_OUTSIDE_ENGLAND("UN3", "Child is educated outside England and has no UPN"),
    NEWLY_IN_NEED("UN4", "Child became in need in the last week of the year and the UPN is not known yet"),
    SOURCES_DISAGREE("UN5", "Records of the child's name or date of birth disagree, so the UPN cannot be matched"),
    LA_CANNOT_OBTAIN("UN6", "Child is not looked after and the local authority cannot obtain the UPN"),
    REFERRAL_NFA("UN7", "Referral with no further action");

    private final String code;
    private final String label;

    UpnUnknownReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, UN1 to UN7. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    public static Optional<UpnUnknownReason> fromCode(String code) {
        return Coded.lookup(UpnUnknownReason.class, code);
    }
}
