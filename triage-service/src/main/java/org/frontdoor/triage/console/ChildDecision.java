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

    /**
     * What the form lacks for this child before any rule is asked, the child named as {@code who} (e.g. "child 2
     * (A.S., born March 2016)"), so that a summary of a contact with several children says which.
     */
    List<Problem.FieldError> missing(String who) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (ConsoleForms.intOrNull(level) == null) {
            errors.add(new Problem.FieldError(field("level"), "Choose the level of need for " + who));
        }
        if (ConsoleForms.enumOrNull(Outcome.class, outcome) == null) {
            errors.add(new Problem.FieldError(field("outcome"), "Choose what happens next for " + who));
        }
        return errors;
    }

    /**
     * The service's errors about this child, beside this child's fields and naming the child ({@code who}); the shared
     * rationale (when the child
     * has none of their own), the referrer's feedback and the reason to decide before every answer is in are the
     * form's, named as the form names them.
     */
    List<Problem.FieldError> blame(List<Problem.FieldError> errors, String who) {
        boolean ownRationale = Text.blankToNull(rationale) != null;
        String named = Character.toUpperCase(who.charAt(0)) + who.substring(1) + ": ";
        return errors.stream().map(f -> {
            boolean shared = (f.field().equals("rationale") && !ownRationale) || f.field().equals("referrerFeedback")
                    || f.field().equals("openRequestsReason");
            return shared ? f : new Problem.FieldError(field(f.field()), named + f.message());
        }).toList();
    }
}
