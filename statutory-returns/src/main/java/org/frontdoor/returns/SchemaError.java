package org.frontdoor.returns;

/**
 * A place where a generated return breaks the CIN census schema.
 *
 * @param line line in the XML, 1-based; -1 if unknown
 * @param column column, 1-based; -1 if unknown
 * @param message the schema validator's message
 */
public record SchemaError(int line, int column, String message) {

    @Override
    public String toString() {
        return line + ":" + column + " " + message;
    }
}
