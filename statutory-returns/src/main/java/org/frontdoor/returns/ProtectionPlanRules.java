package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Rule group 19: a child protection plan starts at an initial conference of its episode (2885). */
final class ProtectionPlanRules {

    private ProtectionPlanRules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        Set<LocalDate> conferences = new HashSet<>();
        if (episode.dateOfInitialCpc() != null) {
            conferences.add(episode.dateOfInitialCpc());
        }
        for (Section47 s : episode.section47s()) {
            if (s != null && s.dateOfInitialCpc() != null) {
                conferences.add(s.dateOfInitialCpc());
            }
        }
        for (int i = 0; i < episode.protectionPlans().size(); i++) {
            ProtectionPlan p = episode.protectionPlans().get(i);
            if (p != null && c.header.inPeriod(p.start()) && !conferences.contains(p.start())) {
                c.error("2885", at + "/ChildProtectionPlans[" + (i + 1) + "]/CPPstartDate", "The child protection"
                        + " plan does not start on the date of an initial conference in the episode");
            }
        }
    }
}
