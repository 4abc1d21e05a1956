package org.frontdoor.returns;

/** The characters XML 1.0 can carry, for the writers that put free text into XML. */
final class XmlChars {

    private XmlChars() {
    }

    /** The text without the characters XML 1.0 cannot carry (controls other than tab, LF, CR; lone surrogates). */
    static String strip(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int width = 1;
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                width = ok ? 2 : 1;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && kept != null) {
                kept.append(text, i, i + width);
            }
            i += width - 1;
        }
        return kept == null ? text : kept.toString();
    }
}
