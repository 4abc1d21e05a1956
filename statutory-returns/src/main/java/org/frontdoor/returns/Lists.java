package org.frontdoor.returns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The census records take their lists as given, null as empty, and keep an unmodifiable view. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null || list.isEmpty()) {
            return Collections.emptyList(); // unlike List.of(), answers contains(null)
        }
        // nulls inside are kept so that the validator can report them rather than the constructor throw
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
