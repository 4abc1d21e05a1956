package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.triage.children.ChildSearch;

/**
 * What the person searching knows of a child. A body, not a query string: a child's name and date of birth would
 * otherwise be written to every proxy's and server's access log on the way.
 */
@Schema(name = "ChildSearchRequest", description = "The child described, as the person searching knows them. A"
        + " surname, a date of birth, an NHS number or a UPN is required; the rest narrow and rank it")
public record ChildSearchRequest(
        @Schema(example = "Kettlebrough", maxLength = 100, description = "As heard or written; spelt a little"
                + " differently or sounding alike still finds the child")
        @Size(max = 100) String surname,
        @Schema(example = "Kaden", maxLength = 100, description = "A nickname finds the full name (Bill for"
                + " William)")
        @Size(max = 100) String firstName,
        @Schema(example = "2015-05-04", description = "Day and month swapped or one digit wrong still finds the"
                + " child")
        LocalDate dateOfBirth,
        @Schema(example = "DN6 6FF", maxLength = 10, description = "Any case and spacing")
        @Size(max = 10) String postcode,
        @Schema(example = "4857773456", maxLength = 12, description = "NHS number, with or without spaces")
        @Size(max = 12) String nhsNumber,
        @Schema(example = "A371000000017", maxLength = 13, description = "Unique pupil number")
        @Size(max = 13) String upn,
        @Schema(description = "Page, from 0", defaultValue = "0", minimum = "0", maximum = Paging.MAX_PAGE_TEXT)
        @Min(0) @Max(Paging.MAX_PAGE) Integer page,
        @Schema(description = "Children a page", defaultValue = "20", minimum = "1", maximum = Paging.MAX_SIZE_TEXT)
        @Min(1) @Max(Paging.MAX_SIZE) Integer size) {

    public ChildSearch.Criteria criteria() {
        return new ChildSearch.Criteria(surname, firstName, dateOfBirth, postcode, nhsNumber, upn);
    }

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? 20 : size;
    }
}
