package org.frontdoor.triage.rest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.triage.children.Chronology;
import org.frontdoor.triage.children.ChronologyEntry;

@Schema(name = "Chronology", description = "A page of a child's chronology, oldest first, across merged records")
public record ChronologyView(
        @Schema(description = "The record the child's data counts under now (the one asked for, or the record it"
                + " was merged into)") UUID childKey,
        @Schema(description = "The records merged into it, directly or through others (its own list: not paged)")
        List<UUID> mergedRecords,
        @Schema(description = "What happened, oldest first; summaries in words, without the child's name or the"
                + " concern") List<ChronologyEntry> entries,
        @Schema(minimum = "0") int page, @Schema(minimum = "1", maximum = "100") int size,
        @Schema(description = "How many entries there are in all", minimum = "0") long total) {

    static ChronologyView of(Chronology.Page p, int page, int size) {
        return new ChronologyView(p.childKey(), p.mergedRecords(), p.entries(), page, size, p.total());
    }
}
