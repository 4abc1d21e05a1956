package org.frontdoor.notification.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.QueryParams;

/**
 * Reads one request's query parameters here, not by JAX-RS, so that a bad value is a 422 naming the parameter;
 * every bad one is named at once, by {@link #done()}.
 */
final class QueryReader {

    /** A page of a list: its number from 0, and how many items a page. */
    record PageRequest(int page, int size) {
    }

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final Clock clock;

    QueryReader(Clock clock) {
        this.clock = clock;
    }

    UUID referralId(String value) {
        return QueryParams.uuid(value, "referralId", errors);
    }

    /** The moment to judge deadlines at: {@code asOf}, or now. */
    Instant asOf(String value) {
        Instant at = QueryParams.instant(value, "asOf", errors);
        return at == null ? Instants.now(clock) : at;
    }

    Boolean bool(String value, String name) {
        return QueryParams.bool(value, name, errors);
    }

    <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        return QueryParams.enumOf(type, value, name, errors);
    }

    void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    PageRequest page(String page, String size, int maxPage, int maxSize) {
        int pageNo = QueryParams.integer(page, "page", 0, maxPage, errors);
        return new PageRequest(pageNo, QueryParams.integer(size, "size", 1, maxSize, errors));
    }

    /** Refuses the request when any parameter was bad. */
    void done() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
