package org.frontdoor.triage.statutory;

import java.time.LocalDate;

/**
 * What a return may be asked for, the same through the API and the console (each says it in its own words): a
 * census year, and Annex A's period.
 */
public final class ReturnPeriods {

    /** Ofsted asks for six months; a year is the most one request reads (a report is a bulk read of children). */
    public static final int MAX_MONTHS = 12;

    /** Annex A's period when none is given: the six months Ofsted asks for. */
    static final int DEFAULT_MONTHS = 6;

    private ReturnPeriods() {
    }

    /** A census year as given (2027: April 2026 to March 2027), or null when it is not one. */
    public static Integer censusYear(String year) {
        return year != null && year.strip().matches("20\\d\\d") ? Integer.valueOf(year.strip()) : null;
    }

    /** Annex A's period: {@code to}, else today; {@code from}, else the six months up to it. */
    public record Period(LocalDate from, LocalDate to) {

        public static Period of(LocalDate from, LocalDate to, LocalDate today) {
            LocalDate last = to == null ? today : to;
            return new Period(from == null ? last.minusMonths(DEFAULT_MONTHS).plusDays(1) : from, last);
        }

        /** Its first day after its last. */
        public boolean backwards() {
            return from.isAfter(to);
        }

        /** Longer than {@link #MAX_MONTHS}: it starts before {@link #earliestFrom()}. */
        public boolean tooLong() {
            return from.isBefore(earliestFrom());
        }

        /** The earliest first day a period ending on its last day may have. */
        public LocalDate earliestFrom() {
            return to.minusMonths(MAX_MONTHS).plusDays(1);
        }
    }
}
