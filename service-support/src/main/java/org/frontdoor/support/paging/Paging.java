package org.frontdoor.support.paging;

import java.util.List;

/**
 * The bounds every paged list of the APIs shares ({@code page} from 0, {@code size} items a page), and the slicing of
 * a work list that is read whole from the database (its length follows the data: what awaits a manager, what is
 * overdue) but answered a page at a time, so no answer is longer than {@link #MAX_SIZE} items.
 */
public final class Paging {

    public static final int MAX_PAGE = 100_000;
    public static final int MAX_SIZE = 100;
    /** As strings for {@code @DefaultValue} and the OpenAPI annotations. */
    public static final String MAX_PAGE_TEXT = "100000";
    public static final String MAX_SIZE_TEXT = "100";
    /** A work list's default page: most such lists fit in one. */
    public static final String DEFAULT_SIZE = "50";

    private Paging() {
    }

    /** The items of page {@code page} (from 0) of {@code size}; empty past the end. */
    public static <T> List<T> slice(List<T> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
    }
}
