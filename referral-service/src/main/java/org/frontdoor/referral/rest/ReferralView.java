package org.frontdoor.referral.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.referral.domain.ChildStatus;
import org.frontdoor.referral.domain.RecordType;
import org.frontdoor.referral.domain.Referral;
import org.frontdoor.referral.domain.ReferralChild;
import org.frontdoor.referral.domain.ReferralStatus;
import org.frontdoor.referral.domain.TimelineEntry;

/**
 * A contact and where each child stands, as the referrer and the front door see it: each child's
 * part is a contact, or a referral once the front door decided on a statutory assessment. What
 * the front door knew of a child before (prior involvement) is shown to staff, never to partners.
 */
@Schema(name = "Referral", description = "A contact about one or more children; each child's part becomes a"
        + " referral only on a statutory decision (s17 assessment, or strategy discussion and s47)")
public record ReferralView(
        UUID referralId,
        @Schema(description = "The contact's short human reference: the council's prefix, the year and a number within"
                + " the year. What people quote, in messages, on the phone and in the console; never changes. Absent"
                + " for a contact taken before references existed", example = "FD-2026-004213", maxLength = 30)
        String reference,
        Instant receivedAt,
        @Schema(description = "The least advanced child's: RECEIVED, IN_TRIAGE, DECIDED or CLOSED",
                example = "IN_TRIAGE") ReferralStatus status,
        Instant acknowledgementDueBy,
        Referrer referrer,
        @Schema(maxItems = 20) List<Child> children,
        Concerns concerns,
        @Schema(description = "What happened, oldest first: received, in triage, decided, became a referral, case"
                + " opened, stepped or closed, and each message sent to the referrer") List<Event> timeline) {

    @Schema(name = "ReferralReferrer")
    public record Referrer(@Schema(maxLength = 2) String sourceCode, @Schema(maxLength = 200) String organisationName,
            @Schema(maxLength = 200) String name, @Schema(maxLength = 200) String role,
            @Schema(maxLength = 100) String externalReference) {
    }

    @Schema(name = "ReferralChild")
    public record Child(UUID childId, @Schema(minimum = "0", maximum = "19") int position,
            @Schema(maxLength = 100) String firstName, @Schema(maxLength = 100) String lastName, LocalDate dateOfBirth,
            LocalDate expectedDateOfBirth,
            @Schema(description = "What the referrer may know: RECEIVED; IN_TRIAGE (every contact is screened, also"
                    + " one about a child with an open case); DECIDED (no further action, information and advice, or"
                    + " early help); REFERRED_TO_SOCIAL_CARE (a statutory assessment or strategy discussion);"
                    + " PASSED_TO_ALLOCATED_WORKER (the child's open case's worker has it); CASE_OPEN; CASE_CLOSED."
                    + " WITH_ALLOCATED_WORKER only on contacts from before every contact was screened",
                    example = "REFERRED_TO_SOCIAL_CARE") ChildStatus status,
            @Schema(description = "CONTACT, or REFERRAL once a statutory decision made it one", example = "REFERRAL")
            RecordType recordType,
            @Schema(description = "The CIN referral date (the contact's date), when it became a referral",
                    example = "2026-11-23") LocalDate referralDate,
            @Schema(description = "Level of need decided (1-4), once decided", minimum = "1", maximum = "4") Integer level,
            @Schema(description = "The decided response, once decided", example = "SOCIAL_CARE_ASSESSMENT")
            Outcome outcome,
            @Schema(description = "What the worker wrote for the referrer", maxLength = 5000) String referrerFeedback,
            Instant decidedAt, Instant caseClosedAt,
            @Schema(description = "Staff only: what the front door knew of the child when the contact arrived")
            PriorInvolvement priorInvolvement,
            @Schema(description = "The referrer said the young person is a care leaver") boolean careLeaver,
            @Schema(description = "18 or over on the contact's date: without their consent (GIVEN, confirmed) the referrer sees"
                    + " only that the contact was received (status RECEIVED, no decision, no timeline of theirs)")
            boolean youngAdult,
            @Schema(description = "A young adult's consent to share with partners; who recorded it and when are shown to"
                    + " staff only") ConsentView sharingConsent) {
    }

    @Schema(name = "SharingConsentView")
    public record ConsentView(
            @Schema(example = "GIVEN") SharingConsentStatus status,
            @Schema(description = "Staff only", example = "S. Lee, front door", maxLength = 200) String recordedBy,
            @Schema(description = "Staff only") Instant recordedAt,
            @Schema(description = "GIVEN counts only when true: recorded or confirmed by the front door or a team"
                    + " manager. A partner system's report of consent stays false until the front door confirms it"
                    + " (POST .../sharing-consent/confirmation); until then the referrer hears receipt only")
            boolean confirmed,
            @Schema(description = "Staff only: who confirmed it", example = "fd-sam-lee", maxLength = 200)
            String confirmedBy,
            @Schema(description = "Staff only: when it was confirmed") Instant confirmedAt) {

        static ConsentView of(ReferralChild c, boolean staff) {
            return new ConsentView(c.sharingConsent, staff ? c.sharingConsentRecordedBy : null,
                    staff ? c.sharingConsentRecordedAt : null, c.consentConfirmed(),
                    staff ? c.sharingConsentConfirmedBy : null, staff ? c.sharingConsentConfirmedAt : null);
        }
    }

    @Schema(name = "PriorInvolvement")
    public record PriorInvolvement(
            @Schema(description = "Earlier referrals (contacts that became referrals), on earlier days, within 12"
                    + " months", minimum = "0", maximum = "2147483647") int referralsInLast12Months,
            @Schema(description = "There was an earlier referral within 12 months: should this contact become a"
                    + " referral, it is a re-referral") boolean reReferral,
            @Schema(description = "The first contact of the same day, when this is a later one") UUID sameDayFirstReferralId,
            @Schema(description = "The child's open case, if any: its lead worker is told, and the contact is"
                    + " screened all the same") UUID openCaseId,
            @Schema(description = "Earlier contacts about the child, whatever their outcome, on earlier days, within"
                    + " 12 months", minimum = "0", maximum = "2147483647") int contactsInLast12Months,
            @Schema(description = "The open case's pathway, once triage has queued the contact") Pathway openCasePathway) {
    }

    @Schema(name = "ReferralConcerns")
    public record Concerns(@Schema(maxLength = 20000) String summary,
            @Schema(maxItems = 40) List<@Size(max = 60) String> indicators, boolean immediateRisk) {
    }

    @Schema(name = "TimelineEvent")
    public record Event(Instant at, @Schema(example = "BECAME_REFERRAL", maxLength = 40) String kind, UUID childId,
            @Schema(maxLength = 500) String summary,
            Map<String, Object> detail) {
    }

    /**
     * Staff see everything. A partner (the referrer) sees a young adult without consent to share as received and
     * nothing more: no status beyond RECEIVED, no decision, and none of that child's timeline; the contact as a
     * whole then reads RECEIVED (its least advanced child).
     */
    public static ReferralView of(Referral referral, List<ReferralChild> children, List<TimelineEntry> timeline,
            boolean staff) {
        Set<UUID> withheld = staff ? Set.of() : children.stream().filter(ReferralChild::progressWithheldFromReferrer)
                .map(c -> c.id).collect(Collectors.toSet());
        return new ReferralView(referral.id, referral.reference, referral.receivedAt,
                withheld.isEmpty() ? referral.status : ReferralStatus.RECEIVED, referral.acknowledgementDueBy,
                new Referrer(referral.sourceCode, referral.organisationName, referral.referrerName,
                        referral.referrerRole, referral.externalReference),
                children.stream().map(c -> withheld.contains(c.id) ? receivedOnly(c) : child(c, staff)).toList(),
                new Concerns(referral.concernSummary, referral.indicators, referral.immediateRisk),
                timeline.stream().filter(t -> t.childId == null || !withheld.contains(t.childId))
                        .map(t -> new Event(t.occurredAt, t.kind, t.childId, t.summary, t.detail)).toList());
    }

    private static Child child(ReferralChild c, boolean staff) {
        return new Child(c.id, c.position, c.firstName, c.lastName, c.dateOfBirth, c.expectedDateOfBirth,
                c.status, c.recordType(), c.referralDate, c.level, c.outcome, c.referrerFeedback, c.decidedAt,
                c.caseClosedAt,
                staff ? new PriorInvolvement(c.referralsLast12Months, c.reReferral, c.sameDayFirstReferralId,
                        c.openCaseId, c.contactsLast12Months, c.openCasePathway) : null,
                c.careLeaver, c.youngAdult, ConsentView.of(c, staff));
    }

    /** What the referrer sent, and that it was received. */
    private static Child receivedOnly(ReferralChild c) {
        return new Child(c.id, c.position, c.firstName, c.lastName, c.dateOfBirth, c.expectedDateOfBirth,
                ChildStatus.RECEIVED, RecordType.CONTACT, null, null, null, null, null, null, null, c.careLeaver,
                c.youngAdult, ConsentView.of(c, false));
    }
}
