package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The returns page's choices, without a container: the census year of a day, and Annex A's period as typed. */
class ReturnsFormsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void theCensusYearIsTheOneWhoseThirtyFirstOfMarchIsNext() {
        assertEquals(2027, ReturnsViews.censusYear(TODAY));
        assertEquals(2026, ReturnsViews.censusYear(LocalDate.of(2026, 3, 31)));
        assertEquals(2027, ReturnsViews.censusYear(LocalDate.of(2026, 4, 1)));
        assertEquals("1 April 2026 to 31 March 2027", ReturnsViews.period(2027));
        assertEquals(2009, ReturnsForms.year(" 2009 "));
        assertEquals(List.of(new Problem.FieldError("year", "Choose the census year")),
                assertThrows(ProblemException.class, () -> ReturnsForms.year("09")).errors());
    }

    @Test
    void annexAIsTheSixMonthsToTodayUnlessAnotherPeriodOfAtMostTwelveMonthsIsGiven() {
        assertArrayEquals(new LocalDate[] { LocalDate.of(2026, 6, 8), TODAY }, ReturnsForms.period("", null, TODAY));
        assertArrayEquals(new LocalDate[] { LocalDate.of(2025, 12, 8), TODAY },
                ReturnsForms.period("2025-12-08", "2026-12-07", TODAY), "twelve months to the day");
        assertEquals(List.of(new Problem.FieldError("from", "The first day must be on or after 8 December 2025:"
                + " Annex A covers at most 12 months")), assertThrows(ProblemException.class,
                        () -> ReturnsForms.period("2025-12-07", null, TODAY)).errors());
        assertEquals(List.of(new Problem.FieldError("from", "The first day must be on or before the last day")),
                assertThrows(ProblemException.class, () -> ReturnsForms.period("2026-10-01", "2026-09-01", TODAY))
                        .errors());
        assertEquals(List.of("to", "from"), assertThrows(ProblemException.class,
                () -> ReturnsForms.period("1 June", "31/12/2026", TODAY)).errors().stream()
                .map(Problem.FieldError::field).toList(), "each date not one, beside its own field");
    }
}
