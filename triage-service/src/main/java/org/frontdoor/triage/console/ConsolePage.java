package org.frontdoor.triage.console;

import java.util.List;
import java.util.Map;
import org.frontdoor.support.problem.Problem;

/**
 * What every page's layout needs: who is signed in, the CSRF token, the errors of a form posted back; and the
 * roles the navigation shows pages for ({@code screens}: a triage worker or team manager; {@code frontDoor}: a
 * front door officer, who logs contacts).
 */
public record ConsolePage(String title, String user, boolean manager, String csrf, List<Problem.FieldError> errors,
        Map<String, String> values, String notice, boolean screens, boolean frontDoor) {

    /** A page for no role's navigation in particular (the tests of a tag). */
    public ConsolePage(String title, String user, boolean manager, String csrf, List<Problem.FieldError> errors,
            Map<String, String> values, String notice) {
        this(title, user, manager, csrf, errors, values, notice, false, false);
    }

    public String error(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(Problem.FieldError::message).findFirst()
                .orElse(null);
    }

    public boolean hasError(String field) {
        return error(field) != null;
    }

    /** The value posted back for a field, so a page with errors keeps what was typed. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The value posted back for a field, else (a page drawn fresh) the one to offer first. */
    public String valueOr(String field, String first) {
        String posted = values.get(field);
        return posted == null || posted.isEmpty() ? first : posted;
    }

    /**
     * Whether one part (day, month, year) of a refused date input is drawn as wrong: the parts typed under
     * {@code key} ({@code <key>-day} ...) say which, when {@code field} has an error (DateInput.wrongParts).
     */
    public boolean datePartWrong(String field, String key, String part) {
        return hasError(field) && DateInput.wrongParts(value(key + "-day"), value(key + "-month"),
                value(key + "-year")).contains(part);
    }
}
