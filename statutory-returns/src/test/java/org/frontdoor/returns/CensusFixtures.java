package org.frontdoor.returns;

import static java.time.LocalDate.parse;

import java.time.Instant;
import java.util.List;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.UpnUnknownReason;

/**
 * A 2025-26 census (1 April 2025 to 31 March 2026) of eight children that together use every part of
 * the return. Each is valid under every rule; the tests change one thing at a time.
 */
final class CensusFixtures {

    static final CensusHeader HEADER = new CensusHeader(2026, "873", "FrontDoor", "1.4.0", 7,
            Instant.parse("2026-05-01T09:15:30.123Z"));

    private CensusFixtures() {
    }

    /** An NFA referral: no UPN (UN7), no disability recorded, nothing after the referral. */
    static CensusChild nfaReferral() {
        return new CensusChild("NFA001", null, null, UpnUnknownReason.REFERRAL_NFA, parse("2015-06-10"), null,
                CensusSex.FEMALE, null, Ethnicity.WHITE_BRITISH, List.of(),
                List.of(new CensusEpisode(parse("2025-05-12"), ReferralSource.SCHOOLS, null, null, null, null,
                        List.of(), List.of(), List.of(), true, List.of())));
    }

    /** Assessed, no factors found (21), closed the day the assessment was authorised to early help (RC9). */
    static CensusChild earlyHelpAfterAssessment() {
        return new CensusChild("EH002", "G330101234567", null, null, parse("2012-02-01"), null, CensusSex.MALE, null,
                Ethnicity.WHITE_AND_BLACK_CARIBBEAN, List.of(Disability.NONE),
                List.of(new CensusEpisode(parse("2025-06-02"), ReferralSource.INDIVIDUAL_FAMILY,
                        PrimaryNeed.NOT_IN_NEED, parse("2025-07-15"), ClosureReason.EARLY_HELP_AFTER_ASSESSMENT, null,
                        List.of(new CensusAssessment(parse("2025-06-03"), parse("2025-07-15"),
                                List.of(AssessmentFactor.NONE))),
                        List.of(), List.of(), false, List.of())));
    }

    /** An s17 child in need: factors at assessment and an open CIN plan; a temporary UPN. */
    static CensusChild childInNeed() {
        return new CensusChild("S17003", "E82012345678K", null, null, parse("2019-09-15"), null, CensusSex.FEMALE,
                null, Ethnicity.INDIAN, List.of(Disability.LEARNING, Disability.COMMUNICATION),
                List.of(new CensusEpisode(parse("2025-09-01"), ReferralSource.HEALTH_GP,
                        PrimaryNeed.FAMILY_IN_ACUTE_STRESS, null, null, null,
                        List.of(new CensusAssessment(parse("2025-09-02"), parse("2025-10-20"),
                                List.of(AssessmentFactor.DOMESTIC_ABUSE_PARENT, AssessmentFactor.MENTAL_HEALTH_PARENT,
                                        AssessmentFactor.DRUGS_PARENT))),
                        List.of(new CinPlan(parse("2025-10-21"), null)), List.of(), false, List.of())));
    }

    /** Strategy discussion, s47, initial conference 14 working days later, child protection plan. */
    static CensusChild childProtection() {
        return new CensusChild("CP004", "E873200012345", null, null, parse("2016-03-03"), null, CensusSex.MALE, null,
                Ethnicity.BLACK_AFRICAN, List.of(Disability.NONE),
                List.of(new CensusEpisode(parse("2025-11-03"), ReferralSource.POLICE, PrimaryNeed.ABUSE_OR_NEGLECT,
                        null, null, null,
                        List.of(new CensusAssessment(parse("2025-11-03"), parse("2025-12-10"),
                                List.of(AssessmentFactor.DOMESTIC_ABUSE_CHILD, AssessmentFactor.NEGLECT))),
                        List.of(),
                        List.of(new Section47(parse("2025-11-04"), parse("2025-11-25"), parse("2025-11-24"), false)),
                        false,
                        List.of(new ProtectionPlan(parse("2025-11-24"), null, CategoryOfAbuse.NEGLECT,
                                CategoryOfAbuse.NEGLECT, 0, List.of(parse("2026-02-20")))))));
    }

