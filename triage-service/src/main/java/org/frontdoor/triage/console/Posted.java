package org.frontdoor.triage.console;

import java.util.List;
import java.util.Map;
import org.frontdoor.support.problem.Problem;

/**
 * A form drawn again after it was refused: each error beside its field (named as the page names it), and the
 * values as they were posted, so that nothing typed is lost.
 */
record Posted(List<Problem.FieldError> errors, Map<String, String> values) {

    /** A page drawn fresh: no errors, nothing typed. */
    static final Posted NONE = new Posted(List.of(), Map.of());

    /** 422 when the page shows a refused form's errors. */
    int status() {
        return errors.isEmpty() ? 200 : 422;
    }
}
