package org.frontdoor.triage.staff;

import java.util.List;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;

/**
 * An entity refusing a move one person may not make alone: approving their own decision or case change,
 * editing their own staff record's sign-in, role or active flag, a triage worker authorising. Answered 403
 * like every other {@link ProblemException} (service-support's problem mappers), naming the field when one is
 * to blame.
 */
public class FourEyesViolation extends ProblemException {

    public FourEyesViolation(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }

    public FourEyesViolation(String detail, List<FieldError> errors) {
        super(ProblemType.FORBIDDEN, detail, errors);
    }
}
