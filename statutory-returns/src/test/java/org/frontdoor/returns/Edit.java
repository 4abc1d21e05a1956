package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.UpnUnknownReason;

/** Copies of the census records with one thing changed, for the rule tests. */
final class Edit {

    private Edit() {
    }

    static CensusChild child(CensusChild original, Consumer<Child> change) {
        Child c = new Child(original);
        change.accept(c);
        return c.build();
    }

    /** Changes the child's first episode. */
    static CensusChild episode(CensusChild original, Consumer<Episode> change) {
        return child(original, c -> c.episodes.set(0, episode(c.episodes.get(0), change)));
    }

    static CensusEpisode episode(CensusEpisode original, Consumer<Episode> change) {
        Episode e = new Episode(original);
        change.accept(e);
        return e.build();
    }

    static CensusAssessment assessment(LocalDate start, LocalDate authorised, AssessmentFactor... factors) {
        return new CensusAssessment(start, authorised, List.of(factors));
    }

    static final class Child {
        String id;
        String upn;
        String formerUpn;
        UpnUnknownReason upnUnknown;
        LocalDate birth;
        LocalDate expected;
        CensusSex sex;
        LocalDate death;
        Ethnicity ethnicity;
        List<Disability> disabilities;
        List<CensusEpisode> episodes;

        Child(CensusChild c) {
            id = c.laChildId();
            upn = c.upn();
            formerUpn = c.formerUpn();
            upnUnknown = c.upnUnknown();
            birth = c.birthDate();
            expected = c.expectedBirthDate();
            sex = c.sex();
            death = c.deathDate();
            ethnicity = c.ethnicity();
            disabilities = new ArrayList<>(c.disabilities());
            episodes = new ArrayList<>(c.episodes());
        }

        CensusChild build() {
            return new CensusChild(id, upn, formerUpn, upnUnknown, birth, expected, sex, death, ethnicity, disabilities,
                    episodes);
        }
    }

    static final class Episode {
        LocalDate referral;
        ReferralSource source;
        PrimaryNeed need;
        LocalDate closed;
        ClosureReason reason;
        LocalDate icpc;
        List<CensusAssessment> assessments;
        List<CinPlan> cinPlans;
        List<Section47> s47s;
        boolean nfa;
        List<ProtectionPlan> plans;

        Episode(CensusEpisode e) {
            referral = e.referralDate();
            source = e.source();
            need = e.primaryNeed();
            closed = e.closureDate();
            reason = e.closureReason();
            icpc = e.dateOfInitialCpc();
            assessments = new ArrayList<>(e.assessments());
            cinPlans = new ArrayList<>(e.cinPlans());
            s47s = new ArrayList<>(e.section47s());
            nfa = e.referralNfa();
            plans = new ArrayList<>(e.protectionPlans());
        }

        CensusEpisode build() {
            return new CensusEpisode(referral, source, need, closed, reason, icpc, assessments, cinPlans, s47s, nfa,
                    plans);
        }
    }
}
