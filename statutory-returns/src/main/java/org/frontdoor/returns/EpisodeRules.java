package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Rule groups 7 to 10 and 14: an episode's referral, what an NFA referral may not have, the primary need, and the
 * child's episodes together; then the groups of each episode's parts (CIN plans last: {@link CinPlanRules}).
 */
final class EpisodeRules {

    private EpisodeRules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        referral(c, episode, at);
        noFurtherAction(c, episode, at);
        ClosureRules.check(c, episode, at);
        ActivityAfterReferralRules.check(c, episode, at);
        AssessmentRules.check(c, episode, at);
        Section47Rules.check(c, episode, at);
        ProtectionPlanRules.check(c, episode, at);
        CinPlanRules.check(c, episode, at);
    }

    // rule groups 7 and 8: referral (8600, 8866), NFA before the year (8569Q)
    private static void referral(ChildCheck c, CensusEpisode episode, String at) {
        LocalDate referral = episode.referralDate();
        if (referral == null || referral.isAfter(c.referenceDate)) {
            c.error("8600", at + "/CINreferralDate", referral == null ? "The referral date is missing"
                    : "The referral date is after the census's reference date");
        }
        if (episode.source() == null) {
            c.error("8866", at + "/ReferralSource", "The referral source is missing");
        }
        if (episode.referralNfa() && referral != null
                && referral.isBefore(c.workingDays.previousWorkingDay(c.header.periodStart()))) {
            c.query("8569", at + "/ReferralNFA", "A referral from before the working day before 1 April cannot be"
                    + " flagged no further action in this return");
        }
    }

    // rule group 9: nothing after an NFA referral (8831, 8832, 4000); group 10: a primary need otherwise (8610)
    private static void noFurtherAction(ChildCheck c, CensusEpisode episode, String at) {
        if (!episode.referralNfa()) {
            if (episode.primaryNeed() == null) {
                c.error("8610", at + "/PrimaryNeedCode", "The primary need is missing for a referral that went on to"
                        + " further action");
            }
            return;
        }
        boolean icpc = episode.dateOfInitialCpc() != null
                || episode.section47s().stream().anyMatch(s -> s != null && s.dateOfInitialCpc() != null);
        if (!episode.assessments().isEmpty() || !episode.section47s().isEmpty() || icpc) {
            c.error("8831", at + "/ReferralNFA", "An NFA referral has an assessment, s47 enquiry or initial"
                    + " conference");
        }
        if (!episode.protectionPlans().isEmpty()) {
            c.error("8832", at + "/ChildProtectionPlans", "An NFA referral has a child protection plan");
        }
        if (!episode.cinPlans().isEmpty()) {
            c.error("4000", at + "/CINPlanDates", "An NFA referral has a CIN plan");
        }
    }

    // rule group 14: episodes together (8815, 8816, 8820)
    static void together(ChildCheck c) {
        List<CensusEpisode> episodes = c.child.episodes();
        LocalDate latest = episodes.stream().filter(Objects::nonNull).map(CensusEpisode::referralDate)
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        long openFurther = episodes.stream().filter(e -> e != null && e.open() && !e.referralNfa()).count();
        for (int i = 0; i < episodes.size(); i++) {
            CensusEpisode episode = episodes.get(i);
            if (episode == null) {
                continue;
            }
            String at = "CINdetails[" + (i + 1) + "]";
            if (episode.open() && !episode.referralNfa()) {
                if (openFurther > 1) {
                    c.error("8815", at + "/CINclosureDate", "More than one open episode that is not an NFA referral");
                }
                if (episode.referralDate() != null && !episode.referralDate().equals(latest)) {
                    c.error("8816", at + "/CINreferralDate", "An open episode that is not an NFA referral must be"
                            + " the child's latest");
                }
            }
            overlap(c, episodes, i, at);
        }
    }

    // 8820: an episode starting while another is open
    private static void overlap(ChildCheck c, List<CensusEpisode> episodes, int i, String at) {
        LocalDate start = episodes.get(i).referralDate();
        if (start == null) {
            return;
        }
        for (int j = 0; j < episodes.size(); j++) {
            CensusEpisode other = episodes.get(j);
            if (j == i || other == null || other.referralDate() == null || start.isBefore(other.referralDate())) {
                continue;
            }
            // one episode may start on the day another closes
            boolean inside = other.closureDate() != null ? start.isBefore(other.closureDate())
                    : !other.referralNfa() && !start.isAfter(c.referenceDate);
            if (inside) {
                c.error("8820", at + "/CINreferralDate", "The episode starts while episode " + (j + 1)
                        + " is still open: episodes overlap");
                return;
            }
        }
    }
}
