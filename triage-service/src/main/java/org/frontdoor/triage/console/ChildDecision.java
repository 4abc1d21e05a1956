package org.frontdoor.triage.console;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.decision.DecisionCommand;

/** One child's part of the decision form ({@link DecisionForm}), as posted. */
record ChildDecision(UUID itemId, String version, String level, String outcome, String primaryNeedCode,
        String rationale, String levelOverrideReason) {

    String field(String name) {
        return FieldNames.of(FieldNames.CHILDREN, itemId, name);
    }

    Long ifMatch() {
        return ConsoleForms.version(version);
    }

    /** The child's own rationale, else the shared one; the referrer's feedback is the form's. */
    DecisionCommand command(DecisionForm form) {
        String own = Text.blankToNull(rationale);
        return new DecisionCommand(ConsoleForms.intOrNull(level), ConsoleForms.enumOrNull(Outcome.class, outcome),
                Text.blankToNull(primaryNeedCode), own != null ? own : form.rationale(), form.referrerFeedback(),
                Text.blankToNull(levelOverrideReason), null, null, Text.blankToNull(form.openRequestsReason()));
    }

    /** What the form lacks for this child before any rule is asked. */
    List<Problem.FieldError> missing() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (ConsoleForms.intOrNull(level) == null) {
            errors.add(new Problem.FieldError(field("level"), "Choose the child's level of need"));
        }
        if (ConsoleForms.enumOrNull(Outcome.class, outcome) == null) {
            errors.add(new Problem.FieldError(field("outcome"), "Choose what happens next for the child"));
        }
        return errors;
    }

    /**
     * The service's errors about this child, beside this child's fields; the shared rationale (when the child
     * has none of their own), the referrer's feedback and the reason to decide before every answer is in are the
     * form's, named as the form names them.
     */
    List<Problem.FieldError> blame(List<Problem.FieldError> errors) {
        boolean ownRationale = Text.blankToNull(rationale) != null;
        return errors.stream().map(f -> {
            boolean shared = (f.field().equals("rationale") && !ownRationale) || f.field().equals("referrerFeedback")
                    || f.field().equals("openRequestsReason");
            return new Problem.FieldError(shared ? f.field() : field(f.field()), f.message());
        }).toList();
    }
}
