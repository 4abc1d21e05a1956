package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;

/** The {@code case.*} events of a change, appended to the outbox in its transaction, and its audit record. */
@ApplicationScoped
public class CaseEvents {

    @Inject
    CaseQueries queries;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A new case, and its lead worker when it has one. */
    void opened(CareCase c) {
        emit(EventType.CASE_OPENED, c, null, null, null);
        if (c.leadWorker != null) {
            emit(EventType.CASE_ALLOCATED, c, null, null, null);
        }
        audit.record("case.opened", c.referralId, "case " + c.id + ", " + c.pathway + ", lead "
                + (c.leadWorker == null ? "awaiting allocation" : c.leadWorker));
    }

    void allocated(CareCase c, String previousLead) {
        emit(EventType.CASE_ALLOCATED, c, null, null, previousLead);
        audit.record("case.allocated", c.referralId, "case " + c.id + " to " + c.leadWorker);
    }

    void stepped(CareCase c, CaseStep s, String previousLead) {
        // the shareable summary only: the rationale is the manager's internal reasoning and stays here
        emit(EventType.CASE_STEPPED, c, s.direction.name(), s.partnerSummary, previousLead);
        if (c.leadWorker != null) {
            emit(EventType.CASE_ALLOCATED, c, null, null, previousLead);
        }
        audit.record("case.stepped", c.referralId, "case " + c.id + " " + s.direction + " to " + c.pathway);
    }

    void closed(CareCase c) {
        emit(EventType.CASE_CLOSED, c, null, null, null);
        audit.record("case.closed", c.referralId, "case " + c.id + ", " + c.closureReasonCode);
    }

    /**
     * @param stepSummary case.stepped: what partners are told of the step. The event never carries a rationale
     *            (CaseEvent's field stays empty): that is internal to triage
     */
    private void emit(EventType type, CareCase c, String direction, String stepSummary, String previousLead) {
        List<UUID> childIds = CaseChild.ofCase(c.id).stream().map(ch -> ch.key.childId()).toList();
        boolean closed = type == EventType.CASE_CLOSED;
        List<String> agencies = queries.partnerAgencies(c.id);
        // the agencies told of a step or closure each hear of the contact they know
        boolean told = closed || type == EventType.CASE_STEPPED;
        outbox.append(EventEnvelope.of(type, c.referralId, new CaseEvent(c.id, c.referralId, childIds,
                c.pathway.name(), c.leadWorker, direction, null, closed ? c.closureReasonCode : null,
                closed ? c.closureSummary : stepSummary, agencies, Instants.now(clock), previousLead,
                told ? queries.agencyContacts(c.id, agencies) : null)));
    }
}
