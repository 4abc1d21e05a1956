package org.frontdoor.triage.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.triage.statutory.ReturnPeriods;
import org.jboss.resteasy.reactive.RestForm;

/** The returns page's forms: the census's year (check it, or make its file), and Annex A's period. */
@RegisterForReflection(targets = { ReturnsForms.CensusForm.class })
public final class ReturnsForms {

    private ReturnsForms() {
    }

    /** The census asked for: {@code year} holds its 31 March; {@code action} is "make" (the file) or "check". */
    public record CensusForm(@RestForm String year, @RestForm String action) implements ConsoleForms.Form {

        /** The year, refused beside its field when it is not one the census can be made for. */
        int censusYear() {
            return ReturnsForms.year(year);
        }

        boolean make() {
            return "make".equals(action);
        }
    }

    /** A census year as given (2027: April 2026 to March 2027), refused beside {@code year} when it is not one. */
    static int year(String year) {
        Integer censusYear = ReturnPeriods.censusYear(year);
        if (censusYear == null) {
            throw ProblemException.invalid("year", "Choose the census year");
        }
        return censusYear;
    }

    /**
     * Annex A's period as typed ({@code yyyy-MM-dd}, as the API takes it): each date refused beside its field;
     * the rules are {@link ReturnPeriods}', as the API's.
     */
    static LocalDate[] period(String from, String to, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate toDate = date(to, "to", "Enter the last day of the period as a date, for example 2026-12-01",
                errors);
        LocalDate fromDate = date(from, "from", "Enter the first day of the period as a date, for example"
                + " 2026-06-02", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ReturnPeriods.Period period = ReturnPeriods.Period.of(fromDate, toDate, today);
        if (period.backwards()) {
            throw ProblemException.invalid("from", "The first day must be on or before the last day");
        }
        if (period.tooLong()) {
            throw ProblemException.invalid("from", "The first day must be on or after "
                    + ConsoleWords.DAY.format(period.earliestFrom()) + ": Annex A covers at most "
                    + ReturnPeriods.MAX_MONTHS + " months");
        }
        return new LocalDate[] { period.from(), period.to() };
    }

    private static LocalDate date(String value, String field, String message, List<Problem.FieldError> errors) {
        try {
            return ConsoleForms.date(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, message));
            return null;
        }
    }
}
