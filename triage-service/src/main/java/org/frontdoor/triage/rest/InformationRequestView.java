package org.frontdoor.triage.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.sharing.InformationRequest;
import org.frontdoor.triage.sharing.InformationRequestStatus;
import org.frontdoor.triage.sharing.InformationRequests;

/** A question to a partner organisation, as the organisation and the front door read it. */
@Schema(name = "InformationRequest", description = "A question the front door asked a partner organisation about"
        + " the children of a contact, and the organisation's answer")
public record InformationRequestView(UUID id, UUID triageItemId, UUID referralId,
        @Schema(description = "The organisation asked: its id in the partner directory",
                example = "south-yorkshire-police", maxLength = 100) String organisation,
        @Schema(example = "Any incidents or concerns at the address in the last 12 months?", maxLength = 5000)
        String question,
        Priority urgency,
        @Schema(description = "When the answer is due: RED 4 hours, AMBER 1 working day, GREEN 3 working days from the"
                + " request") Instant deadline,
        InformationRequestStatus status,
        @Schema(description = "Staff id of the worker who asked", maxLength = 200) String requestedBy,
        Instant requestedAt,
        @Schema(description = "What the organisation holds (ANSWERED)", maxLength = 10000) String findings,
        @Schema(description = "Why it will not answer (DECLINED)", maxLength = 2000) String declinedReason,
        Instant answeredAt,
        @Schema(description = "When the organisation was chased, its deadline passed unanswered") Instant chasedAt,
        @Schema(description = "Answered after its deadline") boolean late,
        @Schema(description = "The contact's children: the minimum to search the organisation's records (one request"
                + " read alone, not in lists)", maxItems = 20)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Child> children) {

    @Schema(name = "InformationRequestChild", description = "A child of the contact, as the referrer gave them")
    public record Child(@Schema(maxLength = 100) String firstName, @Schema(maxLength = 100) String lastName,
            LocalDate dateOfBirth, @Schema(description = "An unborn child's") LocalDate expectedDateOfBirth,
            ReferralReceived.Address address, @Schema(maxLength = 20) String nhsNumber) {

        static Child of(ReferralReceived.Child c) {
            return new Child(c.firstName(), c.lastName(), c.dateOfBirth(), c.expectedDateOfBirth(), c.address(),
                    c.nhsNumber());
        }
    }

    @Schema(name = "InformationRequestPage")
    public record Page(@Schema(minimum = "0", maximum = "100000") int page,
            @Schema(minimum = "1", maximum = "100") int size,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long total,
            @Schema(maxItems = 100) List<InformationRequestView> items) {

        static Page of(InformationRequests.Found found) {
            return new Page(found.page(), found.size(), found.total(),
                    found.items().stream().map(InformationRequestView::of).toList());
        }
    }

    /** Without the children: in lists, and as the front door's own answer to asking. */
    public static InformationRequestView of(InformationRequest r) {
        return of(r, null);
    }

    public static InformationRequestView of(InformationRequests.Read read) {
        return of(read.request(), read.children().stream().map(Child::of).toList());
    }

    private static InformationRequestView of(InformationRequest r, List<Child> children) {
        return new InformationRequestView(r.id, r.triageItemId, r.referralId, r.organisationId, r.question, r.urgency,
                r.deadline, r.status, r.requestedBy, r.requestedAt, r.findings, r.declinedReason, r.answeredAt,
                r.chasedAt, r.answeredLate(), children);
    }
}
