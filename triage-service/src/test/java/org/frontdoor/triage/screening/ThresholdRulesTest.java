package org.frontdoor.triage.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.frontdoor.events.codes.IndicatorCatalogue;
import org.frontdoor.events.codes.Outcome;
import org.junit.jupiter.api.Test;

/** The suggested level and its reasons, from the threshold rules kept as data. */
class ThresholdRulesTest {

    private final ThresholdRules rules = ThresholdRules.standard();

    @Test
    void theHighestIndicatorLevelIsSuggestedAndNamed() {
        ThresholdRules.Suggestion s = rules.suggest(List.of("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"), false);

        assertEquals(3, s.level());
        assertEquals(List.of("indicator", "indicator"), s.reasons().stream().map(SuggestionReason::rule).toList());
        assertTrue(s.reasons().get(1).explanation().startsWith("SIGNS_OF_NEGLECT"), s.reasons().toString());
        assertEquals(3, s.reasons().get(1).level());
    }

    @Test
    void severalLevel2NeedsTogetherSuggestLevel3() {
        assertEquals(2, rules.suggest(List.of("BULLYING"), false).level());

        ThresholdRules.Suggestion s = rules.suggest(List.of("POOR_ATTENDANCE", "BULLYING"), false);

        assertEquals(3, s.level());
        SuggestionReason several = s.reasons().stream().filter(r -> r.rule().equals("several-level-2")).findFirst()
                .orElseThrow();
        assertEquals(List.of("POOR_ATTENDANCE", "BULLYING"), several.indicators());
        assertEquals("2 level-2 needs together (POOR_ATTENDANCE, BULLYING) suggest level 3", several.explanation());
    }

    @Test
    void immediateRiskOrAnyLevel4IndicatorSuggests4() {
        ThresholdRules.Suggestion risk = rules.suggest(List.of("BULLYING"), true);
        assertEquals(4, risk.level());
        assertTrue(risk.reasons().stream().anyMatch(r -> r.rule().equals("immediate-risk") && r.level() == 4));

        ThresholdRules.Suggestion level4 = rules.suggest(List.of("POOR_ATTENDANCE", "SEXUAL_EXPLOITATION"), false);
        assertEquals(4, level4.level());
        assertTrue(level4.reasons().stream().anyMatch(r -> r.rule().equals("any-level-4")
                && r.indicators().equals(List.of("SEXUAL_EXPLOITATION"))), level4.reasons().toString());
    }

    @Test
    void noIndicatorsSuggestLevel1AndUnknownCodesAreNamedNotCounted() {
        ThresholdRules.Suggestion none = rules.suggest(List.of(), false);
        assertEquals(1, none.level());
        assertEquals("no-indicators", none.reasons().get(0).rule());

        ThresholdRules.Suggestion unknown = rules.suggest(List.of("NOT_A_CODE"), false);
        assertEquals(1, unknown.level());
        assertEquals(List.of("unknown-indicator", "no-indicators"),
                unknown.reasons().stream().map(SuggestionReason::rule).toList());
    }

    @Test
    void aPartnershipsOwnFileChangesTheRules() {
        String file = """
                {"levelOverrides": {"DOMESTIC_ABUSE": 3},
                 "rules": {"noIndicators": {"level": 1}, "severalLevel2": {"count": 3, "level": 3},
                           "immediateRisk": {"level": 4}, "anyLevel4": {"level": 4}},
                 "outcomesByLevel": {"1": ["NO_FURTHER_ACTION"], "2": ["EARLY_HELP_SINGLE_AGENCY"],
                                     "3": ["EARLY_HELP_TARGETED"], "4": ["STRATEGY_DISCUSSION"]}}""";
        ThresholdRules local = ThresholdRules.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                IndicatorCatalogue.standard());

        assertEquals(3, local.suggest(List.of("DOMESTIC_ABUSE"), false).level());
        assertEquals(2, local.suggest(List.of("POOR_ATTENDANCE", "BULLYING"), false).level(), "3 needed now");
        assertEquals(Set.of(Outcome.STRATEGY_DISCUSSION), local.outcomesFor(4));
        assertThrows(IllegalStateException.class, () -> ThresholdRules.read(new ByteArrayInputStream(
                "{\"rules\": {}}".getBytes(StandardCharsets.UTF_8)), IndicatorCatalogue.standard()));
        // passing a contact to an open case's worker is not a level's outcome: only the child's case allows it
        IllegalStateException passed = assertThrows(IllegalStateException.class, () -> ThresholdRules.read(
                new ByteArrayInputStream("""
                        {"rules": {"noIndicators": {"level": 1}, "severalLevel2": {"count": 2, "level": 3},
                          "immediateRisk": {"level": 4}, "anyLevel4": {"level": 4}},
                         "outcomesByLevel": {"1": ["PASSED_TO_ALLOCATED_WORKER"], "2": ["NO_FURTHER_ACTION"],
                          "3": ["EARLY_HELP_TARGETED"], "4": ["STRATEGY_DISCUSSION"]}}""".getBytes(StandardCharsets.UTF_8)),
                IndicatorCatalogue.standard()));
        assertEquals("outcomesByLevel.1 cannot list PASSED_TO_ALLOCATED_WORKER", passed.getMessage());
    }

    @Test
    void theBuiltInOutcomeMappingFollowsTheContinuumOfNeed() {
        assertEquals(Set.of(Outcome.NO_FURTHER_ACTION, Outcome.INFORMATION_AND_ADVICE), rules.outcomesFor(1));
        assertEquals(Set.of(Outcome.EARLY_HELP_SINGLE_AGENCY, Outcome.INFORMATION_AND_ADVICE,
                Outcome.NO_FURTHER_ACTION), rules.outcomesFor(2));
        assertEquals(Set.of(Outcome.EARLY_HELP_TARGETED), rules.outcomesFor(3));
        assertEquals(Set.of(Outcome.SOCIAL_CARE_ASSESSMENT, Outcome.STRATEGY_DISCUSSION), rules.outcomesFor(4));
    }
}
