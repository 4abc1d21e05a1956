package org.frontdoor.referral.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Surnames as matching keys: "O'Brien-Smith", "o brien smith" and "OBRIEN SMITH" are the same child. */
public final class Surname {

    private Surname() {
    }

    public static String key(String surname) {
        String plain = Normalizer.normalize(surname, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
