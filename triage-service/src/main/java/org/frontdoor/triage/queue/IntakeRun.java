package org.frontdoor.triage.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.triage.screening.ThresholdRules;
import org.frontdoor.triage.staff.StaffAlert;

/**
 * What a run of received contacts writes, child by child in the run's order: the item, its history (and the open
 * case's), the lead worker's alert, the audit entry, the {@code triage.queued} event and the child's characteristics.
 */
record IntakeRun(List<IntakeQueries.Item> items, List<IntakeQueries.History> history,
        List<IntakeQueries.Alert> alerts, List<IntakeQueries.Audit> audits, List<EventEnvelope> events,
        List<IntakeQueries.Seed> seeds) {

    /** A child of a contact, with the contact's suggestion and the child's record's root ({@code childKey}). */
    record Child(ReferralReceived referral, ReferralReceived.Child child, List<String> indicators,
            ThresholdRules.Suggestion suggestion, UUID childKey) {

        /** The case intake named (it knew of it then), else the child's open case by its record. */
        IntakeQueries.CaseProbe caseProbe() {
            ReferralReceived.PriorInvolvement prior = child.priorInvolvement();
            return new IntakeQueries.CaseProbe(prior == null ? null : prior.openCaseId(), childKey);
        }
    }

    /** The rows for {@code children}, with the open case each has by its place in the list (none: absent). */
    static IntakeRun of(List<Child> children, Map<Integer, IntakeQueries.OpenCase> open, Deadlines deadlines,
            Instant now) {
        IntakeRun run = new IntakeRun(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < children.size(); i++) {
            run.add(children.get(i), open.get(i), deadlines, now);
        }
        return run;
    }

    private void add(Child c, IntakeQueries.OpenCase open, Deadlines deadlines, Instant now) {
        IntakeQueries.Item item = item(c, open, deadlines, now);
        items.add(item);
        history.add(new IntakeQueries.History(item.id(), now, TriageIntake.SYSTEM, "RECEIVED", cut("Queued "
                + item.priority() + ", suggested level " + item.suggestedLevel() + ", due " + item.deadline()
                + (open == null ? "" : "; the child has open " + open.pathway() + " case " + open.id()), 1000)));
        if (open != null) {
            // the lead worker hears at once; the contact is screened like any other all the same
            history.add(new IntakeQueries.History(open.id(), now, TriageIntake.SYSTEM, "CONTACT_RECEIVED",
                    cut("New contact " + item.referralId() + " about a child of this case: triage item " + item.id()
                            + ", " + item.priority(), 1000)));
            if (open.leadWorker() != null) {
                alerts.add(new IntakeQueries.Alert(open.leadWorker(), now,
                        StaffAlert.Kind.CONTACT_ABOUT_OPEN_CASE.name(), open.id(), item.id(), item.referralId(),
                        cut("New " + item.priority() + " contact about a child of case " + open.id()
                                + (item.immediateRisk() ? " (immediate risk)" : "")
                                + ": in the MASH queue for screening", 500)));
            }
        }
        events.add(EventEnvelope.of(EventType.TRIAGE_QUEUED, item.referralId(),
                new TriageQueued(item.referralId(), item.childId(), item.id(), item.priority(), item.deadline(),
                        false, now, item.openCaseId(), item.openCasePathway())));
        audits.add(new IntakeQueries.Audit("triage-item.created", item.referralId(), cut("item " + item.id()
                + ", priority " + item.priority() + (open == null ? "" : ", open case " + open.id()), 8000)));
        seeds.add(seed(c, now));
    }

    /**
     * The child's item, NEW in the queue: the rules' suggestion, the open case as triage knows it now, and the
     * priority they give, due by the deadline it sets from the contact's receipt.
     */
    private static IntakeQueries.Item item(Child c, IntakeQueries.OpenCase open, Deadlines deadlines, Instant now) {
        ReferralReceived referral = c.referral();
        ReferralReceived.Child child = c.child();
        boolean immediateRisk = referral.concerns().immediateRisk();
        Priority priority = Priority.of(c.suggestion().level(), immediateRisk, open == null ? null : open.pathway());
        ReferralReceived.PriorInvolvement prior = child.priorInvolvement();
        return new IntakeQueries.Item(UUID.randomUUID(), referral.referralId(), child.childId(), child.knownChildId(),
                c.childKey(), child.position(), referral.receivedAt(), now, List.copyOf(c.indicators()),
                immediateRisk, c.suggestion().level(), c.suggestion().reasons(), priority.name(),
                deadlines.deadline(referral.receivedAt(), priority),
                prior == null ? 0 : prior.referralsInLast12Months(), prior != null && prior.reReferral(),
                prior == null ? null : prior.sameDayFirstReferralId(), open == null ? null : open.id(),
                open == null ? null : open.leadWorker(), open == null ? null : open.pathway().name());
    }

    /** The child's census characteristics as this contact seeds them (an unborn child's sex: U). */
    private static IntakeQueries.Seed seed(Child c, Instant now) {
        LocalDate born = c.child().dateOfBirth();
        LocalDate expected = born == null ? c.child().expectedDateOfBirth() : null;
        String sex = born == null && expected != null ? "U" : sexOf(c.child().gender());
        return new IntakeQueries.Seed(c.childKey(), sex, born, expected, now);
    }

    /** The referrer's gender (F, M, X, U) as the census records sex: M, F, else U. */
    static String sexOf(String gender) {
        return "F".equals(gender) || "M".equals(gender) ? gender : "U";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
