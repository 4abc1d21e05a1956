package org.frontdoor.triage.statutory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.frontdoor.returns.CensusAssessment;
import org.frontdoor.returns.CensusChild;
import org.frontdoor.returns.CensusEpisode;
import org.frontdoor.returns.CinPlan;
import org.frontdoor.returns.ProtectionPlan;
import org.frontdoor.returns.Section47;
import org.frontdoor.triage.statutory.CensusQueries.AssessmentRow;
import org.frontdoor.triage.statutory.CensusQueries.EnquiryRow;
import org.frontdoor.triage.statutory.CensusQueries.EpisodeRow;
import org.frontdoor.triage.statutory.CensusQueries.PlanEventRow;
import org.frontdoor.triage.statutory.CensusQueries.PlanRows;

/**
 * The census's children of a collection year [start, end], made from the rows {@link CensusQueries} reads: each
 * referral an episode (closed by its case, or by a step down or across to early help; nothing after the year's end
 * counts), with its assessments, CIN plans, enquiries and protection plans (with their reviews, and the latest category
 * of abuse from the latest change of category). Plain Java: no database.
 */
final class CensusChildren {

    private final LocalDate start;
    private final LocalDate end;
    private final Map<UUID, List<CensusAssessment>> assessments = new HashMap<>();
    private final Map<UUID, List<EnquiryRow>> enquiries = new HashMap<>();
    private final Map<UUID, List<CinPlan>> cinPlans = new HashMap<>();
    /** By enquiry: its plan's review dates, and its changes of category, earliest first. */
    private final Map<UUID, List<LocalDate>> reviews = new HashMap<>();
    private final Map<UUID, List<PlanEventRow>> categoryChanges = new HashMap<>();
    /** Every child protection plan a child has had, to count the earlier ones (NumberOfPreviousCPP). */
    private final Map<UUID, List<LocalDate>> plansOf = new HashMap<>();

    CensusChildren(LocalDate start, LocalDate end, List<AssessmentRow> assessmentRows, List<EnquiryRow> enquiryRows,
            PlanRows plans) {
        this.start = start;
        this.end = end;
        plans.cinPlans().forEach(p -> cinPlans.computeIfAbsent(p.itemId(), k -> new ArrayList<>()).add(new CinPlan(
                p.startedOn(), p.endedOn() != null && !p.endedOn().isAfter(end) ? p.endedOn() : null)));
        plans.reviews().forEach(r -> reviews.computeIfAbsent(r.enquiryId(), k -> new ArrayList<>()).add(r.on()));
        plans.categoryChanges().forEach(c -> categoryChanges.computeIfAbsent(c.enquiryId(), k -> new ArrayList<>())
                .add(c));
        assessmentRows.forEach(a -> assessments.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(assessment(a)));
        for (EnquiryRow e : enquiryRows) {
            enquiries.computeIfAbsent(e.itemId(), k -> new ArrayList<>()).add(e);
            if (e.planStartedOn() != null) {
                plansOf.computeIfAbsent(e.childKey(), k -> new ArrayList<>()).add(e.planStartedOn());
            }
        }
    }

    /** Each child's episodes, by child key, in the order of the episode rows. */
    Map<UUID, List<CensusEpisode>> episodes(List<EpisodeRow> rows) {
        Map<UUID, List<CensusEpisode>> episodesOf = new LinkedHashMap<>();
        for (EpisodeRow r : rows) {
            episode(r).ifPresent(e -> episodesOf.computeIfAbsent(r.childKey(), k -> new ArrayList<>()).add(e));
        }
        return episodesOf;
    }

    /**
     * The census children: those of {@code known} with an episode, by LAchildID; {@code keys} gets each LAchildID's
     * child key.
     */
    static List<CensusChild> children(Map<UUID, List<CensusEpisode>> episodesOf, List<ChildCharacteristics> known,
            Map<String, UUID> keys) {
        Map<UUID, ChildCharacteristics> byKey = new HashMap<>();
        known.forEach(c -> byKey.put(c.childKey, c));
        List<CensusChild> children = new ArrayList<>();
        for (Map.Entry<UUID, List<CensusEpisode>> e : episodesOf.entrySet()) {
            ChildCharacteristics c = byKey.get(e.getKey());
            if (c == null) {
                continue; // cannot happen: intake and V5 give every child a record
            }
            List<CensusEpisode> episodes = e.getValue();
            episodes.sort(Comparator.comparing(CensusEpisode::referralDate));
            keys.put(c.laChildId, c.childKey);
            children.add(child(c, episodes));
        }
        children.sort(Comparator.comparing(CensusChild::laChildId));
        return children;
    }

