package org.frontdoor.returns;

import static org.frontdoor.returns.ChildCheck.after;
import static org.frontdoor.returns.ChildCheck.before;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;

/** Rule groups 4 to 6: the child's sex, date of birth, ethnicity and disabilities. */
final class CharacteristicsRules {

    private CharacteristicsRules() {
    }

    static void check(ChildCheck c) {
        sexAndBirth(c);
        referralsAgainstBirth(c);
        ethnicity(c);
        disabilities(c);
    }

    // rule groups 4 and 5: sex, date of birth (4180, 8750, 8525Q, 8520)
    private static void sexAndBirth(ChildCheck c) {
        CensusChild child = c.child;
        if (child.sex() == null) {
            c.error("4180", "Sex", "Sex is missing (M, F or U)");
        } else if (child.unborn() && child.sex() != CensusSex.UNKNOWN) {
            c.error("8750", "Sex", "An unborn child's sex must be U");
        }
        if ((child.birthDate() == null) == (child.expectedBirthDate() == null)) {
            c.query("8525", "PersonBirthDate", child.birthDate() == null
                    ? "Neither a date of birth nor an expected date of birth"
                    : "Both a date of birth and an expected date of birth: give one");
        }
        if (after(child.birthDate(), c.referenceDate)) {
            c.error("8520", "PersonBirthDate", "The date of birth is after the census's reference date");
        }
    }

    // rule group 5: no referral more than 40 weeks before the (expected) birth (8606)
    private static void referralsAgainstBirth(ChildCheck c) {
        CensusChild child = c.child;
        LocalDate born = child.birthDate() == null ? null : child.birthDate().minusDays(280);
        LocalDate due = child.expectedBirthDate() == null ? null : child.expectedBirthDate().minusDays(280);
        for (int e = 0; e < child.episodes().size(); e++) {
            CensusEpisode episode = child.episodes().get(e);
            if (episode == null || episode.referralDate() == null) {
                continue;
            }
            LocalDate referral = episode.referralDate();
            if (before(referral, born) || before(referral, due)) {
                c.error("8606", "CINdetails[" + (e + 1) + "]/CINreferralDate",
                        "The referral is more than 280 days (40 weeks) before the (expected) date of birth");
            }
        }
    }

    // rule group 6: ethnicity (4220)
    private static void ethnicity(ChildCheck c) {
        if (c.child.ethnicity() == null) {
            c.error("4220", "Ethnicity", "Ethnicity is missing");
        }
    }

    // rule group 6: disabilities (8540, 8790, 8794)
    private static void disabilities(ChildCheck c) {
        List<Disability> disabilities = c.child.disabilities();
        if (disabilities.contains(null)) {
            c.error("8540", "Disabilities", "A disability is missing (null) in the list");
        } else if (c.child.birthDate() != null && c.furtherAction() && disabilities.isEmpty()) {
            c.error("8540", "Disabilities", "A born child with a referral that went on to further action needs"
                    + " a disability code (NONE if none)");
        }
        if (disabilities.contains(Disability.NONE) && disabilities.size() > 1) {
            c.error("8790", "Disabilities", "NONE cannot be given with other disabilities");
        }
        if (new HashSet<>(disabilities).size() < disabilities.size()) {
            c.error("8794", "Disabilities", "A disability code is given more than once");
        }
    }
}
