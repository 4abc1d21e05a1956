package org.frontdoor.returns;

import static org.frontdoor.returns.ChildCheck.after;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule group 21: an episode's CIN plans (4010, 4011, 4012Q, 4013, 4008, 4009Q), one at a time for the child (4004,
 * 4014), and none running alongside a child protection plan of the episode (4001). Two plans overlap when one starts
 * before the other ends; one may start on the day another ends.
 */
final class CinPlanRules {

    private CinPlanRules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        List<CinPlan> plans = episode.cinPlans();
        List<CinPlan> childsPlans = new ArrayList<>();
        c.child.episodes().stream().filter(e -> e != null).forEach(e -> childsPlans.addAll(e.cinPlans()));
        long open = childsPlans.stream().filter(p -> p != null && p.start() != null && p.end() == null).count();
        for (int i = 0; i < plans.size(); i++) {
            CinPlan p = plans.get(i);
            String here = at + "/CINPlanDates[" + (i + 1) + "]";
            if (p == null || p.start() == null || p.start().isAfter(c.referenceDate)) {
                c.error("4010", here + "/CINPlanStartDate", "The CIN plan's start date is missing or after the end of"
                        + " the census year");
                continue;
            }
            dates(c, p, here);
            if (p.end() == null && open > 1) {
                c.error("4004", here + "/CINPlanEndDate", "The child has more than one open CIN plan");
            }
            if (childsPlans.stream().anyMatch(o -> o != p && o != null && o.start() != null
                    && overlap(p.start(), p.end(), o.start(), o.end()))) {
                c.error("4014", here + "/CINPlanStartDate", "The CIN plan overlaps another CIN plan of the child");
            }
            if (episode.protectionPlans().stream().anyMatch(cp -> cp != null && cp.start() != null
                    && overlap(p.start(), p.end(), cp.start(), cp.end()))) {
                c.error("4001", here + "/CINPlanStartDate", "The CIN plan runs at the same time as a child protection"
                        + " plan");
            }
        }
    }

    // one plan's dates: in order and in the year (4011, 4012Q, 4013), not after the child's death (4008, 4009Q)
    private static void dates(ChildCheck c, CinPlan p, String here) {
        LocalDate end = p.end();
        if (end != null && end.isBefore(p.start())) {
            c.error("4011", here + "/CINPlanEndDate", "The CIN plan's end date is before its start date");
        }
        if (end != null && end.equals(p.start())) {
            c.query("4012", here + "/CINPlanEndDate", "The CIN plan starts and ends on the same day");
        }
        if (end != null && !c.header.inPeriod(end)) {
            c.error("4013", here + "/CINPlanEndDate", "The CIN plan's end date is not in the census year");
        }
        LocalDate death = c.child.deathDate();
        if (after(p.start(), death)) {
            c.error("4008", here + "/CINPlanStartDate", "The CIN plan starts after the child's date of death");
        }
        if (after(end, death)) {
            c.query("4009", here + "/CINPlanEndDate", "The CIN plan ends after the child's date of death");
        }
    }

    /** Whether [start, end) and [otherStart, otherEnd) share a day; a null end runs on. */
    static boolean overlap(LocalDate start, LocalDate end, LocalDate otherStart, LocalDate otherEnd) {
        return (otherEnd == null || start.isBefore(otherEnd)) && (end == null || otherStart.isBefore(end));
    }
}
