package org.frontdoor.returns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Rule group 18: an episode's s47 enquiries (8615, 8715, 8740, 8839, 8890, 8868, 8675Q, 8875, 8870Q, 2991Q), and
 * 2884 (an initial conference recorded both on the episode and on an s47).
 */
final class Section47Rules {

    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private Section47Rules() {
    }

    static void check(ChildCheck c, CensusEpisode episode, String at) {
        List<Section47> enquiries = episode.section47s();
        long open = enquiries.stream().filter(s -> s != null && s.open()).count();
        if (!enquiries.isEmpty() && episode.assessments().isEmpty()) {
            c.query("2991", at + "/Section47", "An s47 enquiry is recorded but the episode has no assessment");
        }
        for (int i = 0; i < enquiries.size(); i++) {
            Section47 s = enquiries.get(i);
            String here = at + "/Section47[" + (i + 1) + "]";
            if (s == null) {
                c.error("8615", here, "The s47 enquiry is missing (null)");
                continue;
            }
            conference(c, episode, s, here);
            if (s.open()) {
                stillOpen(c, s, here, open);
            }
            if (!episode.open() && (s.open() || (s.dateOfInitialCpc() != null && s.icpcNotRequired()))) {
                c.error("8868", here + "/ICPCnotRequired", "The episode is closed: the s47 enquiry needs either an"
                        + " initial conference date or ICPC not required, not both");
            }
            overlap(c, enquiries, i, here);
        }
    }

    // the initial conference (8615, 8715, 8875, 8870Q, 2884)
    private static void conference(ChildCheck c, CensusEpisode episode, Section47 s, String here) {
        LocalDate icpc = s.dateOfInitialCpc();
        if (icpc != null && (s.start() == null || s.start().isAfter(icpc))) {
            c.error("8615", here + "/S47ActualStartDate", "The s47 enquiry must start on or before its initial"
                    + " conference");
        }
        if (icpc != null && !c.header.inPeriod(icpc)) {
            c.error("8715", here + "/DateOfInitialCPC", "The initial conference is not in the census year");
        }
        if (icpc != null && WEEKEND.contains(icpc.getDayOfWeek())) {
            c.error("8875", here + "/DateOfInitialCPC", "The initial conference is on a weekend");
        }
        if (s.initialCpcTarget() != null && WEEKEND.contains(s.initialCpcTarget().getDayOfWeek())) {
            c.query("8870", here + "/InitialCPCtarget", "The initial conference target date is on a weekend");
        }
        if (icpc != null && icpc.equals(episode.dateOfInitialCpc())) {
            c.error("2884", here + "/DateOfInitialCPC", "The initial conference is recorded both on the episode"
                    + " and on the s47 enquiry: record it once");
        }
    }

    // an enquiry with no conference yet (8740, 8839, 8675Q)
    private static void stillOpen(ChildCheck c, Section47 s, String here, long open) {
        if (s.start() != null && !c.header.inPeriod(s.start())) {
            c.error("8740", here + "/S47ActualStartDate", "An s47 enquiry with no conference by the end of"
                    + " the year must start in the census year");
        }
        if (open > 1) {
            c.error("8839", here + "/DateOfInitialCPC", "More than one open s47 enquiry in the episode");
        }
        if (s.start() != null && c.workingDays.between(s.start(), c.referenceDate) > 15) {
            c.query("8675", here + "/S47ActualStartDate", "The s47 enquiry started more than 15 working"
                    + " days before the end of the year and has no initial conference");
        }
    }

    // 8890: an enquiry starting while another is going on
    private static void overlap(ChildCheck c, List<Section47> enquiries, int i, String here) {
        Section47 s = enquiries.get(i);
        for (int j = 0; j < enquiries.size() && s.start() != null; j++) {
            Section47 other = enquiries.get(j);
            if (j == i || other == null || other.start() == null || s.start().isBefore(other.start())) {
                continue;
            }
            LocalDate otherEnd = other.dateOfInitialCpc() != null ? other.dateOfInitialCpc()
                    : other.icpcNotRequired() ? null : c.referenceDate;
            if (otherEnd != null && !s.start().isAfter(otherEnd)) {
                c.error("8890", here + "/S47ActualStartDate", "The s47 enquiry starts while s47 enquiry "
                        + (j + 1) + " is going on");
                return;
            }
        }
    }
}
