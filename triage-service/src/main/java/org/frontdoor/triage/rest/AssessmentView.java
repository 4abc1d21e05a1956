package org.frontdoor.triage.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.statutory.Assessment;
import org.frontdoor.triage.statutory.Section47Enquiry;

/** The statutory work of a referral, as recorded. */
public final class AssessmentView {

    private AssessmentView() {
    }

    @Schema(name = "Assessment", description = "A child's s17 assessment")
    public record S17(UUID id, UUID triageItemId, LocalDate startedOn,
            @Schema(description = "Due: 45 working days (configurable) after the referral") LocalDate dueOn,
            Boolean childSeen, LocalDate authorisedOn,
            @Schema(description = "The team manager who authorised it (staff id)", example = "tm-maya-reid",
                    maxLength = 200) String authorisedBy,
            @Schema(description = "Their sign-in (the token's subject)", maxLength = 200) String authorisedBySubject,
            @Schema(maxItems = 40) List<AssessmentFactor> factors,
            Boolean requiresSupport, @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long version) {

        public static S17 of(Assessment a) {
            return new S17(a.id, a.triageItemId, a.startedOn, a.dueOn, a.childSeen, a.authorisedOn, a.authorisedBy,
                    a.authorisedBySubject,
                    a.factors.stream().map(AssessmentFactor::fromCode).flatMap(Optional::stream).toList(),
                    a.requiresSupport, a.version);
        }
    }

    @Schema(name = "Section47Enquiry", description = "A child's s47 enquiry, its initial conference and plan")
    public record S47(UUID id, UUID triageItemId, LocalDate strategyDiscussionOn, LocalDate startedOn,
            @Schema(description = "The initial conference is due: 15 working days (configurable) after the strategy"
                    + " discussion") LocalDate icpcDueOn,
            LocalDate icpcOn, boolean icpcNotRequired,
            @Schema(description = "The team manager who recorded that no conference was needed (staff id)",
                    example = "tm-maya-reid", maxLength = 200) String icpcNotRequiredBy,
            @Schema(description = "Their sign-in (the token's subject)", maxLength = 200)
            String icpcNotRequiredBySubject,
            LocalDate planStartedOn, CategoryOfAbuse planCategory,
            LocalDate planEndedOn, @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long version) {

        public static S47 of(Section47Enquiry e) {
            return new S47(e.id, e.triageItemId, e.strategyDiscussionOn, e.startedOn, e.icpcDueOn, e.icpcOn,
                    e.icpcNotRequired, e.icpcNotRequiredBy, e.icpcNotRequiredBySubject, e.planStartedOn, CategoryOfAbuse.fromCode(e.planCategory).orElse(null),
                    e.planEndedOn, e.version);
        }
    }
}
