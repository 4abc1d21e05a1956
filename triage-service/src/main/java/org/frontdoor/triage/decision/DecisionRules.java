package org.frontdoor.triage.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.screening.ThresholdRules;
import org.frontdoor.triage.staff.StaffMember;

/**
 * The rules of a decision, without a database: which outcomes a level allows, what each outcome needs, which
 * pathway it leads to, when a team manager must approve it first, when the contact becomes a referral; and which
 * pathway a case step leads to. The services look up what the rules need (the open case, a lead worker) and ask.
 */
public final class DecisionRules {

    private final ThresholdRules thresholds;
    private final boolean approvalOnImmediateRisk;
    private final int approvalFromSuggestedLevel;

    public DecisionRules(ThresholdRules thresholds, boolean approvalOnImmediateRisk, int approvalFromSuggestedLevel) {
        this.thresholds = thresholds;
        this.approvalOnImmediateRisk = approvalOnImmediateRisk;
        this.approvalFromSuggestedLevel = approvalFromSuggestedLevel;
    }

    /** UP leads to social care; DOWN and ACROSS to early help. */
    public static Pathway stepLeadsTo(StepDirection direction) {
        return direction == StepDirection.UP ? Pathway.SOCIAL_CARE : Pathway.EARLY_HELP;
    }

    /**
     * Every rule a case step breaks, by field: the direction is UP, DOWN or ACROSS (a string in the request, so a
     * bad one is named with every other bad field); the pathway is where that direction leads; a step down or
     * across follows the panel that agreed it, never in the future.
     */
    public static List<FieldError> checkStep(String direction, Pathway to, LocalDate panelDate, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        StepDirection known = Arrays.stream(StepDirection.values())
                .filter(d -> d.name().equals(direction)).findFirst().orElse(null);
        if (direction != null && !direction.isBlank() && known == null) {
            errors.add(new FieldError("direction", "must be UP, DOWN or ACROSS"));
        }
        if (to == Pathway.NONE) {
            errors.add(new FieldError("pathway", "must be EARLY_HELP or SOCIAL_CARE"));
        } else if (to != null && known != null && to != stepLeadsTo(known)) {
            errors.add(new FieldError("pathway", "a step " + direction.toLowerCase() + " leads to "
                    + stepLeadsTo(known)));
        }
        if (panelDate != null && panelDate.isAfter(today)) {
            errors.add(new FieldError("panelDate", "must not be in the future: the step follows the panel"));
        }
        if (panelDate == null && known != null && known != StepDirection.UP) {
            errors.add(new FieldError("panelDate", "is required to step " + direction.toLowerCase()
                    + ": the date the panel agreed it"));
        }
        return errors;
    }

    /** A statutory outcome makes the contact a referral, unless the child's case was social care already. */
    public static boolean becomesReferral(Outcome outcome, Pathway openPathwayBefore) {
        return outcome.statutory() && openPathwayBefore != Pathway.SOCIAL_CARE;
    }

    /** The pathway a decision puts the child on; passing to the lead worker keeps the open case's. */
    public static Pathway pathwayOf(Outcome outcome, Pathway openCasePathway) {
        if (outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
            return openCasePathway == null ? Pathway.NONE : openCasePathway;
        }
        return outcome.pathway();
    }

    /**
     * Why a team manager must approve the decision before it takes effect, or null when it need not: risk demands
     * a manager see any outcome below social care on an immediate-risk or high suggested level contact.
     */
    public String approvalReason(Pathway pathway, boolean immediateRisk, int suggestedLevel) {
        if (pathway == Pathway.SOCIAL_CARE) {
            return null;
        }
        if (approvalOnImmediateRisk && immediateRisk) {
            return "an outcome below social care where the referrer reported immediate risk";
        }
        if (suggestedLevel >= approvalFromSuggestedLevel) {
            return "an outcome below social care where level " + suggestedLevel + " was suggested";
        }
        return null;
    }

    /**
     * Every rule the decision breaks, by field (bean validation aside). {@code openCasePathway}: the child's open
     * case's, null without one; {@code staff}: a member of staff by id, null when unknown.
     */
    public List<FieldError> check(DecisionCommand command, int suggestedLevel, Pathway openCasePathway,
            Function<String, StaffMember> staff) {
        List<FieldError> errors = new ArrayList<>();
        checkOutcome(command.outcome(), command.level(), openCasePathway != null, errors);
        checkNeed(command.outcome(), command.primaryNeedCode(), errors);
        Integer level = command.level();
        if (validLevel(level) && level != suggestedLevel && isBlank(command.levelOverrideReason())) {
            errors.add(new FieldError("levelOverrideReason", "is required: level " + level
                    + " differs from the suggested level " + suggestedLevel));
        }
        checkLeadWorker(command.outcome(), command.leadWorker(), staff, errors);
        return errors;
    }

    private void checkOutcome(Outcome outcome, Integer level, boolean hasOpenCase, List<FieldError> errors) {
        if (outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
            if (!hasOpenCase) {
                errors.add(new FieldError("outcome", "PASSED_TO_ALLOCATED_WORKER is for a child with an open case;"
                        + " this child has none"));
            }
        } else if (outcome != null && validLevel(level) && !thresholds.outcomesFor(level).contains(outcome)) {
            errors.add(new FieldError("outcome", outcome + " contradicts level " + level + ": level " + level
                    + " allows " + thresholds.outcomesFor(level).stream().map(Enum::name)
                            .collect(Collectors.joining(", "))
                    + (hasOpenCase ? ", or PASSED_TO_ALLOCATED_WORKER for the child's open case" : "")));
        }
    }

    private static void checkNeed(Outcome outcome, String need, List<FieldError> errors) {
        if (!isBlank(need) && !need.strip().matches("N[0-9]")) {
            errors.add(new FieldError("primaryNeedCode", "must be a CIN primary need code N0-N9"));
        } else if (isBlank(need) && outcome != null && outcome.pathway() == Pathway.SOCIAL_CARE) {
            errors.add(new FieldError("primaryNeedCode", "is required for a social care outcome: N0-N9"));
        }
    }

    private static void checkLeadWorker(Outcome outcome, String leadWorker, Function<String, StaffMember> staff,
            List<FieldError> errors) {
        if (isBlank(leadWorker)) {
            return;
        }
        boolean allocates = outcome == null || outcome.opensCase();
        if (!allocates) {
            errors.add(new FieldError("leadWorker", outcome == Outcome.PASSED_TO_ALLOCATED_WORKER
                    ? "a contact passed to the allocated worker stays with the case's lead worker"
                    : "only an early help or social care outcome has a lead worker"));
        } else if (outcome != null) {
            StaffMember lead = staff.apply(leadWorker.strip());
            if (lead == null || !lead.active) {
                errors.add(new FieldError("leadWorker", "is not an active member of the staff directory"));
            } else if (lead.pathway != outcome.pathway()) {
                errors.add(new FieldError("leadWorker", lead.id + " does not lead " + outcome.pathway() + " cases"));
            }
        }
    }

    private static boolean validLevel(Integer level) {
        return level != null && level >= 1 && level <= 4;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