    /** Unborn: expected date of birth, sex U, no disabilities; an assessment still open at year end. */
    static CensusChild unborn() {
        return new CensusChild("UNB005", null, null, null, null, parse("2026-05-20"), CensusSex.UNKNOWN, null,
                Ethnicity.NOT_YET_OBTAINED, List.of(),
                List.of(new CensusEpisode(parse("2026-01-12"), ReferralSource.HEALTH_VISITOR,
                        PrimaryNeed.ABUSE_OR_NEGLECT, null, null, null,
                        List.of(new CensusAssessment(parse("2026-01-13"), null, List.of())), List.of(), List.of(),
                        false, List.of())));
    }

    /** Two episodes in the year: one closed after a CIN plan (RC7), then a re-referral being assessed. */
    static CensusChild twoEpisodes() {
        return new CensusChild("TWO006", "U873200012346", null, null, parse("2010-10-10"), null, CensusSex.FEMALE,
                null, Ethnicity.TRAVELLER_OF_IRISH_HERITAGE, List.of(Disability.AUTISM),
                List.of(new CensusEpisode(parse("2025-04-14"), ReferralSource.LA_EARLY_HELP,
                        PrimaryNeed.FAMILY_DYSFUNCTION, parse("2025-09-30"), ClosureReason.SERVICES_CEASED, null,
                        List.of(new CensusAssessment(parse("2025-04-15"), parse("2025-05-27"),
                                List.of(AssessmentFactor.SOCIALLY_UNACCEPTABLE_BEHAVIOUR, AssessmentFactor.MISSING))),
                        List.of(new CinPlan(parse("2025-05-28"), parse("2025-09-30"))), List.of(), false, List.of()),
                        new CensusEpisode(parse("2026-02-02"), ReferralSource.SCHOOLS,
                                PrimaryNeed.SOCIALLY_UNACCEPTABLE_BEHAVIOUR, null, null, null,
                                List.of(new CensusAssessment(parse("2026-02-03"), null, List.of())), List.of(),
                                List.of(), false, List.of())));
    }

    /** A recent referral whose assessment is open at year end; the child also has a former UPN. */
    static CensusChild openAssessment() {
        return new CensusChild("OPEN007", "E205300000017", "D330555000001", null, parse("2020-01-01"), null,
                CensusSex.MALE, null, Ethnicity.CHINESE, List.of(Disability.NONE),
                List.of(new CensusEpisode(parse("2026-03-02"), ReferralSource.ANOTHER_LA, PrimaryNeed.ABSENT_PARENTING,
                        null, null, null, List.of(new CensusAssessment(parse("2026-03-03"), null, List.of())),
                        List.of(), List.of(), false, List.of())));
    }

    /**
     * Transferred in on a child protection plan: the initial conference is on the episode (no s47 here);
     * the plan ends and the case moves to another authority (RC5).
     */
    static CensusChild transferIn() {
        return new CensusChild("TRF008", "C820123456780", null, null, parse("2013-04-30"), null, CensusSex.FEMALE,
                null, Ethnicity.PAKISTANI, List.of(Disability.HEARING, Disability.VISION),
                List.of(new CensusEpisode(parse("2025-08-04"), ReferralSource.ANOTHER_LA, PrimaryNeed.ABUSE_OR_NEGLECT,
                        parse("2026-01-20"), ClosureReason.TRANSFERRED_TO_ANOTHER_LA, parse("2025-08-05"), List.of(),
                        List.of(), List.of(), false,
                        List.of(new ProtectionPlan(parse("2025-08-05"), parse("2026-01-20"), CategoryOfAbuse.PHYSICAL,
                                CategoryOfAbuse.MULTIPLE, 1, List.of(parse("2025-10-28"), parse("2026-01-20")))))));
    }

    static List<CensusChild> all() {
        return List.of(nfaReferral(), earlyHelpAfterAssessment(), childInNeed(), childProtection(), unborn(),
                twoEpisodes(), openAssessment(), transferIn());
    }
}
