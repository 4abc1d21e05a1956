package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.List;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.UpnUnknownReason;

/**
 * One child in a CIN census return: a {@code Child} element. Which children belong in the return (a
 * referral in the year, or an episode open at any time in it; never a contact that did not become a
 * referral) is the caller's choice.
 *
 * @param laChildId the local authority's own id for the child (at most 20 letters and digits)
 * @param upn unique pupil number, if known
 * @param formerUpn an earlier UPN, if any
 * @param upnUnknown why there is no UPN (UN7: every referral was no further action)
 * @param birthDate date of birth; null for an unborn child
 * @param expectedBirthDate expected date of birth of an unborn child; null once born
 * @param sex M, F or U (always U when unborn)
 * @param deathDate date of death, if the child died
 * @param ethnicity ethnicity
 * @param disabilities NONE alone, or the disabilities; empty when not recorded (unborn, or NFA only)
 * @param episodes the child's CIN episodes in the return, one per referral ({@code CINdetails})
 */
public record CensusChild(String laChildId, String upn, String formerUpn, UpnUnknownReason upnUnknown,
        LocalDate birthDate, LocalDate expectedBirthDate, CensusSex sex, LocalDate deathDate, Ethnicity ethnicity,
        List<Disability> disabilities, List<CensusEpisode> episodes) {

    public CensusChild {
        disabilities = Lists.copy(disabilities);
        episodes = Lists.copy(episodes);
    }

    /** Not born yet: an expected date of birth and no date of birth. */
    public boolean unborn() {
        return birthDate == null && expectedBirthDate != null;
    }
}
