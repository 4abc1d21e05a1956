package org.frontdoor.triage.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.jboss.resteasy.reactive.RestForm;

/** The returns page's forms: the census's year (check it, or make its file), and Annex A's period. */
@RegisterForReflection(targets = { ReturnsForms.CensusForm.class })
public final class ReturnsForms {

    /** Ofsted asks for six months; a year is the most the API reads at once (ReturnsResource), and so the console. */
    static final int MAX_MONTHS = 12;

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
        if (year != null && year.strip().matches("20\\d\\d")) {
            return Integer.parseInt(year.strip());
        }
        throw ProblemException.invalid("year", "Choose the census year");
    }

    /**
     * Annex A's period as typed ({@code yyyy-MM-dd}, as the API takes it): each date refused beside its field;
     * none given, the six months to {@code today}, as the API's.
     */
    static LocalDate[] period(String from, String to, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate toDate = date(to, "to", "Enter the last day of the period as a date, for example 2026-12-01",
                errors);
        LocalDate fromDate = date(from, "from", "Enter the first day of the period as a date, for example"
                + " 2026-06-02", errors);
        if (errors.isEmpty()) {
            toDate = toDate == null ? today : toDate;
            fromDate = fromDate == null ? toDate.minusMonths(6).plusDays(1) : fromDate;
            if (fromDate.isAfter(toDate)) {
                errors.add(new Problem.FieldError("from", "The first day must be on or before the last day"));
            } else if (fromDate.isBefore(toDate.minusMonths(MAX_MONTHS).plusDays(1))) {
                errors.add(new Problem.FieldError("from", "The first day must be on or after "
                        + ConsoleWords.DAY.format(toDate.minusMonths(MAX_MONTHS).plusDays(1)) + ": Annex A covers"
                        + " at most " + MAX_MONTHS + " months"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new LocalDate[] { fromDate, toDate };
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
