package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Sex, as the DfE Children in Need census codes it from 2024-25 (it replaced {@code GenderCurrent}).
 * An unborn child is {@link #UNKNOWN}.
 */
public enum CensusSex implements Coded {
    MALE("M", "Male"),
    FEMALE("F", "Female"),
    /** Not known, including every unborn child. */
    UNKNOWN("U", "Unknown");

    private final String code;
    private final String label;

    CensusSex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code: M, F or U. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    public static Optional<CensusSex> fromCode(String code) {
        return Coded.lookup(CensusSex.class, code);
    }
}
