package org.frontdoor.triage.console;

import java.util.List;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;

/**
 * A service's refusal, as the console shows it: on a page of its own when it is about the page (the record changed
 * since it was drawn, is gone, can no longer be changed so, or is not the person's to change), else beside the form's
 * fields. The services refuse with a {@link DomainException} or (the version checks, the notification service's
 * answers) a {@link ProblemException}; both read the same here.
 */
record Refusal(ProblemType type, String message, List<Problem.FieldError> errors) {

    static Refusal of(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return new Refusal(p.type(), p.getMessage(), p.errors());
        }
        if (e instanceof DomainException d) {
            return new Refusal(typeOf(d), d.getMessage(), d.errors());
        }
        throw e;
    }

    /** As service-support's ProblemMappers answers a domain exception: the same status on a page. */
    private static ProblemType typeOf(DomainException e) {
        return e instanceof DomainException.NotFound ? ProblemType.NOT_FOUND
                : e instanceof DomainException.Invalid ? ProblemType.VALIDATION
                : e instanceof DomainException.Conflict ? ProblemType.CONFLICT
                : ProblemType.FORBIDDEN;
    }

    /** 412, 404, 409 or 403: a page of its own, not an error beside a field. */
    boolean aboutThePage() {
        return type == ProblemType.PRECONDITION_FAILED || type == ProblemType.NOT_FOUND
                || type == ProblemType.CONFLICT || type == ProblemType.FORBIDDEN;
    }

    /** The errors to put beside the form's fields, each name starting with {@code prefix} as the form names it. */
    List<Problem.FieldError> fieldErrors(String prefix) {
        return prefixed(prefix, errors.isEmpty() ? List.of(new Problem.FieldError("form", message)) : errors);
    }

    static List<Problem.FieldError> prefixed(String prefix, List<Problem.FieldError> errors) {
        return errors.stream().map(f -> new Problem.FieldError(prefix + f.field(), f.message())).toList();
    }
}
