package org.frontdoor.returns;

import static org.frontdoor.returns.ChildCheck.after;
import static org.frontdoor.returns.ChildCheck.before;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.events.codes.AssessmentFactor;

/** Rule groups 11 to 13: an episode's closure (8805, 8810, 8620, 8630, 8565, 2990, 8825Q, 8873Q). */
final class ClosureRules {

    private ClosureRules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        closureDate(c, episode, at);
        LocalDate closed = episode.closureDate();
        if (closed != null && activity(episode).stream().anyMatch(d -> after(d, closed))) {
            c.error("8565", at + "/CINclosureDate", "Activity is recorded after the episode closed");
        }
        closedAfterAssessment(c, episode, at);
    }

    // rule group 11: date and reason together, in the year, after the referral (8805, 8810, 8620, 8630)
    private static void closureDate(ChildCheck c, CensusEpisode episode, String at) {
        LocalDate closed = episode.closureDate();
        if (closed != null && episode.closureReason() == null) {
            c.error("8805", at + "/ReasonForClosure", "The episode has a closure date but no reason for closure");
        }
        if (closed == null && episode.closureReason() != null) {
            c.error("8810", at + "/CINclosureDate", "The episode has a reason for closure but no closure date");
        }
        if (closed != null && !c.header.inPeriod(closed)) {
            c.error("8620", at + "/CINclosureDate", "The closure date is not in the census year");
        }
        if (before(closed, episode.referralDate())) {
            c.error("8630", at + "/CINclosureDate", "The closure date is before the referral date");
        }
    }

    /** Rule group 12 (8565): every date of the episode's work, none of which may fall after its closure. */
    private static List<LocalDate> activity(CensusEpisode episode) {
        List<LocalDate> activity = new ArrayList<>();
        activity.add(episode.dateOfInitialCpc());
        for (CensusAssessment a : episode.assessments()) {
            if (a != null) {
                activity.add(a.start());
                activity.add(a.authorised());
            }
        }
        for (Section47 s : episode.section47s()) {
            if (s != null) {
                activity.add(s.start());
                activity.add(s.dateOfInitialCpc());
            }
        }
        for (ProtectionPlan p : episode.protectionPlans()) {
            if (p != null) {
                activity.add(p.end());
            }
        }
        for (CinPlan p : episode.cinPlans()) {
            if (p != null) {
                activity.add(p.start());
                activity.add(p.end());
            }
        }
        return activity;
    }

    // rule group 13: closed after assessment, RC8 (2990, 8825Q, 8873Q)
    private static void closedAfterAssessment(ChildCheck c, CensusEpisode episode, String at) {
        boolean afterAssessment = episode.closureReason() != null && episode.closureReason().closedAfterAssessment();
        if (afterAssessment) {
            String reason = episode.closureReason().code();
            if (!episode.section47s().isEmpty() || episode.dateOfInitialCpc() != null
                    || !episode.protectionPlans().isEmpty() || !episode.cinPlans().isEmpty()) {
                c.error("2990", at + "/ReasonForClosure", reason + " (closed after assessment) but the episode has"
                        + " an s47 enquiry, initial conference or plan");
            }
            if (episode.assessments().isEmpty()) {
                c.query("8825", at + "/ReasonForClosure", reason + " (closed after assessment) but the episode has"
                        + " no assessment");
            }
        }
        if (episode.assessments().size() == 1 && episode.assessments().get(0) != null
                && episode.assessments().get(0).factors().contains(AssessmentFactor.NONE) && !afterAssessment) {
            c.query("8873", at + "/ReasonForClosure", "The episode's only assessment found no factors (21): it"
                    + " should close with RC8 or RC9");
        }
    }
}
