package org.frontdoor.triage.screening;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rule that fired when the level was suggested, with the indicators that made it fire. */
@Schema(name = "SuggestionReason")
public record SuggestionReason(
        @Schema(description = "The rule: indicator, several-level-2, any-level-4, immediate-risk, no-indicators or unknown-indicator",
                example = "several-level-2", enumeration = { "indicator", "several-level-2", "any-level-4",
                        "immediate-risk", "no-indicators", "unknown-indicator" }) String rule,
        @Schema(description = "The level this rule points to (0 for an ignored indicator)", example = "3",
                minimum = "0", maximum = "4") int level,
        @Schema(example = "[\"POOR_ATTENDANCE\", \"BULLYING\"]", maxItems = 40)
        List<@Size(max = 60) String> indicators,
        @Schema(example = "2 level-2 needs together (POOR_ATTENDANCE, BULLYING) suggest level 3", maxLength = 4000)
        String explanation) {
}
