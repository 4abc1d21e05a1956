package org.frontdoor.support.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Query parameters parsed by the resources rather than by JAX-RS, so that a bad value is a 422
 * naming the parameter (JAX-RS answers 404 for a query parameter it cannot convert) and every bad
 * parameter is listed at once. Each returns null for a missing or blank value, and adds to
 * {@code errors} for one it cannot read.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name,
            List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    public static Boolean bool(String value, String name, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            return Boolean.valueOf(value.strip());
        }
        errors.add(new Problem.FieldError(name, "must be true or false"));
        return null;
    }

    /** A whole number in [min, max], e.g. a page or its size; a value outside is named with the range. */
    public static int integer(String value, String name, int min, int max, List<Problem.FieldError> errors) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n < min || n > max) {
                errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be a whole number"));
            return min;
        }
    }

    public static UUID uuid(String value, String name, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "must be a UUID"));
            return null;
        }
    }

    public static Instant instant(String value, String name, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be a date-time (ISO-8601, e.g. 2026-11-01T00:00:00Z)"));
            return null;
        }
    }

    public static LocalDate date(String value, String name, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be a date (yyyy-MM-dd)"));
            return null;
        }
    }
}
