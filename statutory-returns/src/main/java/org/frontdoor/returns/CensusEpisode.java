package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.List;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.ReferralSource;

/**
 * One referral and the CIN episode that followed it: a {@code CINdetails} element.
 *
 * @param referralDate date of the referral
 * @param source who referred
 * @param primaryNeed primary need; required unless the referral was NFA
 * @param closureDate when the episode closed; null while open
 * @param closureReason why it closed; with the closure date and only with it
 * @param dateOfInitialCpc an initial child protection conference held without an s47 on this episode
 *        (e.g. a transfer-in); otherwise null and the conference goes on the {@link Section47}
 * @param assessments the episode's assessments
 * @param cinPlans child in need plans
 * @param section47s s47 enquiries
 * @param referralNfa the referral was no further action: then nothing else may follow
 * @param protectionPlans child protection plans
 */
public record CensusEpisode(LocalDate referralDate, ReferralSource source, PrimaryNeed primaryNeed,
        LocalDate closureDate, ClosureReason closureReason, LocalDate dateOfInitialCpc,
        List<CensusAssessment> assessments, List<CinPlan> cinPlans, List<Section47> section47s, boolean referralNfa,
        List<ProtectionPlan> protectionPlans) {

    public CensusEpisode {
        assessments = Lists.copy(assessments);
        cinPlans = Lists.copy(cinPlans);
        section47s = Lists.copy(section47s);
        protectionPlans = Lists.copy(protectionPlans);
    }

    /** No closure date. */
    public boolean open() {
        return closureDate == null;
    }
}
