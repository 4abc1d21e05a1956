package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** A child's chronology: everything the front door did about the child, oldest first, across merged records. */
@ApplicationScoped
public class Chronology {

    /** One page of a chronology, with how many entries there are in all. */
    public record Page(UUID childKey, List<UUID> mergedRecords, List<ChronologyEntry> entries, long total) {
    }

    /** The chronology of {@code childKey} (any of its records: the root's is returned), audited as a read. */
    public Page of(UUID childKey, int page, int size) {
        throw new UnsupportedOperationException("issue 26: chronology (merge helper)");
    }
}
