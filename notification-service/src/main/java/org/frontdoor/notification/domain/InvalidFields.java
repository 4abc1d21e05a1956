package org.frontdoor.notification.domain;

import java.util.List;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;

/** A command with fields the domain refuses, every one named (answered 422 by service-support). */
public class InvalidFields extends DomainException.Invalid {

    public InvalidFields(List<FieldError> errors) {
        super(errors);
    }
}
