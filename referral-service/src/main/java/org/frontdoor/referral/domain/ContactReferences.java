package org.frontdoor.referral.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.support.calendar.WorkingCalendar;

/**
 * A contact's short human reference, such as {@code FD-2026-004213}: the council's prefix, the year of receipt in
 * England and the next number of that year. The number is the year's counter row, raised in the contact's own
 * transaction: two intakes at once take turns on the row until one commits, so no number is given twice, and a
 * rolled-back intake gives its number back. Taken as late in intake as possible, so the turn is short.
 */
@ApplicationScoped
public class ContactReferences {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

    @Inject
    EntityManager em;

    @Inject
    ReferralConfig config;

    @PostConstruct
    void checkPrefix() {
        if (!PREFIX.matcher(config.referencePrefix()).matches()) {
            throw new IllegalStateException("frontdoor.referral.reference-prefix must be a capital letter and up to 9"
                    + " capitals or digits, not '" + config.referencePrefix() + "'");
        }
    }

    /** The next reference of the year {@code receivedAt} falls in, in England. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(Instant receivedAt) {
        int year = LocalDate.ofInstant(receivedAt, WorkingCalendar.ENGLAND).getYear();
        Number number = (Number) em.createNativeQuery("insert into contact_reference_counter (year, last_number)"
                + " values (?1, 1) on conflict (year) do update"
                + " set last_number = contact_reference_counter.last_number + 1 returning last_number")
                .setParameter(1, year).getSingleResult();
        return format(config.referencePrefix(), year, number.intValue());
    }

    /** {@code FD-2026-004213}: at least six digits, more once a year passes 999,999 contacts. */
    static String format(String prefix, int year, int number) {
        return String.format("%s-%d-%06d", prefix, year, number);
    }
}
