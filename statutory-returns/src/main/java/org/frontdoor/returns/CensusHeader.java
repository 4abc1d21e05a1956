package org.frontdoor.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;

/**
 * The header of one CIN census return.
 *
 * @param year the year that holds the census's 31 March (the 2025-26 census: 2026)
 * @param laCode the local authority's 3-digit DfE code
 * @param softwareCode the name of the software that made the file (optional)
 * @param release its release (optional)
 * @param serialNo the file's serial number for the year, written with at least 3 digits
 * @param generatedAt when the file was made
 */
public record CensusHeader(int year, String laCode, String softwareCode, String release, int serialNo,
        Instant generatedAt) {

    /** 31 March of {@link #year()}: the census's reference date and last day. */
    public LocalDate referenceDate() {
        return LocalDate.of(year, Month.MARCH, 31);
    }

    /** 1 April of the year before: the census's first day. */
    public LocalDate periodStart() {
        return LocalDate.of(year - 1, Month.APRIL, 1);
    }

    /** On or between {@link #periodStart()} and {@link #referenceDate()}. */
    public boolean inPeriod(LocalDate date) {
        return date != null && !date.isBefore(periodStart()) && !date.isAfter(referenceDate());
    }
}
