package org.frontdoor.triage.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.screening.ThresholdRules;
import org.frontdoor.triage.staff.StaffMember;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decision rules, without a database: what a level and an outcome need, approval, referrals, steps. */
class DecisionRulesTest {

    private static final DecisionRules RULES = new DecisionRules(ThresholdRules.standard(), true, 4);
    private static final Map<String, StaffMember> STAFF = Map.of(
            "sw-ali-khan", staff("sw-ali-khan", Pathway.SOCIAL_CARE, true),
            "eh-dana-price", staff("eh-dana-price", Pathway.EARLY_HELP, true),
            "eh-gone", staff("eh-gone", Pathway.EARLY_HELP, false));
    private static final Function<String, StaffMember> LOOKUP = STAFF::get;

    @Nested
    class LevelsAndOutcomes {

        @Test
        void anOutcomeTheLevelAllowsPasses() {
            assertEquals(List.of(), RULES.check(command(3, Outcome.EARLY_HELP_TARGETED, null, null, null), 3, null,
                    LOOKUP));
        }

        @Test
        void anOutcomeThatContradictsTheLevelIsNamedWithWhatTheLevelAllows() {
            List<FieldError> errors = RULES.check(command(4, Outcome.NO_FURTHER_ACTION, "N1", null, null), 4, null,
                    LOOKUP);
            assertEquals(List.of(new FieldError("outcome", "NO_FURTHER_ACTION contradicts level 4: level 4 allows"
                    + " SOCIAL_CARE_ASSESSMENT, STRATEGY_DISCUSSION")), errors);
        }

        @Test
        void withAnOpenCaseTheContradictionOffersPassingToTheLeadWorker() {
            List<FieldError> errors = RULES.check(command(3, Outcome.NO_FURTHER_ACTION, null, null, null), 3,
                    Pathway.EARLY_HELP, LOOKUP);
            assertTrue(errors.get(0).message().endsWith(", or PASSED_TO_ALLOCATED_WORKER for the child's open case"));
        }

        @Test
        void passingToTheAllocatedWorkerNeedsAnOpenCase() {
            assertEquals(List.of("outcome"), fields(RULES.check(command(2, Outcome.PASSED_TO_ALLOCATED_WORKER, null,
                    null, null), 2, null, LOOKUP)));
            assertEquals(List.of(), RULES.check(command(2, Outcome.PASSED_TO_ALLOCATED_WORKER, null, null, null), 2,
                    Pathway.EARLY_HELP, LOOKUP));
        }

        @Test
        void aLevelOtherThanTheSuggestionNeedsItsReason() {
            assertEquals(List.of("levelOverrideReason"), fields(RULES.check(command(2,
                    Outcome.EARLY_HELP_SINGLE_AGENCY, null, null, null), 3, null, LOOKUP)));
            assertEquals(List.of(), RULES.check(command(2, Outcome.EARLY_HELP_SINGLE_AGENCY, null, "One episode",
                    null), 3, null, LOOKUP));
        }
    }

    @Nested
    class NeedAndLeadWorker {

        @Test
        void aSocialCareOutcomeNeedsACinPrimaryNeedCode() {
            assertEquals(List.of("primaryNeedCode"), fields(RULES.check(command(4, Outcome.STRATEGY_DISCUSSION, null,
                    null, null), 4, null, LOOKUP)));
            assertEquals(List.of("primaryNeedCode"), fields(RULES.check(command(4, Outcome.STRATEGY_DISCUSSION, "X1",
                    null, null), 4, null, LOOKUP)));
        }

        @Test
        void theLeadWorkerIsAnActiveWorkerOfTheOutcomesPathway() {
            assertEquals(List.of(), RULES.check(command(4, Outcome.STRATEGY_DISCUSSION, "N1", null, "sw-ali-khan"), 4,
                    null, LOOKUP));
            assertEquals(List.of(new FieldError("leadWorker", "eh-dana-price does not lead SOCIAL_CARE cases")),
                    RULES.check(command(4, Outcome.STRATEGY_DISCUSSION, "N1", null, "eh-dana-price"), 4, null,
                            LOOKUP));
            assertEquals(List.of("leadWorker"), fields(RULES.check(command(3, Outcome.EARLY_HELP_TARGETED, null, null,
                    "eh-gone"), 3, null, LOOKUP)));
        }

