package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Reason a CIN episode closed, as the DfE Children in Need census codes it. {@link #NFA_AFTER_ASSESSMENT}
 * (RC8) and {@link #EARLY_HELP_AFTER_ASSESSMENT} (RC9) close a case after an assessment and nothing
 * more: no s47 enquiry, conference or plan.
 */
public enum ClosureReason implements Coded {
    ADOPTED("RC1", "Adopted"),
    DIED("RC2", "Died"),
    CHILD_ARRANGEMENTS_ORDER("RC3", "Child arrangements order"),
    SPECIAL_GUARDIANSHIP_ORDER("RC4", "Special guardianship order"),
    TRANSFERRED_TO_ANOTHER_LA("RC5", "Transferred to another local authority"),
    TRANSFERRED_TO_ADULT_SERVICES("RC6", "Transferred to adult social services"),
    SERVICES_CEASED("RC7", "Services ceased for any other reason, including child no longer in need"),
    NFA_AFTER_ASSESSMENT("RC8", "Case closed after assessment, no further action"),
    EARLY_HELP_AFTER_ASSESSMENT("RC9", "Case closed after assessment, referred to early help");

    private final String code;
    private final String label;

    ClosureReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, RC1 to RC9. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    /** RC8 or RC9: the case closed straight after its assessment. */
    public boolean closedAfterAssessment() {
        return this == NFA_AFTER_ASSESSMENT || this == EARLY_HELP_AFTER_ASSESSMENT;
    }

    public static Optional<ClosureReason> fromCode(String code) {
        return Coded.lookup(ClosureReason.class, code);
    }
}
