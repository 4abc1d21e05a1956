package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Period;
import org.frontdoor.referral.config.ReferralConfig;

/**
 * The one place that says who is a young adult (configured: {@code frontdoor.referral.young-adult.*}). A young
 * adult is taken only as a care leaver, up to the care-leaver maximum, and nothing about them beyond receipt may
 * be shared with a partner without their consent. Ages count on the contact's date, in England; the result is
 * stored on the child and sent as {@code youngAdult}, so no other service needs the date of birth or the ages.
 */
@ApplicationScoped
public class YoungAdultRule {

    @Inject
    ReferralConfig config;

    public int adultAge() {
        return config.youngAdult().adultAge();
    }

    public int careLeaverMaxAge() {
        return config.youngAdult().careLeaverMaxAge();
    }

    /** Whole years of age on {@code day}. */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /** 18 (by default) or over on the contact's date; an unborn child or one without a date of birth is not. */
    public boolean isYoungAdult(LocalDate dateOfBirth, LocalDate contactDay) {
        return dateOfBirth != null && !dateOfBirth.isAfter(contactDay) && ageOn(dateOfBirth, contactDay) >= adultAge();
    }

    /** Older than anyone the front door takes (a care leaver past the maximum). */
    public boolean isOverMaximum(LocalDate dateOfBirth, LocalDate contactDay) {
        return dateOfBirth != null && ageOn(dateOfBirth, contactDay) > careLeaverMaxAge();
    }
}
