package org.frontdoor.support.domain;

import java.util.List;
import org.frontdoor.support.problem.Problem.FieldError;

/**
 * A refusal by a service's rules, said in the domain's words: what was not found, which rule a command breaks,
 * which move the record's state does not allow, what this person may not do. Domain code throws one of the four
 * kinds below, or a service's own named subclass of one (triage's {@code FourEyesViolation}, notification's
 * {@code IllegalTransition}), and never chooses an HTTP status; service-support's {@code ProblemMappers} is the
 * one place that turns each kind into problem details (404, 422, 409, 403). A message never names an API path:
 * the same rule may be reached from the API, the console or a consumer.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Invalid, DomainException.Conflict,
        DomainException.NotPermitted {

    private final transient List<FieldError> errors;

    private DomainException(String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The fields to blame, each with what is wrong with it; may be empty. */
    public List<FieldError> errors() {
        return errors;
    }

    public static NotFound notFound(String what) {
        return new NotFound(what + " was not found");
    }

    public static Invalid invalid(List<FieldError> errors) {
        return new Invalid(errors);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public static Conflict conflict(String message) {
        return new Conflict(message, List.of());
    }

    public static Conflict conflict(String message, List<FieldError> errors) {
        return new Conflict(message, errors);
    }

    /** The record asked for is not there (or is not the caller's to see). */
    public static non-sealed class NotFound extends DomainException {
        public NotFound(String message) {
            super(message, List.of());
        }
    }

    /** The command breaks one or more rules, each naming its field. */
    public static non-sealed class Invalid extends DomainException {
        public Invalid(List<FieldError> errors) {
            super(errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid", errors);
        }
    }

    /** The record's current state does not allow the move (already decided, closed, claimed by someone else). */
    public static non-sealed class Conflict extends DomainException {
        public Conflict(String message, List<FieldError> errors) {
            super(message, errors);
        }
    }

    /** This person may not make the move (four eyes, own record, role); subclass it for a named rule. */
    public static non-sealed class NotPermitted extends DomainException {
        public NotPermitted(String message) {
            super(message, List.of());
        }

        public NotPermitted(String message, List<FieldError> errors) {
            super(message, errors);
        }
    }
}
