package org.frontdoor.notification.domain;

import java.util.List;
import org.frontdoor.support.problem.Problem.FieldError;

/** A command with fields the domain refuses, every one named (answered 422 by {@code rest.DomainProblems}). */
public class InvalidFields extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFields(List<FieldError> errors) {
        super(errors.size() + " field(s) not valid", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
