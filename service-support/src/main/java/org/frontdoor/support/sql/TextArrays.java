package org.frontdoor.support.sql;

import java.util.List;
import java.util.function.Function;

/**
 * A column of rows as a text array, for set-based SQL ({@code unnest(cast(?1 as uuid[]), ...)}): every type is
 * passed as its text and cast in SQL (a uuid, a date, an ISO instant, a number, an enum's name), nulls kept, so one
 * binding serves every column.
 */
public final class TextArrays {

    private TextArrays() {
    }

    public static <T> String[] of(List<T> rows, Function<T, Object> column) {
        return rows.stream().map(column).map(v -> v == null ? null : v instanceof Enum<?> e ? e.name()
                : v.toString()).toArray(String[]::new);
    }

    /** The values themselves as a column. */
    public static String[] of(List<?> values) {
        return of(values, v -> v);
    }
}
