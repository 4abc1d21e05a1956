package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Primary need at assessment, as the DfE Children in Need census codes it (in the schema's order: N1 to
 * N9, then N0). Required on every referral that goes on to further action.
 */
public enum PrimaryNeed implements Coded {
    ABUSE_OR_NEGLECT("N1", "Abuse, neglect and exploitation"),
    CHILD_DISABILITY("N2", "Child's disability or illness"),
    PARENTAL_DISABILITY("N3", "Parental disability or illness"),
    FAMILY_IN_ACUTE_STRESS("N4", "Family in acute stress"),
    FAMILY_DYSFUNCTION("N5", "Family dysfunction"),
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR("N6", "Socially unacceptable behaviour"),
    LOW_INCOME("N7", "Low income"),
    ABSENT_PARENTING("N8", "Absent parenting"),
    NOT_IN_NEED("N9", "Cases other than children in need"),
    NOT_STATED("N0", "Not stated");

    private final String code;
    private final String label;

    PrimaryNeed(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, N0 to N9. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    public static Optional<PrimaryNeed> fromCode(String code) {
        return Coded.lookup(PrimaryNeed.class, code);
    }
}
