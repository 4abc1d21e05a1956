package org.frontdoor.support.openapi;

/**
 * The ranges of Java's integer types, for {@code @Schema(minimum, maximum)} on counts, ids and versions that have no
 * smaller honest bound: the document then says what the field can hold, which is what the OWASP API4 rules ask.
 */
public final class Bounds {

    /** {@link Integer#MAX_VALUE}. */
    public static final String INT_MAX = "2147483647";

    /** {@link Long#MAX_VALUE}. */
    public static final String LONG_MAX = "9223372036854775807";

    private Bounds() {
    }
}
