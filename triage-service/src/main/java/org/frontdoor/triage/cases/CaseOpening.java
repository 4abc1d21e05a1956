package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.cases.CaseResults.Effect;
import org.frontdoor.triage.cases.CaseResults.EffectKind;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Caseloads;
import org.frontdoor.triage.staff.StaffAlert;

/**
 * What a decision in effect does to the child's case: the contact passed to the open case's lead worker, or the
 * case joined, stepped up to social care, or opened and allocated (or left for a manager's allocation when nobody
 * has room). The lead workers concerned are told at once; the events go out with the decision's.
 */
@ApplicationScoped
public class CaseOpening {

    @Inject
    Caseloads caseloads;

    @Inject
    CaseAllocation allocation;

    @Inject
    CaseChanges changes;

    @Inject
    CaseEvents events;

    @Inject
    CaseQueries queries;

    @Inject
    Clock clock;

    /** The contact passed to the lead worker of the child's open case, who is told at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Effect passToLeadWorker(CareCase open, TriageItem item, Actor actor) {
        Instant now = Instants.now(clock);
        CaseChild.join(open.id, item, now);
        HistoryEntry.add(open.id, now, actor, "CONTACT_PASSED", "Contact " + item.referralId + " (triage item "
                + item.id + ") screened and passed to the lead worker");
        List<String> warnings = new ArrayList<>();
        if (open.leadWorker == null) {
            warnings.add("Case " + open.id + " has no lead worker yet: it awaits a team manager's allocation");
        } else {
            StaffAlert.add(open.leadWorker, now, StaffAlert.Kind.CONTACT_PASSED, open.id, item.id, item.referralId,
                    "The MASH passed you a screened contact about a child of case " + open.id + " (triage item "
                            + item.id + ")");
        }
        return new Effect(open, EffectKind.PASSED, open.leadWorker, null, warnings);
    }

    /**
     * Early help and social care decisions: joins the child's open case, steps an early help case up for a social
     * care outcome, or opens a case. A case nobody has room for waits for allocation; only a bad lead worker id adds
     * to {@code errors}. Two decisions about one child at once are taken one after the other, so they never open
     * two cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Effect openJoinOrStep(TriageItem item, Actor actor, List<FieldError> errors) {
        // by the root record: a case follows its child's merges
        queries.lockChild(item.childKey);
        Instant now = Instants.now(clock);
        Pathway pathway = item.outcome.pathway();
        CareCase open = CareCase.openFor(item.childKey).orElse(null);
        if (open != null && open.pathway == Pathway.EARLY_HELP && pathway == Pathway.SOCIAL_CARE) {
            return stepUp(open, item, actor, errors, now);
        }
        if (open != null) {
            return join(open, item, actor, now);
        }
        return open(item, pathway, actor, errors, now);
    }

    /** The events of what a decision did: a new case, a step up (with any new lead worker). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Effect effect) {
        switch (effect.kind()) {
            case OPENED -> events.opened(effect.careCase());
            case STEPPED_UP -> events.stepped(effect.careCase(), effect.step(), effect.previousLeadWorker());
            default -> {
                // joined or passed: the case is unchanged, its lead worker was told
            }
        }
    }

    private Effect stepUp(CareCase open, TriageItem item, Actor actor, List<FieldError> errors, Instant now) {
        CaseChild.join(open.id, item, now);
        String previous = open.leadWorker;
        // the decision's feedback to the referrer is what partners are told of the step; its rationale is not
        CaseStep step = changes.applyStep(open, new CaseChanges.Step(StepDirection.UP, Pathway.SOCIAL_CARE,
                item.rationale, item.referrerFeedback, null, item.requestedLeadWorker, item.allocationOverrideReason),
                actor, false, errors, now);
        if (step == null) {
            return null;
        }
        return new Effect(open, EffectKind.STEPPED_UP, previous, step, allocation.warnings(open));
    }

    private Effect join(CareCase open, TriageItem item, Actor actor, Instant now) {
        List<String> warnings = new ArrayList<>();
        if (open.pathway != item.outcome.pathway()) {
            warnings.add("The child's open case " + open.id + " is " + open.pathway + ": a team manager steps it"
                    + " down or across once the panel agrees");
        }
        if (item.requestedLeadWorker != null && !item.requestedLeadWorker.equals(open.leadWorker)) {
            warnings.add("The child's open case stays with its lead worker " + open.leadWorker
                    + "; a team manager may reallocate the case");
        }
        CaseChild.join(open.id, item, now);
        HistoryEntry.add(open.id, now, actor, "CHILD_JOINED", "Triage item " + item.id + " of contact "
                + item.referralId + " joined the case");
        StaffAlert.add(open.leadWorker, now, StaffAlert.Kind.CONTACT_PASSED, open.id, item.id, item.referralId,
                "A decision on a new contact joined case " + open.id + " (triage item " + item.id + ")");
        return new Effect(open, EffectKind.JOINED, open.leadWorker, null, warnings);
    }

    private Effect open(TriageItem item, Pathway pathway, Actor actor, List<FieldError> errors, Instant now) {
        Caseloads.Allocation lead = caseloads.allocateOrQueue(pathway, item.requestedLeadWorker,
                item.allocationOverrideReason, actor, "leadWorker", errors);
        if (lead == null) {
            return null;
        }
        CareCase c = CareCase.open(item.referralId, record(item), item.childKey, pathway, item.immediateRisk, actor,
                now);
        allocation.place(c, lead, now);
        c.persist();
        CaseChild.join(c.id, item, now);
        HistoryEntry.add(c.id, now, actor, "OPENED", pathway + " case from triage item " + item.id);
        allocation.record(c, lead, null, actor, now);
        return new Effect(c, EffectKind.OPENED, null, null, new ArrayList<>(lead.warnings()));
    }

    /** The contact's record: the referral service's known child, else the contact's child. */
    private static java.util.UUID record(TriageItem item) {
        return item.knownChildId != null ? item.knownChildId : item.childId;
    }
}
