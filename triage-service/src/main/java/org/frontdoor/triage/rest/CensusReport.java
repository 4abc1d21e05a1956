package org.frontdoor.triage.rest;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.returns.CensusRuleFailure;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.statutory.StatutoryReturns;

@Schema(name = "CensusReport", description = "What the CIN census for a year holds and what it leaves out, per child"
        + " with the DfE rule, so the data can be fixed before the file is sent")
public record CensusReport(@Schema(example = "2027", minimum = "2000", maximum = "2099") int year,
        @Schema(description = "The local authority's 3-digit DfE code", example = "371", maxLength = 3) String laCode,
        @Schema(example = "2027-03-31") LocalDate referenceDate,
        @Schema(description = "Children the census covers: a referral in the year or an episode open in it",
                minimum = "0", maximum = Bounds.INT_MAX)
        int children,
        @Schema(description = "Children in the file (queries do not keep a child out)", minimum = "0",
                maximum = Bounds.INT_MAX) int included,
        @Schema(description = "Children left out for an error", minimum = "0", maximum = Bounds.INT_MAX) int leftOut,
        @Schema(description = "Every error and query, child by child (the whole year's: not paged)") List<Failure> failures,
        @Schema(description = "About the return as a whole (e.g. 2886Q: too many children without a sex)",
                maxItems = 10)
        List<Failure> returnLevel,
        @Schema(description = "Where the file breaks the DfE schema: empty, or the file is not offered (not paged)")
        List<@Size(max = 2000) String> schemaErrors) {

    @Schema(name = "CensusFailure")
    public record Failure(@Schema(example = "FD0000000042", maxLength = 20) String laChildId,
            @Schema(description = "The child, for PUT /api/v1/children/{childKey}/characteristics") UUID childKey,
            @Schema(description = "The DfE rule", example = "8608", maxLength = 10) String rule,
            @Schema(description = "A query: the DfE asks why; the child stays in the file") boolean query,
            @Schema(maxLength = 1000) String message,
            @Schema(example = "CINdetails[1]/Assessments[1]/AssessmentAuthorisationDate", maxLength = 200) String field) {
    }

    public static CensusReport of(StatutoryReturns.Census census) {
        List<Failure> failures = census.checked().failures().stream().flatMap(c -> c.failures().stream())
                .map(f -> failure(f, census)).toList();
        return new CensusReport(census.header().year(), census.header().laCode(), census.header().referenceDate(),
                census.checked().accepted().size() + census.checked().rejected().size(),
                census.checked().accepted().size(), census.checked().rejected().size(), failures,
                census.checked().returnLevel().stream().map(f -> failure(f, census)).toList(),
                census.schemaErrors().stream().map(Object::toString).toList());
    }

    private static Failure failure(CensusRuleFailure f, StatutoryReturns.Census census) {
        return new Failure(f.laChildId(), f.laChildId() == null ? null : census.childKeys().get(f.laChildId()), f.rule(),
                f.query(), f.message(), f.field());
    }
}
