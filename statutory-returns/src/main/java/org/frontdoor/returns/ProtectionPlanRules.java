package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Rule group 19: a child protection plan starts at an initial conference of its episode (2885); its reviews come after
 * its start (8841) and not while a CIN plan of the episode runs (4003).
 */
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
            if (p != null) {
                reviews(c, episode, p, at + "/ChildProtectionPlans[" + (i + 1) + "]");
            }
        }
    }

    // 8841: a review after the plan's start; 4003: none while a CIN plan runs (after its start, before its end)
    private static void reviews(ChildCheck c, CensusEpisode episode, ProtectionPlan p, String here) {
        for (int r = 0; r < p.reviews().size(); r++) {
            LocalDate review = p.reviews().get(r);
            if (review == null) {
                continue;
            }
            String field = here + "/Reviews/CPPreviewDate[" + (r + 1) + "]";
            if (p.start() != null && !review.isAfter(p.start())) {
                c.error("8841", field, "The review is on or before the child protection plan's start date");
            }
            boolean duringCinPlan = episode.cinPlans().stream().anyMatch(cin -> cin != null && cin.start() != null
                    && review.isAfter(cin.start()) && (cin.end() == null || review.isBefore(cin.end())));
            if (duringCinPlan) {
                c.error("4003", field, "The child protection plan's review falls while a CIN plan is open");
            }
        }
    }
}
