package org.frontdoor.support.csv;

/** CSV as RFC 4180 writes it, for files people open in a spreadsheet (Annex A lists, audit exports). */
public final class Csv {

    private Csv() {
    }

    /**
     * One field: quoted when it holds a comma, a quote or a line break, quotes doubled; a field a spreadsheet would
     * read as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe.
     */
    public static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
