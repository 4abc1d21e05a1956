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

    /** Oldest a referred person may be, in years (care leavers are supported up to 25). */
    @WithDefault("25")
    int maxAgeYears();
}
