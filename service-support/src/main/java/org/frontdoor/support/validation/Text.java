package org.frontdoor.support.validation;

/** Small text helpers every service uses on what clients and events send. */
public final class Text {

    private Text() {
    }

    /** The value without surrounding white space, or null when there is nothing in it. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
