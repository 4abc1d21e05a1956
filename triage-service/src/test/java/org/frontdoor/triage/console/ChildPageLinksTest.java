package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The child's page's pagination: every page when there are few, else the first, the last and the current's. */
class ChildPageLinksTest {

    @Test
    void fewPagesAreAllLinked() {
        assertEquals("[1] 2 3", links(1, 3));
        assertEquals("1 2 [3]", links(3, 3));
    }

    @Test
    void manyPagesLeaveGaps() {
        assertEquals("1 … 4 [5] 6 … 10", links(5, 10));
        assertEquals("[1] 2 … 10", links(1, 10));
        assertEquals("1 … 9 [10]", links(10, 10));
        assertEquals("1 2 [3] 4 … 10", links(3, 10));
    }

    @Test
    void aPageHasNeighboursOnlyWhereThereAreSome() {
        ChildViews.ChildPage only = page(1, 1);
        assertEquals(false, only.hasPrevious());
        assertEquals(false, only.hasNext());
        ChildViews.ChildPage middle = page(2, 3);
        assertEquals(true, middle.hasPrevious());
        assertEquals(true, middle.hasNext());
    }

    private static String links(int current, int pages) {
        return String.join(" ", page(current, pages).links().stream()
                .map(l -> l.gap() ? "…" : l.current() ? "[" + l.number() + "]" : String.valueOf(l.number()))
                .toList());
    }

    private static ChildViews.ChildPage page(int current, int pages) {
        return new ChildViews.ChildPage(UUID.randomUUID(), "A child", "", List.of(), List.of(), pages * 20L, current,
                pages);
    }
}
