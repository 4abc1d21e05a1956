package org.frontdoor.returns;

import java.util.ArrayList;
import java.util.List;
import org.frontdoor.events.codes.CensusSex;

/** The rules about the whole return rather than one child (2886Q, 2883). */
final class ReturnLevelRules {

    private ReturnLevelRules() {
    }

    static List<CensusRuleFailure> check(CensusHeader header, List<CensusChild> children) {
        List<CensusRuleFailure> failures = new ArrayList<>();
        long noSex = children.stream()
                .filter(c -> (c.sex() == null || c.sex() == CensusSex.UNKNOWN) && c.expectedBirthDate() == null)
                .count();
        if (!children.isEmpty() && noSex * 50 > children.size()) { // more than 2%
            failures.add(new CensusRuleFailure(null, "2886Q", true, String.format(
                    "%d of %d born children (more than 2%%) have no sex recorded (U or missing)", noSex,
                    children.size()), null));
        }
        long plans = 0;
        long conferences = 0;
        for (CensusChild child : children) {
            for (CensusEpisode episode : child.episodes()) {
                conferences += conferencesInYear(header, episode);
                plans += episode.protectionPlans().stream().filter(p -> header.inPeriod(p.start())).count();
            }
        }
        if (plans > conferences) {
            failures.add(new CensusRuleFailure(null, "2883", false, String.format(
                    "%d child protection plans start in the year but only %d initial conferences took place in it",
                    plans, conferences), null));
        }
        return failures;
    }

    private static long conferencesInYear(CensusHeader header, CensusEpisode episode) {
        long conferences = header.inPeriod(episode.dateOfInitialCpc()) ? 1 : 0;
        for (Section47 s47 : episode.section47s()) {
            if (header.inPeriod(s47.dateOfInitialCpc())) {
                conferences++;
            }
        }
        return conferences;
    }
}
