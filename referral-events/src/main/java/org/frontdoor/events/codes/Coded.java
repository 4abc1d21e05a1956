package org.frontdoor.events.codes;

import java.util.Arrays;
import java.util.Optional;

/**
 * A code list whose values travel as codes other than their Java names (the DfE census codes, e.g. {@code N1} or
 * {@code RC8}): each value says its code, and {@link #lookup} finds a value by it, the one way for every such list.
 */
public interface Coded {

    /** The value's code, as it is written on the wire and in returns. */
    String code();

    /** The value of {@code type} with this code; empty for an unknown code (or none). */
    static <E extends Enum<E> & Coded> Optional<E> lookup(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
