package org.frontdoor.triage.cases;

import java.util.List;
import org.frontdoor.triage.queue.HistoryEntry;

/**
 * What the case services answer with: a case with everything shown about it, and what a decision did to the
 * child's case. The work is CaseReads' (reading), CaseAllocation's, CaseChanges' (steps and closes) and
 * CaseOpening's (what a decision does); each change and its {@code case.*} event commit together.
 */
public final class CaseResults {

    private CaseResults() {
    }

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

}
