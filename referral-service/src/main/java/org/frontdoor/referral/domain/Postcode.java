package org.frontdoor.referral.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes, kept in their standard written form ("DN1 1AA"). */
public final class Postcode {

    private static final Pattern UK = Pattern.compile("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2})$");

    private Postcode() {
    }

    /** The standard form, or null when the text is not a UK postcode. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!UK.matcher(compact).matches()) {
            return null;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** The matching key: no space. */
    public static String key(String standardForm) {
        return standardForm == null ? null : standardForm.replace(" ", "");
    }
}
