package org.frontdoor.returns;

import java.util.function.Function;
import org.frontdoor.returns.AnnexAList.Kind;

/**
 * One column of an Annex A list made from rows of type {@code T}: its heading, its kind and how a row fills its
 * cell, declared together so a heading cannot drift from the cell it names.
 *
 * @param header the column heading
 * @param kind what the cell holds, for the spreadsheet
 * @param cell the cell's text for a row (empty when blank, never null)
 */
record AnnexAColumn<T>(String header, Kind kind, Function<T, String> cell) {

    static <T> AnnexAColumn<T> text(String header, Function<T, String> cell) {
        return new AnnexAColumn<>(header, Kind.TEXT, cell);
    }

    static <T> AnnexAColumn<T> date(String header, Function<T, String> cell) {
        return new AnnexAColumn<>(header, Kind.DATE, cell);
    }

    static <T> AnnexAColumn<T> integer(String header, Function<T, String> cell) {
        return new AnnexAColumn<>(header, Kind.INTEGER, cell);
    }

    /** The same column read from a part of a larger row (the child columns every list starts with). */
    <R> AnnexAColumn<R> of(Function<R, T> part) {
        return new AnnexAColumn<>(header, kind, part.andThen(cell));
    }
}
