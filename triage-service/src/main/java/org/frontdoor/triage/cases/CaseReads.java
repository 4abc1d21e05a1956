package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

/** Reading cases: one with everything shown about it, those awaiting allocation, the signed-in worker's own. */
@ApplicationScoped
public class CaseReads {

    @Inject
    CaseQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    Actors actors;

    @Transactional
    public CaseResults.Details view(UUID id) {
        CareCase c = find(id, false);
        audit.record("case.read", c.referralId, "case " + id);
        return details(c, List.of());
    }

    /** Open cases that wait for a lead worker, the soonest due first. */
    @Transactional
    public List<CareCase> awaitingAllocation() {
        List<CareCase> waiting = CareCase.list("status = ?1 and leadWorker is null order by allocationDueBy, openedAt",
                CareCase.Status.OPEN);
        audit.record("case.awaiting-allocation", null, waiting.size() + " case(s)");
        return waiting;
    }

    /** The open cases the signed-in worker leads. */
    @Transactional
    public List<CareCase> mine() {
        Actor actor = actors.staff();
        List<CareCase> mine = CareCase.list("leadWorker = ?1 and status = ?2 order by openedAt", actor.id(),
                CareCase.Status.OPEN);
        audit.record("case.mine", null, mine.size() + " case(s) of " + actor.id());
        return mine;
    }

    public CareCase find(UUID id, boolean forUpdate) {
        CareCase c = forUpdate ? CareCase.findById(id, LockModeType.PESSIMISTIC_WRITE) : CareCase.findById(id);
        if (c == null) {
            throw DomainException.notFound("Case " + id);
        }
        return c;
    }

    public CaseResults.Details details(CareCase c, List<String> warnings) {
        return new CaseResults.Details(c, CaseChild.ofCase(c.id), CaseStep.list("caseId = ?1 order by steppedAt, id",
                c.id), queries.partnerAgencies(c.id), HistoryEntry.of(c.id), warnings,
                CaseChangeRequest.pendingFor(c.id).orElse(null));
    }
}
