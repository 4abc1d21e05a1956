package org.frontdoor.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a request in one 422 that names every bad field: bean validation's findings together
 * with the errors the caller found already (rules across fields, codes, references), so a client
 * fixes everything in one round.
 */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    /** Throws a 422 {@link ProblemException} when there is anything to say; a missing body is one. */
    public void check(Object request, List<Problem.FieldError> found) {
        List<Problem.FieldError> all = new ArrayList<>(found);
        if (request == null) {
            all.add(new Problem.FieldError("body", "a request body is required"));
        } else {
            validator.validate(request).forEach(v -> all.add(new Problem.FieldError(ProblemMappers.fieldOf(v),
                    v.getMessage())));
        }
        if (!all.isEmpty()) {
            throw ProblemException.invalid(ProblemMappers.ordered(all));
        }
    }
}
