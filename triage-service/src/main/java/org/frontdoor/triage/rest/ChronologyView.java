package org.frontdoor.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.children.Chronology;
import org.frontdoor.triage.children.ChronologyEntry;
import org.frontdoor.triage.children.ChronologyEntryType;

@Schema(name = "Chronology", description = "A page of a child's chronology, oldest first, across merged records")
public record ChronologyView(
        @Schema(description = "The record the child's data counts under now (the one asked for, or the record it"
                + " was merged into)") UUID childKey,
        @Schema(description = "The records merged into it, directly or through others (a record's own list: not"
                + " paged)", maxItems = 1000) List<UUID> mergedRecords,
        @Schema(description = "What happened, oldest first", maxItems = Paging.MAX_SIZE) List<Entry> entries,
        @Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
        @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
        @Schema(description = "How many entries there are in all", minimum = "0", maximum = Bounds.LONG_MAX) long total) {

    @Schema(name = "ChronologyEntry", description = "One event in the child's life at the front door")
    public record Entry(Instant at, ChronologyEntryType type,
            @Schema(description = "What happened, in words: never the child's name, the concern or a check's"
                    + " findings", maxLength = 500,
                    example = "Decision: Targeted early help (Early help), level 3") String summary,
            @Schema(description = "The contact it is about, if any") UUID referralId,
            @Schema(description = "The triage item (the child of that contact), if any") UUID triageItemId,
            @Schema(description = "The case, if any") UUID caseId,
            @Schema(description = "The record it was recorded under (before any merge)") UUID childKey) {

        static Entry of(ChronologyEntry e) {
            return new Entry(e.at(), e.type(), e.summary(), e.referralId(), e.triageItemId(), e.caseId(),
                    e.childKey());
        }
    }

    static ChronologyView of(Chronology.Page p, int page, int size) {
        return new ChronologyView(p.childKey(), p.mergedRecords(), p.entries().stream().map(Entry::of).toList(),
                page, size, p.total());
    }
}
