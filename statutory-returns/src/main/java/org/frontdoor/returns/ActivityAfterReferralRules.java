package org.frontdoor.returns;

import static org.frontdoor.returns.ChildCheck.before;

import java.time.LocalDate;

/** Rule group 15: nothing in an episode before its referral (1103, 2889, 1104, 1105, 4015). */
final class ActivityAfterReferralRules {

    private ActivityAfterReferralRules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        LocalDate referral = episode.referralDate();
        if (referral == null) {
            return;
        }
        for (int i = 0; i < episode.assessments().size(); i++) {
            CensusAssessment a = episode.assessments().get(i);
            if (a != null && before(a.start(), referral)) {
                c.error("1103", at + "/Assessments[" + (i + 1) + "]/AssessmentActualStartDate",
                        "The assessment starts before the referral");
            }
        }
        if (before(episode.dateOfInitialCpc(), referral)) {
            c.error("1104", at + "/DateOfInitialCPC", "The initial conference is before the referral");
        }
        section47s(c, episode, at, referral);
        plans(c, episode, at, referral);
    }

    private static void section47s(ChildCheck c, CensusEpisode episode, String at, LocalDate referral) {
        for (int i = 0; i < episode.section47s().size(); i++) {
            Section47 s = episode.section47s().get(i);
            if (s == null) {
                continue;
            }
            if (before(s.start(), referral)) {
                c.error("2889", at + "/Section47[" + (i + 1) + "]/S47ActualStartDate",
                        "The s47 enquiry starts before the referral");
            }
            if (before(s.dateOfInitialCpc(), referral)) {
                c.error("1104", at + "/Section47[" + (i + 1) + "]/DateOfInitialCPC",
                        "The initial conference is before the referral");
            }
        }
    }

    private static void plans(ChildCheck c, CensusEpisode episode, String at, LocalDate referral) {
        for (int i = 0; i < episode.protectionPlans().size(); i++) {
            ProtectionPlan p = episode.protectionPlans().get(i);
            if (p != null && before(p.start(), referral)) {
                c.error("1105", at + "/ChildProtectionPlans[" + (i + 1) + "]/CPPstartDate",
                        "The child protection plan starts before the referral");
            }
        }
        for (int i = 0; i < episode.cinPlans().size(); i++) {
            CinPlan p = episode.cinPlans().get(i);
            if (p != null && before(p.start(), referral)) {
                c.error("4015", at + "/CINPlanDates[" + (i + 1) + "]/CINPlanStartDate",
                        "The CIN plan starts before the referral");
            }
        }
    }
}
