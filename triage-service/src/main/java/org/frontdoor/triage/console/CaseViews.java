package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;
import static org.frontdoor.triage.console.ConsoleWords.name;
import static org.frontdoor.triage.console.ConsoleWords.pathway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseChangeRequest;
import org.frontdoor.triage.cases.CaseChild;
import org.frontdoor.triage.cases.CaseResults;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;

/** What the case pages show: my cases, one case with its steps and history, and the closes and steps that wait. */
@ApplicationScoped
public class CaseViews {

    public record CaseRow(UUID id, String pathway, String children, String opened) {
    }

    /** A child the case is about, with the way to their page and (itemId: their referral) to its statutory work. */
    public record ChildLink(UUID childKey, String name, UUID itemId) {
    }

    public record Step(String when, String direction, String to, String summary, String by) {
    }

    /** {@code pending}: a close or step waiting for a second manager, described; null when none. */
    public record CaseScreen(UUID id, long version, String title, String pathway, String status, boolean open,
            String leadWorker, String opened, String children, List<Step> steps, List<String> partners,
            List<Choice> closureReasons, List<String> history, String pending, List<ChildLink> childLinks,
            List<String> contacts) {

        public boolean hasPending() {
            return pending != null;
        }
    }

    /** A case's close or step waiting for a second manager, in the approvals page. */
    public record CaseChangeRow(UUID caseId, String children, String what, String askedBy, String at) {
    }

    @Transactional
    public List<CaseChangeRow> caseChanges(List<CaseChangeRequest> requests) {
        return requests.stream().map(r -> new CaseChangeRow(r.caseId, childrenOf(r.caseId), describe(r),
                r.requestedBy, WHEN.format(r.requestedAt))).toList();
    }

    public List<CaseRow> caseRows(List<CareCase> cases) {
        return cases.stream().map(c -> new CaseRow(c.id, pathway(c.pathway), childrenOf(c.id),
                WHEN.format(c.openedAt))).toList();
    }

    @Transactional
    public CaseScreen caseScreen(CaseResults.Details d) {
        CareCase c = d.careCase();
        boolean open = c.status == CareCase.Status.OPEN;
        String children = childrenOf(c.id);
        return new CaseScreen(c.id, c.version, pathway(c.pathway) + " case: " + children, pathway(c.pathway),
                open ? "Open" : "Closed " + WHEN.format(c.closedAt) + ": " + closureReason(c.closureReasonCode), open,
                c.leadWorker == null ? "awaiting allocation" : c.leadWorker, WHEN.format(c.openedAt), children,
                d.steps().stream().map(s -> new Step(WHEN.format(s.steppedAt), s.direction.name().toLowerCase(Locale.UK),
                        pathway(s.toPathway), s.partnerSummary == null ? "" : s.partnerSummary, s.steppedBy)).toList(),
                d.partnerAgencies(), closureReasons(), HistoryWords.of(d.history()), pending(d.pendingChange()),
                childLinks(c.id), contacts(c.id));
    }

    /** The references of the contacts that brought the case's children, in the order they came. */
    private static List<String> contacts(UUID caseId) {
        return CaseChild.ofCase(caseId).stream().map(cc -> cc.referralId).distinct()
                .map(id -> TriageReferral.<TriageReferral>findById(id))
                .filter(r -> r != null && r.reference != null).map(r -> r.reference).toList();
    }

    /** The census's reason in its words ("Case closed after assessment, no further action"), never its code. */
    static String closureReason(String code) {
        return ClosureReason.fromCode(code).map(ClosureReason::label).orElse(code);
    }

    private static List<Choice> closureReasons() {
        return Arrays.stream(ClosureReason.values()).map(r -> new Choice(r.code(), r.code() + ": " + r.label(), ""))
                .toList();
    }

    private static String pending(CaseChangeRequest p) {
        return p == null ? null : describe(p) + ". Asked by " + p.requestedBy + " on " + WHEN.format(p.requestedAt)
                + "; it waits for another team manager's approval (the case was opened from an"
                + " immediate-risk contact within the last 10 working days).";
    }

    private static String describe(CaseChangeRequest r) {
        return r.kind == CaseChangeRequest.Kind.CLOSE
                ? "Close (" + r.reasonCode + "): " + r.summary
                : "Step " + r.direction.toLowerCase(Locale.UK) + " to " + pathway(r.toPathway) + ": " + r.rationale;
    }

    /** The names of a case's children, from the contacts that brought them. */
    private static String childrenOf(UUID caseId) {
        return String.join(", ", childLinks(caseId).stream().map(ChildLink::name).toList());
    }

    /** A case's children, named by the contacts that brought them, each with their record's key now. */
    private static List<ChildLink> childLinks(UUID caseId) {
        List<ChildLink> children = new ArrayList<>();
        for (CaseChild cc : CaseChild.ofCase(caseId)) {
            TriageReferral r = cc.referralId == null ? null : TriageReferral.findById(cc.referralId);
            TriageItem item = cc.triageItemId == null ? null : TriageItem.findById(cc.triageItemId);
            if (r != null) {
                r.content().children().stream().filter(ch -> ch.childId().equals(cc.key.childId())).findFirst()
                        .ifPresent(ch -> children.add(new ChildLink(item == null ? null : item.childKey, name(ch),
                                item != null && item.becameReferral ? item.id : null)));
            }
        }
        return children;
    }
}
