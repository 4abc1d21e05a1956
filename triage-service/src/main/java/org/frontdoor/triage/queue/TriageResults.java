package org.frontdoor.triage.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseResults;
import org.frontdoor.triage.decision.DecisionService;
import org.frontdoor.triage.screening.PartnerCheck;
import org.frontdoor.triage.screening.ScreeningService;
import org.frontdoor.triage.sharing.InformationRequest;

/**
 * What screening answers with, shared by the queue, the screening and the decision services and their callers: the
 * queue's rows and pages, an item's details, a decision as recorded. The work itself is QueueService's,
 * ScreeningService's and DecisionService's.
 */
public final class TriageResults {

    private TriageResults() {
    }

    /**
     * Queue filters; each optional. Without a status the open queue is listed: NEW, IN_PROGRESS and
     * AWAITING_APPROVAL. {@code openCase}: only children with (true) or without (false) an open case.
     */
    public record Filter(TriageStatus status, Priority priority, String assignedTo, Boolean overdue, UUID referralId,
            Boolean openCase) {
    }

    /** One row of the queue: the item, the child's name and the referral source. */
    /** @param reference the contact's human reference, null for a contact received before references */
    public record Row(TriageItem item, String childName, String sourceCode, String reference) {
    }

    public record Page(int page, int size, long total, List<Row> rows) {
    }

    /** Another child of the same contact, with their own item. */
    public record Sibling(int position, UUID childId, UUID triageItemId, String firstName, String lastName,
            LocalDate dateOfBirth, TriageStatus status) {
    }

    /** Everything a triage worker needs to decide for one child. */
    public record Details(TriageItem item, ReferralReceived content, List<Sibling> siblings, List<PartnerCheck> checks,
            List<HistoryEntry> history, CareCase openCase, List<InformationRequest> informationRequests) {
    }

    /** A decision as recorded; {@code effect} is null while it awaits approval. */
    public record Decided(TriageItem item, CaseResults.Effect effect, Long leadWorkerOpenCases, List<String> warnings) {
    }

}
