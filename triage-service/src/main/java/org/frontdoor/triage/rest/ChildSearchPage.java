package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.children.ChildSearch;

/** A page of children found by a search, best first. */
@Schema(name = "ChildSearchPage")
public record ChildSearchPage(@Schema(minimum = "0", maximum = "100000") int page,
        @Schema(minimum = "1", maximum = "100") int size,
        @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
        @Schema(maxItems = 100) List<Child> items) {

    @Schema(name = "ChildFound", description = "A child the front door knows who may be the one searched for")
    public record Child(
            @Schema(description = "The child's record (merged records count as one): a contact's"
                    + " children[].childKey attaches it to this child") UUID childKey,
            @Schema(description = "As the child's latest contact gave it", maxLength = 100) String firstName,
            @Schema(maxLength = 100) String lastName,
            LocalDate dateOfBirth,
            @Schema(example = "DN6 6FF", maxLength = 10) String postcode,
            @Schema(description = "How alike, 0-100: higher is stronger evidence", minimum = "0", maximum = "100")
            int score,
            @Schema(description = "Why, in words", example = "[\"surname sounds alike\", \"same date of birth\","
                    + " \"postcode differs\"]", maxItems = 10) List<@Size(max = 200) String> reasons,
            @Schema(description = "Contacts about the child so far", minimum = "0", maximum = Bounds.LONG_MAX)
            long contacts,
            @Schema(description = "When the last contact about the child came") Instant lastContactAt) {
    }

    public static ChildSearchPage of(ChildSearch.Page page) {
        return new ChildSearchPage(page.page(), page.size(), page.total(), page.results().stream()
                .map(r -> new Child(r.childKey(), r.firstName(), r.lastName(), r.dateOfBirth(), r.postcode(),
                        r.score(), r.reasons(), r.contacts(), r.lastContactAt()))
                .toList());
    }
}
