package org.frontdoor.support.problem;

import java.util.List;

/**
 * A rule of a service's domain refused what it was asked: a plain Java exception that says what went wrong in the
 * domain's words, never an HTTP status or an API path. {@link ProblemMappers} answers every one of them, in one
 * place, as problem details of its {@link Kind}: a service's domain subclasses this and throws, its resources do not
 * translate.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal it is; each maps to one problem type. */
    public enum Kind {
        /** What it names is not there (or not the caller's to see): 404. */
        NOT_FOUND(ProblemType.NOT_FOUND),
        /** It clashes with the state things are in: 409. */
        CONFLICT(ProblemType.CONFLICT),
        /** Fields break the domain's rules, each listed: 422. */
        INVALID(ProblemType.VALIDATION);

        private final ProblemType problem;

        Kind(ProblemType problem) {
            this.problem = problem;
        }

        ProblemType problem() {
            return problem;
        }
    }

    private final Kind kind;
    private final List<Problem.FieldError> errors;

    protected DomainException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    protected DomainException(Kind kind, String message, List<Problem.FieldError> errors) {
        // a refusal, not a fault: no stack trace to fill
        super(message, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    /** An {@link Kind#INVALID} refusal's message: how many fields are not valid, as every 422 says it. */
    protected static String describe(List<Problem.FieldError> errors) {
        return ProblemMappers.describe(errors);
    }

    public Kind kind() {
        return kind;
    }

    /** The fields at fault, for an {@link Kind#INVALID} refusal; empty otherwise. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
