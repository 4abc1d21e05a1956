package org.frontdoor.triage.sharing;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

/** A partner organisation's answer: exactly one of what it holds, that it holds nothing, or why it will not say. */
@Schema(name = "InformationResponse", description = "Exactly one of findings, noTrace (true) or declined")
public record InformationResponseCommand(
        @Schema(description = "What the organisation holds about the children", example = "Two domestic incidents"
                + " at the address in 2026; no arrests.")
        @Size(max = 10000) @PlainText(multiline = true) String findings,
        @Schema(description = "true: the organisation searched and holds nothing about the children")
        Boolean noTrace,
        @Schema(description = "The organisation will not answer: its reason", example = "No consent to share and no"
                + " safeguarding grounds found.")
        @Size(max = 2000) @PlainText(multiline = true) String declined) {
}
