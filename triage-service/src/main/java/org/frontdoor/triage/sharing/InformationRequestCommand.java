package org.frontdoor.triage.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.validation.PlainText;

/**
 * A question to one partner organisation about a contact's children.
 *
 * @param organisation the organisation's id in the partner directory
 * @param urgency RED, AMBER or GREEN; absent: the contact's own priority
 */
@Schema(name = "InformationRequestRequest", description = "A question to one partner organisation about the"
        + " children of the contact")
public record InformationRequestCommand(
        @Schema(description = "The organisation asked: its id in the partner directory (GET /api/v1/partners on the"
                + " notification service); it must be active there", example = "south-yorkshire-police")
        @NotBlank @Size(max = 100) String organisation,
        @Schema(description = "What the front door asks. The organisation reads it with its own token; it never"
                + " travels in a message", example = "Any incidents or concerns at the address in the last 12 months?")
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String question,
        @Schema(description = "How soon the answer is due (RED 4 hours, AMBER 1 working day, GREEN 3 working days);"
                + " absent: the contact's own priority", example = "RED") Priority urgency) {
}