        @Test
        void anOutcomeWithoutACaseHasNoLeadWorker() {
            assertEquals(List.of(new FieldError("leadWorker", "only an early help or social care outcome has a lead"
                    + " worker")), RULES.check(command(1, Outcome.NO_FURTHER_ACTION, null, null, "eh-dana-price"), 1,
                            null, LOOKUP));
        }
    }

    @Nested
    class ApprovalAndReferral {

        @Test
        void anOutcomeBelowSocialCareOnImmediateRiskOrASuggestedLevel4WaitsForAManager() {
            assertTrue(RULES.approvalReason(Pathway.EARLY_HELP, true, 2).contains("immediate risk"));
            assertTrue(RULES.approvalReason(Pathway.NONE, false, 4).contains("level 4 was suggested"));
            assertNull(RULES.approvalReason(Pathway.EARLY_HELP, false, 3));
            assertNull(RULES.approvalReason(Pathway.SOCIAL_CARE, true, 4), "social care never waits");
            assertNull(new DecisionRules(ThresholdRules.standard(), false, 5).approvalReason(Pathway.NONE, true, 4),
                    "as configured");
        }

        @Test
        void aStatutoryOutcomeMakesAReferralUnlessTheCaseWasSocialCareAlready() {
            assertTrue(DecisionRules.becomesReferral(Outcome.SOCIAL_CARE_ASSESSMENT, null));
            assertTrue(DecisionRules.becomesReferral(Outcome.STRATEGY_DISCUSSION, Pathway.EARLY_HELP));
            assertFalse(DecisionRules.becomesReferral(Outcome.STRATEGY_DISCUSSION, Pathway.SOCIAL_CARE));
            assertFalse(DecisionRules.becomesReferral(Outcome.EARLY_HELP_TARGETED, null));
        }

        @Test
        void passingToTheLeadWorkerKeepsTheOpenCasesPathway() {
            assertEquals(Pathway.SOCIAL_CARE, DecisionRules.pathwayOf(Outcome.PASSED_TO_ALLOCATED_WORKER,
                    Pathway.SOCIAL_CARE));
            assertEquals(Pathway.NONE, DecisionRules.pathwayOf(Outcome.PASSED_TO_ALLOCATED_WORKER, null));
            assertEquals(Pathway.EARLY_HELP, DecisionRules.pathwayOf(Outcome.EARLY_HELP_TARGETED, Pathway.SOCIAL_CARE));
        }
    }

    @Nested
    class Steps {

        private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

        @Test
        void upMeansSocialCareDownAndAcrossEarlyHelp() {
            assertEquals(Pathway.SOCIAL_CARE, DecisionRules.stepLeadsTo(StepDirection.UP));
            assertEquals(Pathway.EARLY_HELP, DecisionRules.stepLeadsTo(StepDirection.DOWN));
            assertEquals(Pathway.EARLY_HELP, DecisionRules.stepLeadsTo(StepDirection.ACROSS));
        }

        @Test
        void aStepToTheWrongPathwayOrWithoutItsPanelIsNamed() {
            assertEquals(List.of(new FieldError("pathway", "a step up leads to SOCIAL_CARE")),
                    DecisionRules.checkStep("UP", Pathway.EARLY_HELP, null, TODAY));
            assertEquals(List.of(new FieldError("panelDate", "is required to step down: the date the panel agreed"
                    + " it")), DecisionRules.checkStep("DOWN", Pathway.EARLY_HELP, null, TODAY));
            assertEquals(List.of("panelDate"), fields(DecisionRules.checkStep("ACROSS", Pathway.EARLY_HELP,
                    TODAY.plusDays(1), TODAY)));
            assertEquals(List.of(), DecisionRules.checkStep("DOWN", Pathway.EARLY_HELP, TODAY, TODAY));
        }

        @Test
        void anUnknownDirectionOrNoPathwayIsNamed() {
            assertEquals(List.of("direction", "pathway"), fields(DecisionRules.checkStep("SIDEWAYS", Pathway.NONE,
                    null, TODAY)));
        }
    }

    private static DecisionCommand command(int level, Outcome outcome, String need, String overrideReason,
            String leadWorker) {
        return new DecisionCommand(level, outcome, need, "Because.", "Thank you.", overrideReason, leadWorker, null,
                null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static StaffMember staff(String id, Pathway pathway, boolean active) {
        StaffMember s = new StaffMember();
        s.id = id;
        s.pathway = pathway;
        s.active = active;
        return s;
    }
}
