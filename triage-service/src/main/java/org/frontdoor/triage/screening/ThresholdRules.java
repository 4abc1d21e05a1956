package org.frontdoor.triage.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.codes.Indicator;
import org.frontdoor.events.codes.IndicatorCatalogue;
import org.frontdoor.events.codes.Outcome;

/**
 * The threshold rules, kept as data ({@code triage/threshold-rules.json}, or a partnership's own
 * file): how a referral's indicators suggest a level of the continuum of need, and which outcomes
 * each level allows. Built on the shared indicator catalogue, whose levels a file may override.
 *
 * <p>The suggestion is the highest level any rule points to:
 * <ul>
 * <li>each indicator points to its catalogue level (or the file's override);</li>
 * <li>several level-2 indicators together ({@code severalLevel2.count}, default 2) point to level 3;</li>
 * <li>any level-4 indicator points to 4; immediate risk points to 4;</li>
 * <li>no indicators at all point to level 1.</li>
 * </ul>
 */
public final class ThresholdRules {

    public record Suggestion(int level, List<SuggestionReason> reasons) {
    }

    private final IndicatorCatalogue catalogue;
    private final Map<String, Integer> levelOverrides;
    private final int noIndicatorsLevel;
    private final int severalLevel2Count;
    private final int severalLevel2Level;
    private final int immediateRiskLevel;
    private final int anyLevel4Level;
    private final Map<Integer, Set<Outcome>> outcomesByLevel;

    private ThresholdRules(IndicatorCatalogue catalogue, JsonNode root) {
        this.catalogue = catalogue;
        this.levelOverrides = new LinkedHashMap<>();
        root.path("levelOverrides").fields().forEachRemaining(e -> levelOverrides.put(e.getKey(), level(e.getValue())));
        JsonNode rules = root.path("rules");
        this.noIndicatorsLevel = level(rules.path("noIndicators").path("level"));
        this.severalLevel2Count = rules.path("severalLevel2").path("count").asInt(2);
        this.severalLevel2Level = level(rules.path("severalLevel2").path("level"));
        this.immediateRiskLevel = level(rules.path("immediateRisk").path("level"));
        this.anyLevel4Level = level(rules.path("anyLevel4").path("level"));
        if (severalLevel2Count < 2) {
            throw new IllegalStateException("rules.severalLevel2.count must be 2 or more");
        }
        this.outcomesByLevel = new LinkedHashMap<>();
        for (int level = 1; level <= 4; level++) {
            JsonNode list = root.path("outcomesByLevel").path(String.valueOf(level));
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalStateException("outcomesByLevel." + level + " must list at least one outcome");
            }
            Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
            for (JsonNode o : list) {
                Outcome outcome = Arrays.stream(Outcome.values()).filter(v -> v.name().equals(o.asText()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("unknown outcome " + o.asText()));
                if (outcome == Outcome.PASSED_TO_ALLOCATED_WORKER) {
                    // allowed at any level, but only for a child with an open case: not the rules' to map
                    throw new IllegalStateException("outcomesByLevel." + level + " cannot list " + outcome);
                }
                outcomes.add(outcome);
            }
            outcomesByLevel.put(level, outcomes);
        }
    }

    /** Reads a rules file; throws {@link IllegalStateException} naming what is wrong with it. */
    public static ThresholdRules read(InputStream in, IndicatorCatalogue catalogue) {
        try {
            return new ThresholdRules(catalogue, EventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("the threshold rules are not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The built-in rules. */
    public static ThresholdRules standard() {
        try (InputStream in = ThresholdRules.class.getResourceAsStream("/triage/threshold-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("triage/threshold-rules.json is missing");
            }
            return read(in, IndicatorCatalogue.standard());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Suggestion suggest(Collection<String> indicatorCodes, boolean immediateRisk) {
        List<SuggestionReason> reasons = new ArrayList<>();
        Map<Integer, List<String>> byLevel = new LinkedHashMap<>();
        int level = byIndicator(new LinkedHashSet<>(indicatorCodes == null ? List.of() : indicatorCodes), byLevel,
                reasons);
        List<String> level2 = byLevel.getOrDefault(2, List.of());
        if (level2.size() >= severalLevel2Count) {
            reasons.add(new SuggestionReason("several-level-2", severalLevel2Level, List.copyOf(level2),
                    level2.size() + " level-2 needs together (" + String.join(", ", level2) + ") suggest level "
                            + severalLevel2Level));
            level = Math.max(level, severalLevel2Level);
        }
        List<String> level4 = byLevel.getOrDefault(4, List.of());
        if (!level4.isEmpty()) {
            reasons.add(new SuggestionReason("any-level-4", anyLevel4Level, List.copyOf(level4),
                    "a level-4 indicator (" + String.join(", ", level4) + ") suggests level " + anyLevel4Level
                            + ": risk of significant harm"));
            level = Math.max(level, anyLevel4Level);
        }
        return new Suggestion(Math.max(Math.max(level, byRisk(immediateRisk, byLevel.isEmpty(), reasons)), 1),
                List.copyOf(reasons));
    }

    /** Each indicator's own level (an unknown one is named and not counted); the highest of them, else 0. */
    private int byIndicator(Set<String> codes, Map<Integer, List<String>> byLevel, List<SuggestionReason> reasons) {
        int level = 0;
        for (String code : codes) {
            Indicator indicator = catalogue.find(code).orElse(null);
            if (indicator == null) {
                reasons.add(new SuggestionReason("unknown-indicator", 0, List.of(code),
                        code + " is not in the indicator catalogue and was not counted"));
                continue;
            }
            int indicatorLevel = levelOverrides.getOrDefault(code, indicator.level());
            byLevel.computeIfAbsent(indicatorLevel, l -> new ArrayList<>()).add(code);
            reasons.add(new SuggestionReason("indicator", indicatorLevel, List.of(code),
                    code + " (" + indicator.description() + ") usually points to level " + indicatorLevel
                            + (levelOverrides.containsKey(code) ? " (local override)" : "")));
            level = Math.max(level, indicatorLevel);
        }
        return level;
    }

    /** Immediate risk's level; with no known indicator and no risk, the no-indicators level; else 0. */
    private int byRisk(boolean immediateRisk, boolean noKnownIndicators, List<SuggestionReason> reasons) {
        if (immediateRisk) {
            reasons.add(new SuggestionReason("immediate-risk", immediateRiskLevel, List.of(),
                    "the referrer flagged immediate risk to the child, which suggests level " + immediateRiskLevel));
            return immediateRiskLevel;
        }
        if (noKnownIndicators) {
            reasons.add(new SuggestionReason("no-indicators", noIndicatorsLevel, List.of(),
                    "no known indicators were given, which suggests level " + noIndicatorsLevel
                            + " unless the worker finds more"));
            return noIndicatorsLevel;
        }
        return 0;
    }

    /** The outcomes this level allows; anything else contradicts the level. */
    public Set<Outcome> outcomesFor(int level) {
        return outcomesByLevel.getOrDefault(level, Set.of());
    }

    private static int level(JsonNode node) {
        int level = node.asInt(-1);
        if (level < 1 || level > 4) {
            throw new IllegalStateException("a level must be 1-4, not " + node);
        }
        return level;
    }
}
