package org.frontdoor.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Local choices of the intake rules (domain.md: where a rule is local, it is configuration). */
@ConfigMapping(prefix = "frontdoor.referral")
public interface ReferralConfig {

    /** Working days within which a professional referrer is acknowledged. */
    @WithDefault("1")
    int acknowledgementWorkingDays();

    /** A referral within this many months of an earlier one for the same child is a re-referral. */
    @WithDefault("12")
    int reReferralMonths();

    /** Most children one referral may name. */
    @WithDefault("10")
    int maxChildren();

    /**
     * The council's prefix of a contact's human reference ({@code FD} in {@code FD-2026-004213}): a capital letter,
     * then up to 9 capitals or digits.
     */
    @WithDefault("FD")
    String referencePrefix();

    YoungAdult youngAdult();

    /**
     * Who is a young adult: nothing about them beyond receipt may go to a partner without their consent
     * (domain.md, "Feedback rules"). Read by {@code YoungAdultRule} only.
     */
    interface YoungAdult {

        /** From this age on the contact's date a referred person is a young adult (and must be a care leaver). */
        @WithDefault("18")
        int adultAge();

        /** Oldest a care leaver, and so anyone referred, may be on the contact's date. */
        @WithDefault("25")
        int careLeaverMaxAge();
    }
}