    private static CensusChild child(ChildCharacteristics c, List<CensusEpisode> episodes) {
        return new CensusChild(c.laChildId, c.upn, c.formerUpn,
                c.upnUnknown == null ? null : UpnUnknownReason.fromCode(c.upnUnknown).orElse(null), c.birthDate,
                c.expectedBirthDate, c.sex == null ? null : CensusSex.fromCode(c.sex).orElse(null), c.deathDate,
                c.ethnicity == null ? null : Ethnicity.fromCode(c.ethnicity).orElse(null),
                c.disabilities.stream().map(Disability::fromCode).flatMap(Optional::stream).toList(), episodes);
    }

    private CensusAssessment assessment(AssessmentRow a) {
        boolean done = a.authorisedOn() != null && !a.authorisedOn().isAfter(end);
        List<AssessmentFactor> factors = done ? a.factors().stream().map(AssessmentFactor::fromCode)
                .flatMap(Optional::stream).toList() : List.of();
        return new CensusAssessment(a.startedOn(), done ? a.authorisedOn() : null, factors);
    }

    /** The referral's episode, or none if it was over before the year began. */
    private Optional<CensusEpisode> episode(EpisodeRow r) {
        List<CensusAssessment> as = assessments.getOrDefault(r.itemId(), List.of());
        List<EnquiryRow> es = enquiries.getOrDefault(r.itemId(), List.of());
        List<CinPlan> cins = cinPlans.getOrDefault(r.itemId(), List.of());
        Closure closure = closure(r, !as.isEmpty() && es.isEmpty() && cins.isEmpty());
        if (closure.on() != null && closure.on().isBefore(start) && r.referralDate().isBefore(start)) {
            return Optional.empty();
        }
        List<Section47> s47s = new ArrayList<>();
        List<ProtectionPlan> plans = new ArrayList<>();
        for (EnquiryRow e : es) {
            boolean held = e.icpcOn() != null && !e.icpcOn().isAfter(end);
            s47s.add(new Section47(e.startedOn(), e.icpcDueOn(), held ? e.icpcOn() : null, e.icpcNotRequired()));
            plan(e).ifPresent(plans::add);
        }
        boolean nfa = closure.on() != null && as.isEmpty() && es.isEmpty() && cins.isEmpty();
        return Optional.of(new CensusEpisode(r.referralDate(), ReferralSource.fromCode(r.sourceCode()).orElse(null),
                PrimaryNeed.fromCode(r.primaryNeedCode()).orElse(null), closure.on(), closure.reason(), null, as,
                cins, s47s, nfa, plans));
    }

    private record Closure(LocalDate on, ClosureReason reason) {
    }

    /** When and why the episode closed by the year's end, if it did. */
    private Closure closure(EpisodeRow r, boolean assessedOnly) {
        LocalDate closedOn = "CLOSED".equals(r.caseStatus()) ? r.caseClosedOn() : null;
        ClosureReason reason = closedOn == null ? null : ClosureReason.fromCode(r.closureReasonCode()).orElse(null);
        LocalDate steppedDown = r.steppedDownOn();
        if (steppedDown != null && (closedOn == null || steppedDown.isBefore(closedOn))) {
            // stepped down or across to early help: the child in need episode ends there
            closedOn = steppedDown;
            reason = ClosureReason.fromCode(assessedOnly ? "RC9" : "RC7").orElseThrow();
        }
        if (closedOn != null && closedOn.isAfter(end)) {
            return new Closure(null, null);
        }
        return new Closure(closedOn, reason);
    }

    /** The protection plan the enquiry's conference made, if it started by the year's end. */
    private Optional<ProtectionPlan> plan(EnquiryRow e) {
        LocalDate planStart = e.planStartedOn();
        if (planStart == null || planStart.isAfter(end)) {
            return Optional.empty();
        }
        LocalDate planEnd = e.planEndedOn();
        CategoryOfAbuse category = CategoryOfAbuse.fromCode(e.planCategory()).orElse(null);
        int previous = (int) plansOf.getOrDefault(e.childKey(), List.of()).stream()
                .filter(p -> p.isBefore(planStart)).count();
        LocalDate ended = planEnd != null && !planEnd.isAfter(end) ? planEnd : null;
        // the category at the plan's end, or at the year's end while it goes on
        LocalDate asOf = ended != null ? ended : end;
        CategoryOfAbuse latest = categoryChanges.getOrDefault(e.id(), List.of()).stream()
                .filter(c -> !c.on().isAfter(asOf)).reduce((a, b) -> b)
                .flatMap(c -> CategoryOfAbuse.fromCode(c.category())).orElse(category);
        return Optional.of(new ProtectionPlan(planStart, ended, category, latest, previous,
                reviews.getOrDefault(e.id(), List.of()).stream().filter(d -> !d.isAfter(asOf)).toList()));
    }
}
