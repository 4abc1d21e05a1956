package org.frontdoor.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;

/**
 * Payload shared by {@code case.opened}, {@code case.allocated}, {@code case.stepped} and
 * {@code case.closed}. Fields that do not apply to a type are left out.
 *
 * @param pathway EARLY_HELP or SOCIAL_CARE (after the change, for case.stepped)
 * @param leadWorker the lead worker's staff id; absent while the case awaits allocation
 * @param direction UP, DOWN or ACROSS (case.stepped)
 * @param rationale no longer sent: a step's rationale is the manager's internal reasoning and stays in triage (kept
 *        for older events; a consumer never passes it on)
 * @param closureReasonCode RC1-RC9 (case.closed)
 * @param summary what the referrer and partner agencies are told: of a step (case.stepped), triage's partner summary,
 *        absent when none was written; of a closure (case.closed), its summary
 * @param partnerAgencies every partner organisation involved, so all are informed (case.stepped, case.closed)
 * @param previousLeadWorker the lead worker before the change (case.allocated, case.stepped)
 * @param agencyContacts for each of {@code partnerAgencies}, the contact it knows (case.stepped, case.closed): the one
 *        it made, else the one it was checked or asked about, so that its message quotes a reference it holds;
 *        absent on older events (the case's own referral is quoted then)
 */
public record CaseEvent(UUID caseId, UUID referralId, List<UUID> childIds, String pathway, String leadWorker,
        String direction, String rationale, String closureReasonCode, String summary, List<String> partnerAgencies,
        Instant occurredAt, String previousLeadWorker, List<AgencyContact> agencyContacts) {

    /** A case event without the agencies' contacts (as events written before they were). */
    public CaseEvent(UUID caseId, UUID referralId, List<UUID> childIds, String pathway, String leadWorker,
            String direction, String rationale, String closureReasonCode, String summary,
            List<String> partnerAgencies, Instant occurredAt, String previousLeadWorker) {
        this(caseId, referralId, childIds, pathway, leadWorker, direction, rationale, closureReasonCode, summary,
                partnerAgencies, occurredAt, previousLeadWorker, null);
    }

    /**
     * The contact a partner agency knows of a case.
     *
     * @param organisationId the agency, one of the event's {@code partnerAgencies}
     * @param referralId the contact
     * @param reference the contact's human reference (absent for a contact taken before references existed)
     */
    public record AgencyContact(String organisationId, UUID referralId, String reference) {
    }

    /** Its codes in the shared code lists, each absent where the event type leaves it out. */
    public record Codes(Pathway pathway, StepDirection direction, ClosureReason closureReason) {
    }

    /** Its codes, read; an unknown one is a {@link org.frontdoor.events.MalformedEventException}. */
    public Codes codes() {
        String event = "case event " + caseId;
        return new Codes(PayloadReader.optional(Pathway.class, pathway, event, "pathway"),
                PayloadReader.optional(StepDirection.class, direction, event, "direction"),
                PayloadReader.optionalCode(ClosureReason.class, closureReasonCode, event, "closureReasonCode"));
    }

    /** The one reader of a case event: what cannot be read, codes included, is malformed. */
    public static CaseEvent from(EventEnvelope event) {
        return PayloadReader.read(event, CaseEvent.class, CaseEvent::codes);
    }
}
