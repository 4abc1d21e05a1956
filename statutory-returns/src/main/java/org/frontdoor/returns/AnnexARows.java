package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.Objects;
import org.frontdoor.events.codes.ReferralSource;

/** The rows the Annex A lists are built from, one record per event. */
public final class AnnexARows {

    private AnnexARows() {
    }

    /** List 1: a contact, one per child named in it. */
    public record Contact(AnnexAChild child, LocalDate contactDate, ReferralSource source) {

        public Contact {
            Objects.requireNonNull(child, "child");
        }
    }

    /** List 2: an early help assessment, or a current early help intervention coordinated by the LA. */
    public record EarlyHelp(AnnexAChild child, LocalDate assessmentStart, LocalDate assessmentCompleted,
            String organisation) {

        public EarlyHelp {
            Objects.requireNonNull(child, "child");
        }
    }

    /**
     * List 3: a referral. Give the child's referrals from the 12 months before the list's period too: they
     * count in "Number of Referrals in Last 12 Months" without being listed.
     */
    public record Referral(AnnexAChild child, LocalDate referralDate, ReferralSource source, boolean nfa,
            String team, String worker) {

        public Referral {
            Objects.requireNonNull(child, "child");
        }
    }

    /**
     * List 4: a continuous (single) assessment.
     *
     * @param childSeen seen during the assessment; null when not known
     * @param requiresSupport assessed as needing LA children's social care support; null until authorised
     */
    public record Assessment(AnnexAChild child, LocalDate start, Boolean childSeen, LocalDate authorised,
            Boolean requiresSupport, String team, String worker) {

        public Assessment {
            Objects.requireNonNull(child, "child");
        }
    }

    /**
     * List 5: an s47 enquiry, from the strategy discussion that started it. Give the child's enquiries from
     * the 12 months before the list's period too: they count without being listed.
     *
     * @param icpcResultedInPlan the initial conference made a child protection plan; null if not known or
     *        no conference yet
     */
    public record Enquiry(AnnexAChild child, LocalDate strategyDiscussion, boolean icpcNotRequired,
            LocalDate icpcDate, Boolean icpcResultedInPlan, String team, String worker) {

        public Enquiry {
            Objects.requireNonNull(child, "child");
        }
    }
}
