package org.frontdoor.returns;

import static org.frontdoor.returns.ChildCheck.before;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.frontdoor.events.codes.AssessmentFactor;

/**
 * Rule groups 16 and 17: an episode's assessments (8608, 8696, 8736, 8896, 8863Q, 8670Q, 8867) and their factors
 * (8614, 8897Q, 8869, 8898, 8945Q, 8950Q).
 */
final class AssessmentRules {

    private AssessmentRules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        List<CensusAssessment> assessments = episode.assessments();
        long open = assessments.stream().filter(a -> a != null && a.open()).count();
        for (int i = 0; i < assessments.size(); i++) {
            CensusAssessment a = assessments.get(i);
            String here = at + "/Assessments[" + (i + 1) + "]";
            if (a == null) {
                c.error("8608", here, "The assessment is missing (null)");
                continue;
            }
            if (before(a.authorised(), a.start())) {
                c.error("8608", here + "/AssessmentAuthorisationDate", "The assessment is authorised before it"
                        + " starts");
            }
            if (a.authorised() != null && !c.header.inPeriod(a.authorised())) {
                c.error("8696", here + "/AssessmentAuthorisationDate", "The authorisation date is not in the"
                        + " census year");
            }
            if (a.open()) {
                stillOpen(c, episode, a, here, open);
            }
            overlap(c, assessments, i, here);
            factors(c, a, here);
        }
    }

    // an assessment not yet authorised (8736, 8896, 8670Q, 8867, 8614)
    private static void stillOpen(ChildCheck c, CensusEpisode episode, CensusAssessment a, String here, long open) {
        if (a.start() != null && !c.header.inPeriod(a.start())) {
            c.error("8736", here + "/AssessmentActualStartDate", "An open assessment must start in the"
                    + " census year");
        }
        if (open > 1) {
            c.error("8896", here + "/AssessmentAuthorisationDate", "More than one open assessment in the"
                    + " episode");
        }
        if (a.start() != null && c.workingDays.between(a.start(), c.referenceDate) > 45) {
            c.query("8670", here + "/AssessmentActualStartDate", "The assessment has been open more than"
                    + " 45 working days at the end of the year");
        }
        if (!episode.open()) {
            c.error("8867", here + "/AssessmentAuthorisationDate", "The episode is closed but the"
                    + " assessment is not authorised");
        }
        if (!a.factors().isEmpty()) {
            c.error("8614", here + "/FactorsIdentifiedAtAssessment", "Factors are recorded on an"
                    + " assessment that is not authorised");
        }
    }

    // 8863Q: an assessment starting while another is going on
    private static void overlap(ChildCheck c, List<CensusAssessment> assessments, int i, String here) {
        CensusAssessment a = assessments.get(i);
        for (int j = 0; j < assessments.size() && a.start() != null; j++) {
            CensusAssessment other = assessments.get(j);
            if (j == i || other == null || other.start() == null || a.start().isBefore(other.start())) {
                continue;
            }
            LocalDate otherEnd = other.authorised() != null ? other.authorised() : c.referenceDate;
            if (!a.start().isAfter(otherEnd)) {
                c.query("8863", here + "/AssessmentActualStartDate", "The assessment starts while assessment "
                        + (j + 1) + " is going on");
                return;
            }
        }
    }

    private static void factors(ChildCheck c, CensusAssessment a, String here) {
        List<AssessmentFactor> factors = a.factors();
        String field = here + "/FactorsIdentifiedAtAssessment";
        if (a.authorised() != null && !a.authorised().isBefore(c.header.periodStart())
                && factors.stream().noneMatch(Objects::nonNull)) {
            c.query("8897", field, "An authorised assessment has no factors (21 if none)");
        }
        if (factors.contains(AssessmentFactor.NONE) && factors.size() > 1) {
            c.error("8869", field, "Factor 21 (no factors) cannot be given with other factors");
        }
        if (new HashSet<>(factors).size() < factors.size()) {
            c.error("8898", field, "A factor is given more than once");
        }
        if (factors.contains(AssessmentFactor.PHYSICAL_ABUSE)) {
            c.query("8945", field, "Factor 18A is retired: use 18B (by a child) or 18C (by an adult)");
        }
        if (factors.contains(AssessmentFactor.SEXUAL_ABUSE)) {
            c.query("8950", field, "Factor 19A is retired: use 19B (by a child) or 19C (by an adult)");
        }
    }
}
