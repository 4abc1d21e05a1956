package org.frontdoor.triage.statutory;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.CategoryOfAbuse;

@Schema(name = "Section47Request", description = "A child's s47 enquiry: the strategy discussion that started it,"
        + " the initial child protection conference (ICPC) or that none is needed, and a child protection plan")
public record Section47Command(
        @Schema(description = "The strategy discussion that started the enquiry: not before the referral, not in"
                + " the future; the ICPC is due 15 working days after it. Required unless a strategy discussion"
                + " recorded on the item decided on an s47 enquiry: absent, the latest such discussion's date",
                example = "2026-11-24")
        LocalDate strategyDiscussionOn,
        @Schema(description = "The enquiry's start, when later than the strategy discussion (else that date)")
        LocalDate startedOn,
        @Schema(description = "The date of the initial child protection conference: a working day, not before the"
                + " enquiry started", example = "2026-12-12") LocalDate icpcOn,
        @Schema(description = "True when the enquiry ended without needing a conference") Boolean icpcNotRequired,
        @Schema(description = "The child protection plan's start: the conference's date", example = "2026-12-12")
        LocalDate planStartedOn,
        @Schema(description = "The plan's category of abuse", example = "NEG") CategoryOfAbuse planCategory,
        @Schema(description = "When the plan ended") LocalDate planEndedOn) {

    /** This command dated by the strategy discussion of {@code on}. */
    public Section47Command withStrategyDiscussionOn(LocalDate on) {
        return new Section47Command(on, startedOn, icpcOn, icpcNotRequired, planStartedOn, planCategory, planEndedOn);
    }
}
