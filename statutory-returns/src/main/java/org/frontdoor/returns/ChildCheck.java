package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DfE rules for one child, group by group in the order the failures are listed (the groups are numbered as in
 * docs/returns.md): the child's own fields, then its episodes together, then each episode.
 */
final class ChildCheck {

    final CensusHeader header;
    final CensusChild child;
    final LocalDate referenceDate;
    final WorkingDays workingDays;
    final List<CensusRuleFailure> failures = new ArrayList<>();
    private final String id;

    ChildCheck(CensusHeader header, CensusChild child, WorkingDays workingDays) {
        this.header = header;
        this.child = child;
        this.id = child.laChildId();
        this.referenceDate = header.referenceDate();
        this.workingDays = workingDays;
    }

    /** Runs every rule; {@code ids} and {@code upns} count each LAchildID and UPN in the whole return. */
    List<CensusRuleFailure> run(Map<String, Integer> ids, Map<String, Integer> upns) {
        IdentityRules.check(this, ids, upns);
        CharacteristicsRules.check(this);
        if (child.episodes().isEmpty()) {
            error("8590", "CINdetails", "The child has no CIN episode (CINdetails)");
        }
        EpisodeRules.together(this);
        List<CensusEpisode> episodes = child.episodes();
        for (int e = 0; e < episodes.size(); e++) {
            CensusEpisode episode = episodes.get(e);
            if (episode == null) {
                error("8600", "CINdetails[" + (e + 1) + "]", "The episode is missing (null)");
                continue;
            }
            EpisodeRules.check(this, episode, "CINdetails[" + (e + 1) + "]");
        }
        return failures;
    }

    String id() {
        return id;
    }

    boolean furtherAction() {
        return child.episodes().stream().anyMatch(e -> e != null && !e.referralNfa());
    }

    void error(String rule, String field, String message) {
        failures.add(new CensusRuleFailure(id, rule, false, message, field));
    }

    void query(String rule, String field, String message) {
        failures.add(new CensusRuleFailure(id, rule + "Q", true, message, field));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static boolean after(LocalDate date, LocalDate limit) {
        return date != null && limit != null && date.isAfter(limit);
    }

    static boolean before(LocalDate date, LocalDate limit) {
        return date != null && limit != null && date.isBefore(limit);
    }
}
