package org.frontdoor.triage.children;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the front door compares of a child to find their earlier records: as a contact gave them (the probe) or as a
 * record holds them (a candidate), with the phonetic keys the database worked out (child_record's columns, or
 * {@link ChildIndexQueries#keysOf} for a probe).
 */
public record ChildFacts(String firstName, String lastName, LocalDate dateOfBirth, String postcode, String nhsNumber,
        String upn, Keys keys) {

    /**
     * The database's keys of the names: double metaphone codes (first name, the name it stands for, surname and each
     * part of a hyphenated surname), the surname's soundex, the first name's canonical form (Bill: william) and the
     * parts of a hyphenated surname (lower case, letters only). Any may be null or empty.
     */
    public record Keys(String firstCanonical, String firstCode, String firstCanonicalCode, String lastCode,
            String lastSoundex, List<String> lastParts, List<String> lastPartCodes) {

        public static final Keys NONE = new Keys(null, null, null, null, null, List.of(), List.of());

        public Keys {
            lastParts = lastParts == null ? List.of() : List.copyOf(lastParts);
            lastPartCodes = lastPartCodes == null ? List.of() : List.copyOf(lastPartCodes);
        }
    }

    /** A name as compared: lower case letters only (as the database's child_name_norm); null for none. */
    public static String norm(String name) {
        if (name == null) {
            return null;
        }
        String n = name.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }

    /** A postcode as compared: upper case letters and digits; null for none. */
    public static String postcodeNorm(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = postcode.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
        return p.isEmpty() ? null : p;
    }

    /** An NHS number or UPN as compared: its letters and digits, upper case; null for none. */
    public static String identifierNorm(String id) {
        return postcodeNorm(id);
    }
}
