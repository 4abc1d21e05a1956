package org.frontdoor.triage.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;
import org.frontdoor.triage.strategy.StrategyDiscussionCommand;

@Schema(name = "StrategyDiscussionRequest", description = "A strategy discussion as held: when, the front door's"
        + " staff who took part, the partner agencies invited (police and health always) with whether each attended"
        + " and what it shared, the decision and the minutes")
public record StrategyDiscussionRequest(
        @Schema(description = "When it was held: not in the future, not before the contact was received",
                example = "2026-12-07T10:00:00Z") @NotNull Instant heldAt,
        @Schema(description = "The front door's staff who took part: staff directory ids", example = "[\"tw-tara-jones\"]")
        @NotNull @Size(min = 1, max = 30) List<@Size(max = 200) String> staff,
        @Schema(description = "The partner agencies invited, each an active organisation of the partner directory;"
                + " a police agency (agency type POLICE) and a health agency (HEALTH) must be among them")
        @NotNull @Size(min = 1, max = 30) List<@Valid Agency> agencies,
        @Schema(description = "Whether the discussion decided on an s47 enquiry: the item's enquiry then takes its"
                + " date") @NotNull Boolean section47Enquiry,
        @Schema(description = "The protective action agreed at once, if any; the attending agencies are told it",
                example = "Mother agrees the children stay with their grandmother tonight; police visit at 18:00.")
        @Size(max = 2000) @PlainText(multiline = true) String immediateProtectiveAction,
        @Schema(description = "The minutes: kept in triage only, never sent to an agency")
        @NotNull @Size(min = 1, max = 50000) @PlainText(multiline = true) String minutes) {

    @Schema(name = "StrategyDiscussionAgencyRequest", description = "A partner agency invited")
    public record Agency(
            @Schema(description = "The organisation's id in the partner directory", example = "south-yorks-police")
            @NotNull @Size(min = 1, max = 100) String organisation,
            @Schema(description = "Whether it attended: attending agencies are told the outcome") Boolean attended,
            @Schema(description = "What it shared, if anything", example = "Two domestic incidents at the address")
            @Size(max = 10000) @PlainText(multiline = true) String shared) {
    }

    public StrategyDiscussionCommand toCommand() {
        return new StrategyDiscussionCommand(heldAt, staff,
                agencies == null ? null : agencies.stream().map(a -> a == null ? null
                        : new StrategyDiscussionCommand.Agency(a.organisation(), a.attended(), a.shared())).toList(),
                section47Enquiry, immediateProtectiveAction, minutes);
    }
}
