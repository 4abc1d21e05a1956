package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Category of abuse on a child protection plan, as the DfE Children in Need census codes it. */
public enum CategoryOfAbuse implements Coded {
    NEGLECT("NEG", "Neglect"),
    PHYSICAL("PHY", "Physical abuse"),
    SEXUAL("SAB", "Sexual abuse"),
    EMOTIONAL("EMO", "Emotional abuse"),
    MULTIPLE("MUL", "Multiple (not recommended)");

    private final String code;
    private final String label;

    CategoryOfAbuse(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, e.g. {@code NEG}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    public static Optional<CategoryOfAbuse> fromCode(String code) {
        return Coded.lookup(CategoryOfAbuse.class, code);
    }
}
