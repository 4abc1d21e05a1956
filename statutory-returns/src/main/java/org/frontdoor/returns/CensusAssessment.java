package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.List;
import org.frontdoor.events.codes.AssessmentFactor;

/**
 * A continuous (single) assessment: an {@code Assessments} element.
 *
 * @param start the date it actually started
 * @param authorised the date a manager authorised it (completion); null while open
 * @param factors the factors identified at its end; only once authorised; 21 (none) alone
 */
public record CensusAssessment(LocalDate start, LocalDate authorised, List<AssessmentFactor> factors) {

    public CensusAssessment {
        factors = Lists.copy(factors);
    }

    /** Not authorised yet. */
    public boolean open() {
        return authorised == null;
    }
}
