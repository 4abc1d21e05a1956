package org.frontdoor.triage.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.support.problem.Problem;

/** Query parameters parsed by the resources, so that a bad value is a 422 naming it rather than a 404. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "must be " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "))));
            return null;
        }
    }

    static Boolean bool(String value, String name, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            return Boolean.valueOf(value.strip());
        }
        errors.add(new Problem.FieldError(name, "must be true or false"));
        return null;
    }

    static UUID uuid(String value, String name, List<Problem.FieldError> errors) {
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
}
