package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.frontdoor.triage.queue.HistoryEntry;

/**
 * Cases' results (a case with everything shown about it; what a decision did to the child's case) and one door to
 * the work for the console: reading is CaseReads', allocation CaseAllocation's, steps and closes CaseChanges',
 * what a decision does CaseOpening's. Each change and its {@code case.*} event commit together.
 */
@ApplicationScoped
public class CaseService {

    @Inject
    CaseReads reads;

    @Inject
    CaseAllocation allocation;

    @Inject
    CaseChanges changes;

    /** What a decision did to the child's case. */
    public enum EffectKind {
        OPENED, JOINED, STEPPED_UP, PASSED
    }

    /**
     * The case a decision opened, joined, stepped up or passed the contact to; the lead worker
     * before (for a step) and what to tell the decider.
     */
    public record Effect(CareCase careCase, EffectKind kind, String previousLeadWorker, CaseStep step,
            List<String> warnings) {
    }

    /** A case with everything shown about it. */
    public record Details(CareCase careCase, List<CaseChild> children, List<CaseStep> steps, List<String> partnerAgencies,
            List<HistoryEntry> history, List<String> warnings, CaseChangeRequest pendingChange) {
    }

    public Details view(UUID id) {
        return reads.view(id);
    }

    public List<CareCase> awaitingAllocation() {
        return reads.awaitingAllocation();
    }

    public List<CareCase> mine() {
        return reads.mine();
    }

    public Details allocate(UUID id, AllocateCommand command, Long ifMatch) {
        return allocation.allocate(id, command, ifMatch);
    }

    public Details step(UUID id, StepCommand command, Long ifMatch) {
        return changes.step(id, command, ifMatch);
    }

    public Details close(UUID id, CloseCommand command, Long ifMatch) {
        return changes.close(id, command, ifMatch);
    }
}
