package org.frontdoor.triage.sharing;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

/** Asking partner organisations about a contact's children, and what they answered. */
@ApplicationScoped
public class InformationRequests {

    /** The request's address in this API: the link its messages carry. */
    public static final String PATH = "/api/v1/information-requests/";

    /** A request as its organisation reads it: with the contact's children, the minimum to search its records. */
    public record Read(InformationRequest request, List<ReferralReceived.Child> children) {
    }

    public record Found(int page, int size, long total, List<InformationRequest> items) {
    }

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    QueueService queue;

    @Inject
    RequestDeadlines deadlines;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    /** Asks {@code command.organisation()} about the children of item {@code itemId}, as the signed-in worker. */
    @Transactional
    public InformationRequest ask(UUID itemId, InformationRequestCommand command) {
        List<FieldError> errors = new ArrayList<>();
        Optional<PartnerDirectoryCopy.Partner> organisation = command == null || command.organisation() == null
                || command.organisation().isBlank() ? Optional.empty()
                : partners.requireActive(command.organisation().strip(), "organisation", errors);
        validation.check(command, errors);
        TriageItem item = queue.find(itemId, true);
        item.requireUndecided();
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        Priority urgency = command.urgency() != null ? command.urgency() : item.priority;
        InformationRequest r = InformationRequest.ask(item.id, item.referralId, organisation.orElseThrow().id(),
                command.question().strip(), urgency, actor.id(), now, deadlines.of(now, urgency));
        r.persist();
        HistoryEntry.add(item.id, now, actor, "INFORMATION_REQUESTED", r.organisationId + ", " + urgency + ", due "
                + r.deadline);
        outbox.append(EventEnvelope.of(EventType.INFORMATION_REQUESTED, r.referralId, payload(r, now)));
        audit.record("information-request.asked", r.referralId, "request " + r.id + " to " + r.organisationId
                + ", item " + item.id + ", " + urgency);
        return r;
    }

    /** The requests made from an item, oldest first. */
    public List<InformationRequest> ofItem(UUID itemId) {
        return InformationRequest.ofItem(itemId);
    }

    /** The requests made from an item, read by staff (audited); no such item is not found. */
    @Transactional
    public List<InformationRequest> readOfItem(UUID itemId) {
        TriageItem item = queue.find(itemId, false);
        List<InformationRequest> found = ofItem(item.id);
        audit.record("information-request.list", item.referralId, found.size() + " request(s) of item " + item.id);
        return found;
    }

    /** One request, as {@code organisation} reads it (null: staff, who read any); another's is not found. */
    @Transactional
    public Read read(UUID id, String organisation) {
        InformationRequest r = find(id, organisation, false);
        ReferralReceived content = TriageReferral.<TriageReferral>findById(r.referralId).content();
        audit.record("information-request.read", r.referralId, "request " + r.id + " to " + r.organisationId);
        return new Read(r, content.children().stream()
                .sorted(Comparator.comparingInt(ReferralReceived.Child::position)).toList());
    }

    /** {@code organisation}'s answer to its request, by its system {@code by}: exactly one kind of answer. */
    @Transactional
    public InformationRequest respond(UUID id, String organisation, InformationResponseCommand command, String by) {
        List<FieldError> errors = new ArrayList<>();
        Answer answer = Answer.of(command, errors);
        validation.check(command, errors);
        InformationRequest r = find(id, organisation, true);
        Instant now = Instants.now(clock);
        switch (answer) {
            case FINDINGS -> r.answer(command.findings().strip(), by, now);
            case NO_TRACE -> r.noTrace(by, now);
            case DECLINED -> r.decline(command.declined().strip(), by, now);
        }
        HistoryEntry.add(r.triageItemId, now, by, "INFORMATION_" + r.status, r.organisationId
                + (r.answeredLate() ? ", after the deadline" : ", in time"));
        audit.record("information-request.answered", r.referralId, "request " + r.id + " by " + r.organisationId
                + ": " + r.status + (r.answeredLate() ? ", late" : ""));
        return r;
    }

    /** A page of requests, newest deadline last; {@code organisation}'s only, or (null) everyone's for staff. */
    @Transactional
    public Found list(InformationRequestStatus status, String organisation, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (organisation != null) {
            params.add(organisation);
            where.append(" and organisationId = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            where.append(" and status = ?").append(params.size());
        }
        var query = InformationRequest.<InformationRequest>find(where.toString(), Sort.by("deadline").and("requestedAt").and("id"),
                params.toArray());
        List<InformationRequest> items = query.page(Page.of(page, size)).list();
        long total = query.count();
        audit.record("information-request.list", null, items.size() + " of " + total + " request(s)"
                + (status == null ? "" : ", " + status) + (organisation == null ? "" : ", " + organisation));
        return new Found(page, size, total, items);
    }

    private static InformationRequest find(UUID id, String organisation, boolean forUpdate) {
        InformationRequest r = forUpdate
                ? InformationRequest.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                : InformationRequest.findById(id);
        // another organisation's request is not there for the caller: not even that it exists
        if (r == null || organisation != null && !organisation.equals(r.organisationId)) {
            throw DomainException.notFound("Information request " + id);
        }
        return r;
    }

    /** The event's payload: never the question or the children. */
    static org.frontdoor.events.payload.InformationRequest payload(InformationRequest r, Instant now) {
        return new org.frontdoor.events.payload.InformationRequest(r.id, r.referralId, r.organisationId,
                r.urgency.name(), r.deadline, PATH + r.id, now);
    }

    /** Which kind of answer a response gives; what is wrong with it added to {@code errors}. */
    private enum Answer {
        FINDINGS, NO_TRACE, DECLINED;

        static Answer of(InformationResponseCommand c, List<FieldError> errors) {
            if (c == null) {
                return null; // no body: RequestValidation says so
            }
            List<Answer> given = new ArrayList<>();
            if (c.findings() != null && !c.findings().isBlank()) {
                given.add(FINDINGS);
            }
            if (Boolean.TRUE.equals(c.noTrace())) {
                given.add(NO_TRACE);
            }
            if (c.declined() != null && !c.declined().isBlank()) {
                given.add(DECLINED);
            }
            if (given.size() == 1) {
                return given.get(0);
            }
            String message = given.isEmpty() ? "one of findings, noTrace (true) or declined (a reason) is required"
                    : "give only one of findings, noTrace or declined";
            for (String field : given.isEmpty() ? List.of("findings", "noTrace", "declined")
                    : given.stream().map(Answer::field).toList()) {
                errors.add(new FieldError(field, message));
            }
            return null;
        }

        String field() {
            return switch (this) {
                case FINDINGS -> "findings";
                case NO_TRACE -> "noTrace";
                case DECLINED -> "declined";
            };
        }
    }
}
