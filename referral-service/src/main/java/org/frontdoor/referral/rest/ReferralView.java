package org.frontdoor.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.referral.domain.Referral;
import org.frontdoor.referral.domain.ReferralChild;
import org.frontdoor.referral.domain.TimelineEntry;

/**
 * A referral and where each child stands, as the referrer and the front door see it. What the
 * front door knew of a child before (prior involvement) is shown to staff, never to partners.
 */
@Schema(name = "Referral")
public record ReferralView(
        UUID referralId,
        Instant receivedAt,
        @Schema(description = "RECEIVED, IN_TRIAGE, DECIDED or CLOSED", example = "IN_TRIAGE") String status,
        Instant acknowledgementDueBy,
        Referrer referrer,
        List<Child> children,
        Concerns concerns,
        @Schema(description = "What happened, oldest first: received, in triage, decided, case closed, and each"
                + " message sent to the referrer") List<Event> timeline) {

    @Schema(name = "ReferralReferrer")
    public record Referrer(String sourceCode, String organisationName, String name, String role,
            String externalReference) {
    }

    @Schema(name = "ReferralChild")
    public record Child(UUID childId, int position, String firstName, String lastName, LocalDate dateOfBirth,
            LocalDate expectedDateOfBirth,
            @Schema(description = "RECEIVED, IN_TRIAGE, WITH_ALLOCATED_WORKER, DECIDED, CASE_OPEN or CASE_CLOSED")
            String status,
            @Schema(description = "Level of need decided (1-4), once decided") Integer level,
            @Schema(description = "The decided response, once decided", example = "EARLY_HELP_TARGETED") String outcome,
            @Schema(description = "What the worker wrote for the referrer") String referrerFeedback,
            Instant decidedAt, Instant caseClosedAt,
            @Schema(description = "Staff only: what the front door knew of the child when the referral arrived")
            PriorInvolvement priorInvolvement) {
    }

    @Schema(name = "PriorInvolvement")
    public record PriorInvolvement(
            @Schema(description = "Earlier referrals (on earlier days) within 12 months") int referralsInLast12Months,
            boolean reReferral,
            @Schema(description = "The first referral of the same day, when this is a later one") UUID sameDayFirstReferralId,
            @Schema(description = "The child's open case, if any") UUID openCaseId) {
    }

    @Schema(name = "ReferralConcerns")
    public record Concerns(String summary, List<String> indicators, boolean immediateRisk) {
    }

    @Schema(name = "TimelineEvent")
    public record Event(Instant at, @Schema(example = "DECIDED") String kind, UUID childId, String summary,
            Map<String, Object> detail) {
    }

    public static ReferralView of(Referral referral, List<ReferralChild> children, List<TimelineEntry> timeline,
            boolean staff) {
        return new ReferralView(referral.id, referral.receivedAt, referral.status.name(), referral.acknowledgementDueBy,
                new Referrer(referral.sourceCode, referral.organisationName, referral.referrerName,
                        referral.referrerRole, referral.externalReference),
                children.stream().map(c -> child(c, staff)).toList(),
                new Concerns(referral.concernSummary, referral.indicators, referral.immediateRisk),
                timeline.stream().map(t -> new Event(t.occurredAt, t.kind, t.childId, t.summary, t.detail)).toList());
    }

    private static Child child(ReferralChild c, boolean staff) {
        return new Child(c.id, c.position, c.firstName, c.lastName, c.dateOfBirth, c.expectedDateOfBirth,
                c.status.name(), c.level, c.outcome, c.referrerFeedback, c.decidedAt, c.caseClosedAt,
                staff ? new PriorInvolvement(c.referralsLast12Months, c.reReferral, c.sameDayFirstReferralId,
                        c.openCaseId) : null);
    }
}
