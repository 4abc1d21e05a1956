package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Disability, as the DfE Children in Need census codes it. A child has either {@link #NONE} alone or
 * one or more of the others, each once.
 */
public enum Disability implements Coded {
    NONE("NONE", "No disability"),
    MOBILITY("MOB", "Mobility"),
    HAND_FUNCTION("HAND", "Hand function"),
    PERSONAL_CARE("PC", "Personal care"),
    INCONTINENCE("INC", "Incontinence"),
    COMMUNICATION("COMM", "Communication"),
    LEARNING("LD", "Learning"),
    HEARING("HEAR", "Hearing"),
    VISION("VIS", "Vision"),
    BEHAVIOUR("BEH", "Behaviour"),
    CONSCIOUSNESS("CON", "Consciousness"),
    AUTISM("AUT", "Autism or Asperger syndrome"),
    OTHER_DDA("DDA", "Other disability under the Disability Discrimination Act");

    private final String code;
    private final String label;

    Disability(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, e.g. {@code MOB}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    public static Optional<Disability> fromCode(String code) {
        return Coded.lookup(Disability.class, code);
    }
}
