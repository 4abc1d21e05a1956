package org.frontdoor.triage.domain;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rule that fired when the level was suggested, with the indicators that made it fire. */
@Schema(name = "SuggestionReason")
public record SuggestionReason(
        @Schema(description = "The rule: indicator, several-level-2, any-level-4, immediate-risk, no-indicators or unknown-indicator",
                example = "several-level-2") String rule,
        @Schema(description = "The level this rule points to (0 for an ignored indicator)", example = "3") int level,
        @Schema(example = "[\"POOR_ATTENDANCE\", \"BULLYING\"]") List<String> indicators,
        @Schema(example = "2 level-2 needs together (POOR_ATTENDANCE, BULLYING) suggest level 3") String explanation) {
}
