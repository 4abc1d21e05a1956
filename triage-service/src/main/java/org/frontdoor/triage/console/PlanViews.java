package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.DAY;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.cases.CaseChild;
import org.frontdoor.triage.cases.CaseReads;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.statutory.ChildInNeedPlan;
import org.frontdoor.triage.statutory.PlanService;
import org.frontdoor.triage.statutory.PlanService.ProtectionPlanDetails;
import org.frontdoor.triage.statutory.Section47Enquiry;

/** What the plan pages show: a case's referrals and their plans, one referral's CIN plans, one protection plan. */
@ApplicationScoped
public class PlanViews {

    /** A child protection plan of a referral, with the way to its page. */
    public record ProtectionLink(UUID enquiryId, String words) {
    }

    public record ReferralPlans(UUID itemId, String child, String referred, List<String> cinPlans,
            List<ProtectionLink> protectionPlans) {
    }

    public record CasePlans(UUID caseId, String title, List<ReferralPlans> referrals) {
    }

    public record CinRow(UUID id, long version, String started, String ended, boolean open) {
    }

    /** {@code open}: the plan going on, which the page offers to end; null when none (then one may start). */
    public record CinPlans(UUID itemId, UUID caseId, String title, String referred, List<CinRow> plans, CinRow open) {

        public boolean hasOpen() {
            return open != null;
        }
    }

    public record Protection(UUID enquiryId, UUID caseId, String title, String started, String ended,
            String initialCategory, String latestCategory, List<String> reviews, List<String> changes,
            List<Choice> categories, boolean going) {
    }

    @Inject
    CaseReads caseReads;

    @Inject
    PlanService plans;

    /** The case's referrals (each child's), with their CIN plans and protection plans. */
    @Transactional
    public CasePlans casePlans(UUID caseId) {
        caseReads.view(caseId); // not found, or not to be read: refused as the case's page is
        List<ReferralPlans> referrals = new ArrayList<>();
        for (CaseChild cc : CaseChild.ofCase(caseId)) {
            TriageItem item = cc.triageItemId == null ? null : TriageItem.findById(cc.triageItemId);
            if (item == null || !item.becameReferral || item.referralDate == null) {
                continue;
            }
            referrals.add(new ReferralPlans(item.id, childOf(item), day(item.referralDate),
                    ChildInNeedPlan.ofItem(item.id).stream().map(p -> period(p.startedOn, p.endedOn)).toList(),
                    Section47Enquiry.ofItem(item.id).stream().filter(e -> e.planStartedOn != null)
                            .map(e -> new ProtectionLink(e.id, "Child protection plan " + period(e.planStartedOn,
                                    e.planEndedOn))).toList()));
        }
        return new CasePlans(caseId, "Plans: " + String.join(", ", referrals.stream().map(ReferralPlans::child)
                .distinct().toList()), referrals);
    }

    /** One referral's CIN plans, read as the API reads them (audited). */
    @Transactional
    public CinPlans cinPlans(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        if (item == null || !item.becameReferral) {
            throw DomainException.notFound("Referral " + itemId);
        }
        List<CinRow> rows = plans.cinPlans(itemId).stream().map(p -> new CinRow(p.id, p.version, day(p.startedOn),
                p.endedOn == null ? "going on" : day(p.endedOn), p.endedOn == null)).toList();
        return new CinPlans(item.id, item.caseId, "CIN plans: " + childOf(item), day(item.referralDate), rows,
                rows.stream().filter(CinRow::open).findFirst().orElse(null));
    }

    /** One child protection plan, read as the API reads it (audited). */
    @Transactional
    public Protection protection(UUID enquiryId) {
        ProtectionPlanDetails d = plans.protectionPlan(enquiryId);
        Section47Enquiry e = d.enquiry();
        TriageItem item = TriageItem.findById(e.triageItemId);
        return new Protection(e.id, item.caseId, "Child protection plan: " + childOf(item), day(e.planStartedOn),
                e.planEndedOn == null ? "going on" : day(e.planEndedOn), category(e.planCategory),
                category(d.latestCategory()), d.reviews().stream().map(r -> day(r.reviewedOn)).toList(),
                d.changes().stream().map(c -> "From " + day(c.changedOn) + ": " + category(c.category)).toList(),
                Arrays.stream(CategoryOfAbuse.values()).map(c -> new Choice(c.code(), c.label(), "")).toList(),
                e.planEndedOn == null);
    }

    private static String childOf(TriageItem item) {
        TriageReferral r = TriageReferral.findById(item.referralId);
        return r == null ? "a child" : r.content().children().stream().filter(ch -> ch.childId().equals(item.childId))
                .findFirst().map(ConsoleWords::name).orElse("a child");
    }

    private static String category(String code) {
        return CategoryOfAbuse.fromCode(code).map(CategoryOfAbuse::label).orElse("not recorded");
    }

    private static String period(LocalDate start, LocalDate end) {
        return "from " + day(start) + (end == null ? ", going on" : " to " + day(end));
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }
}
