package org.frontdoor.triage.statutory;

import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
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
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.returns.AnnexA;
import org.frontdoor.returns.AnnexAChild;
import org.frontdoor.returns.AnnexAGender;
import org.frontdoor.returns.AnnexAList;
import org.frontdoor.returns.AnnexARows;
import org.frontdoor.returns.CensusAssessment;
import org.frontdoor.returns.CensusChild;
import org.frontdoor.returns.CensusEpisode;
import org.frontdoor.returns.CensusHeader;
import org.frontdoor.returns.CensusPartition;
import org.frontdoor.returns.CinCensusValidator;
import org.frontdoor.returns.CinCensusWriter;
import org.frontdoor.returns.ProtectionPlan;
import org.frontdoor.returns.SchemaError;
import org.frontdoor.returns.Section47;

/**
 * The statutory returns straight from the live data: the DfE Children in Need census for a collection year and
 * Ofsted's Annex A lists 1-5 for a window (returns.md). A handful of set-based reads build the returns' own model
 * ({@code org.frontdoor.returns, module statutory-returns}); the census is checked against the DfE's rules and its schema before it is
 * offered, and a child who breaks a rule is listed with the rule instead of going into the file. Each return made
 * is audited as a bulk read.
 */
@ApplicationScoped
public class StatutoryReturns {

    @Inject
    EntityManager em;

    @Inject
    TriageConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * A census as made: the file (only children without errors) and what was left out, per child, with the rule.
     *
     * @param childKeys each LAchildID's child, so a failure can be fixed through /api/v1/children/{key}
     */
    public record Census(CensusHeader header, byte[] xml, CensusPartition checked, List<SchemaError> schemaErrors,
            Map<String, UUID> childKeys) {
    }

    /**
     * A census file needs at least one child (the DfE schema's): a year with none, or whose every child is left out for
     * an error, is refused naming why, and where to look, rather than offering a file that cannot be sent.
     */
    private static ProblemException nothingToReturn(CensusHeader header, CensusPartition checked) {
        String period = header.periodStart() + " to " + header.referenceDate();
        String why = checked.rejected().isEmpty()
                ? "no child had a referral or an open child in need episode from " + period
                : "every child of " + period + " (" + checked.rejected().size() + ") is left out for an error; GET"
                        + " /api/v1/returns/cin-census/errors?year=" + header.year() + " lists them";
        return ProblemException.invalid("year", "no census file for " + header.year() + ": " + why);
    }

    /**
     * The census of the collection year that ends on 31 March of {@code year} (2027: April 2026 to March 2027).
     *
     * @param offered the file is handed out (it gets the next serial number and is counted); false: only checked
     */
    @Transactional
    public Census census(int year, boolean offered) {
        Actor actor = actors.staff();
        int serial = ((Number) em.createNativeQuery(
                "select count(*) + 1 from statutory_return where kind = 'CIN_CENSUS' and period = ?1")
                .setParameter(1, String.valueOf(year)).getSingleResult()).intValue();
        CensusHeader header = new CensusHeader(year, config.returns().laCode(), config.returns().softwareCode(),
                "1.0", serial, Instant.now(clock));
        Map<String, UUID> keys = new HashMap<>();
        List<CensusChild> children = censusChildren(header, keys);
        CinCensusValidator validator = new CinCensusValidator(calendar::workingDaysBetween);
        CensusPartition checked = validator.partition(header, children);
        if (offered && checked.accepted().isEmpty()) {
            throw nothingToReturn(header, checked);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(4096, checked.accepted().size() * 700));
        List<SchemaError> schemaErrors;
        try {
            new CinCensusWriter().write(header, checked.accepted(), out);
            schemaErrors = validator.validateSchema(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (offered && schemaErrors.isEmpty()) {
            recordMade("CIN_CENSUS", String.valueOf(year), header.generatedAt(), actor, checked.accepted().size(),
                    checked.rejected().size());
        }
        audit.record(offered ? "returns.cin-census" : "returns.cin-census-checked", null, "year " + year + ": "
                + checked.accepted().size() + " children in the file, " + checked.rejected().size() + " left out"
                + (offered ? ", serial " + serial : ""));
        return new Census(header, out.toByteArray(), checked, schemaErrors, keys);
    }

    /** The child's columns every Annex A list starts with, from child_characteristics k (columns 1-5). */
    private static final String CHILD = "k.la_child_id, k.sex, k.ethnicity, k.birth_date, k.disabilities";

    /** Annex A lists 1-5 for the window [from, to] (dates in England). */
    @Transactional
    public List<AnnexAList> annexA(LocalDate from, LocalDate to) {
        Actor actor = actors.staff();
        AnnexA annex = new AnnexA(from, to);
        // lists 3 and 5 count each child's earlier referrals and enquiries of the 12 months before
        LocalDate countFrom = from.minusMonths(12);
        Map<String, AnnexAChild> children = new HashMap<>();
        List<AnnexARows.Contact> contacts = new ArrayList<>();
        for (Object[] r : rows("select " + CHILD + """
                , (i.received_at at time zone 'Europe/London')::date, r.source_code
                from triage_item i join triage_referral r on r.referral_id = i.referral_id
                join child_characteristics k on k.child_key = i.child_key
                where (i.received_at at time zone 'Europe/London')::date between ?1 and ?2
                order by i.received_at, i.position""", from, to)) {
            contacts.add(new AnnexARows.Contact(child(r, children), NativeRows.date(r[5]), source((String) r[6])));
        }
        List<AnnexARows.EarlyHelp> earlyHelp = new ArrayList<>();
        for (Object[] r : rows("select " + CHILD + """
                , (c.opened_at at time zone 'Europe/London')::date, (c.closed_at at time zone 'Europe/London')::date
                from care_case c
                join (select distinct cc.case_id, i.child_key from case_child cc
                      join triage_item i on i.child_id = cc.child_id) m on m.case_id = c.id
                join child_characteristics k on k.child_key = m.child_key
                where c.pathway = 'EARLY_HELP' and (c.opened_at at time zone 'Europe/London')::date <= ?2
                  and (c.closed_at is null or (c.closed_at at time zone 'Europe/London')::date >= ?1)
                order by c.opened_at, k.la_child_id""", from, to)) {
            LocalDate closed = NativeRows.date(r[6]);
            earlyHelp.add(new AnnexARows.EarlyHelp(child(r, children), NativeRows.date(r[5]),
                    closed != null && !closed.isAfter(to) ? closed : null, config.returns().earlyHelpTeam()));
        }
        List<AnnexARows.Referral> referrals = new ArrayList<>();
        for (Object[] r : rows("select " + CHILD + """
                , i.referral_date, r.source_code, c.lead_worker,
                  coalesce(c.status = 'CLOSED', false)
                      and not exists (select 1 from assessment a where a.triage_item_id = i.id)
                      and not exists (select 1 from section47_enquiry e where e.triage_item_id = i.id)
                from triage_item i join triage_referral r on r.referral_id = i.referral_id
                join child_characteristics k on k.child_key = i.child_key
                left join care_case c on c.id = i.case_id
                where i.became_referral and i.referral_date between ?1 and ?2
                order by i.referral_date, i.received_at""", countFrom, to)) {
            referrals.add(new AnnexARows.Referral(child(r, children), NativeRows.date(r[5]), source((String) r[6]),
                    Boolean.TRUE.equals(r[8]), config.returns().socialCareTeam(), (String) r[7]));
        }
        List<AnnexARows.Assessment> assessments = new ArrayList<>();
        for (Object[] r : rows("select " + CHILD + """
                , a.started_on, a.child_seen, a.authorised_on, a.requires_support, c.lead_worker
                from assessment a join triage_item i on i.id = a.triage_item_id
                join child_characteristics k on k.child_key = i.child_key
                left join care_case c on c.id = i.case_id
                where a.started_on <= ?2 and (a.authorised_on is null or a.authorised_on >= ?1)
                order by a.started_on, a.recorded_at""", from, to)) {
            LocalDate authorised = NativeRows.date(r[7]);
            boolean done = authorised != null && !authorised.isAfter(to);
            assessments.add(new AnnexARows.Assessment(child(r, children), NativeRows.date(r[5]), (Boolean) r[6],
                    done ? authorised : null, done ? (Boolean) r[8] : null, config.returns().socialCareTeam(),
                    (String) r[9]));
        }
        List<AnnexARows.Enquiry> enquiries = new ArrayList<>();
        for (Object[] r : rows("select " + CHILD + """
                , e.strategy_discussion_on, e.icpc_not_required, e.icpc_on, e.plan_started_on is not null,
                  c.lead_worker
                from section47_enquiry e join triage_item i on i.id = e.triage_item_id
                join child_characteristics k on k.child_key = i.child_key
                left join care_case c on c.id = i.case_id
                where e.strategy_discussion_on between ?1 and ?2
                   or (e.strategy_discussion_on < ?1 and e.icpc_on is null and not e.icpc_not_required)
                order by e.strategy_discussion_on, e.recorded_at""", countFrom, to)) {
            LocalDate icpc = NativeRows.date(r[7]);
            boolean held = icpc != null && !icpc.isAfter(to);
            enquiries.add(new AnnexARows.Enquiry(child(r, children), NativeRows.date(r[5]), (Boolean) r[6],
                    held ? icpc : null, held ? (Boolean) r[8] : null, config.returns().socialCareTeam(),
                    (String) r[9]));
        }
        List<AnnexAList> lists = annex.lists(contacts, earlyHelp, referrals, assessments, enquiries);
        recordMade("ANNEX_A", from + ".." + to, Instant.now(clock), actor, children.size(), 0);
        audit.record("returns.annex-a", null, from + " to " + to + ": " + contacts.size() + " contacts, "
                + referrals.size() + " referrals (with the 12 months before), " + children.size() + " children");
        return lists;
    }

    /** The child of an Annex A row (its first five columns), once per child. */
    private static AnnexAChild child(Object[] r, Map<String, AnnexAChild> seen) {
        return seen.computeIfAbsent((String) r[0], id -> {
            List<String> disabilities = codes(r[4]);
            Boolean disabled = disabilities.isEmpty() ? null : !disabilities.equals(List.of("NONE"));
            // a varchar(1) column comes back as a Character
            CensusSex sex = r[1] == null ? null : CensusSex.fromCode(r[1].toString()).orElse(null);
            return new AnnexAChild(id, sex == null ? AnnexAGender.NOT_STATED : AnnexAGender.of(sex),
                    r[2] == null ? null : Ethnicity.fromCode((String) r[2]).orElse(null), NativeRows.date(r[3]), disabled);
        });
    }

    // --- the census, from the live data ---

    private List<CensusChild> censusChildren(CensusHeader header, Map<String, UUID> keys) {
        LocalDate start = header.periodStart();
        LocalDate end = header.referenceDate();
        // every referral up to the year's end whose episode may touch the year (its closure is worked out below)
        List<Object[]> episodeRows = rows("""
                select i.id, i.child_key, i.referral_date, r.source_code, i.primary_need_code, c.status,
                       (c.closed_at at time zone 'Europe/London')::date, c.closure_reason_code,
                       (select min((s.stepped_at at time zone 'Europe/London')::date) from case_step s
                        where s.case_id = c.id and s.direction in ('DOWN', 'ACROSS')
                          and (s.stepped_at at time zone 'Europe/London')::date >= i.referral_date)
                from triage_item i join triage_referral r on r.referral_id = i.referral_id
                left join care_case c on c.id = i.case_id
                where i.became_referral and i.referral_date <= ?2
                  and (i.referral_date >= ?1 or c.id is null or c.status = 'OPEN'
                       or (c.closed_at at time zone 'Europe/London')::date >= ?1)""", start, end);
        Map<UUID, List<CensusAssessment>> assessments = new HashMap<>();
        for (Object[] r : rows("""
                select a.triage_item_id, a.started_on, a.authorised_on, a.factors
                from assessment a join triage_item i on i.id = a.triage_item_id
                where i.became_referral and i.referral_date <= ?1 and a.started_on <= ?1
                order by a.started_on""", end)) {
            LocalDate authorised = NativeRows.date(r[2]);
            boolean done = authorised != null && !authorised.isAfter(end);
            List<AssessmentFactor> factors = done ? codes(r[3]).stream().map(AssessmentFactor::fromCode)
                    .flatMap(Optional::stream).toList() : List.of();
            assessments.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new CensusAssessment(NativeRows.date(r[1]), done ? authorised : null, factors));
        }
        Map<UUID, List<Object[]>> enquiries = new HashMap<>();
        for (Object[] r : rows("""
                select e.triage_item_id, e.started_on, e.icpc_due_on, e.icpc_on, e.icpc_not_required,
                       e.plan_started_on, e.plan_ended_on, e.plan_category, i.child_key
                from section47_enquiry e join triage_item i on i.id = e.triage_item_id
                where i.became_referral and i.referral_date <= ?1 and e.started_on <= ?1
                order by e.started_on""", end)) {
            enquiries.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r);
        }
        // every child protection plan a child has had, to count the earlier ones (NumberOfPreviousCPP)
        Map<UUID, List<LocalDate>> plansOf = new HashMap<>();
        enquiries.values().stream().flatMap(List::stream).filter(r -> r[5] != null)
                .forEach(r -> plansOf.computeIfAbsent((UUID) r[8], k -> new ArrayList<>()).add(NativeRows.date(r[5])));

        Map<UUID, List<CensusEpisode>> episodesOf = new LinkedHashMap<>();
        for (Object[] r : episodeRows) {
            UUID item = (UUID) r[0];
            LocalDate referralDate = NativeRows.date(r[2]);
            List<CensusAssessment> as = assessments.getOrDefault(item, List.of());
            List<Object[]> es = enquiries.getOrDefault(item, List.of());
            LocalDate closedOn = "CLOSED".equals(r[5]) ? NativeRows.date(r[6]) : null;
            LocalDate steppedDown = NativeRows.date(r[8]);
            ClosureReason reason = closedOn == null ? null : ClosureReason.fromCode((String) r[7]).orElse(null);
            if (steppedDown != null && (closedOn == null || steppedDown.isBefore(closedOn))) {
                // stepped down or across to early help: the child in need episode ends there
                closedOn = steppedDown;
                reason = !as.isEmpty() && es.isEmpty() ? ClosureReason.fromCode("RC9").orElseThrow()
                        : ClosureReason.fromCode("RC7").orElseThrow();
            }
            if (closedOn != null && closedOn.isAfter(end)) {
                closedOn = null;
                reason = null;
            }
            if (closedOn != null && closedOn.isBefore(start) && referralDate.isBefore(start)) {
                continue; // over before the year began
            }
            List<Section47> s47s = new ArrayList<>();
            List<ProtectionPlan> plans = new ArrayList<>();
            for (Object[] e : es) {
                LocalDate icpc = NativeRows.date(e[3]);
                boolean held = icpc != null && !icpc.isAfter(end);
                s47s.add(new Section47(NativeRows.date(e[1]), NativeRows.date(e[2]), held ? icpc : null, Boolean.TRUE.equals(e[4])));
                LocalDate planStart = NativeRows.date(e[5]);
                if (planStart != null && !planStart.isAfter(end)) {
                    LocalDate planEnd = NativeRows.date(e[6]);
                    CategoryOfAbuse category = CategoryOfAbuse.fromCode((String) e[7]).orElse(null);
                    int previous = (int) plansOf.getOrDefault((UUID) e[8], List.of()).stream()
                            .filter(p -> p.isBefore(planStart)).count();
                    plans.add(new ProtectionPlan(planStart, planEnd != null && !planEnd.isAfter(end) ? planEnd : null,
                            category, category, previous, List.of()));
                }
            }
            boolean nfa = closedOn != null && as.isEmpty() && es.isEmpty();
            episodesOf.computeIfAbsent((UUID) r[1], k -> new ArrayList<>()).add(new CensusEpisode(referralDate,
                    source((String) r[3]), PrimaryNeed.fromCode((String) r[4]).orElse(null), closedOn, reason, null,
                    as, List.of(), s47s, nfa, plans));
        }
        if (episodesOf.isEmpty()) {
            return List.of();
        }
        List<CensusChild> children = new ArrayList<>();
        // by a subquery, not a list of keys: a year's census may name more children than a statement takes parameters
        List<ChildCharacteristics> known = ChildCharacteristics.list("childKey in (select i.childKey from TriageItem i"
                + " where i.becameReferral = true and i.referralDate <= ?1)", end);
        Map<UUID, ChildCharacteristics> byKey = new HashMap<>();
        known.forEach(c -> byKey.put(c.childKey, c));
        for (Map.Entry<UUID, List<CensusEpisode>> e : episodesOf.entrySet()) {
            ChildCharacteristics c = byKey.get(e.getKey());
            if (c == null) {
                continue; // cannot happen: intake and V5 give every child a record
            }
            List<CensusEpisode> episodes = e.getValue();
            episodes.sort(Comparator.comparing(CensusEpisode::referralDate));
            keys.put(c.laChildId, c.childKey);
            children.add(new CensusChild(c.laChildId, c.upn, c.formerUpn,
                    c.upnUnknown == null ? null : UpnUnknownReason.fromCode(c.upnUnknown).orElse(null), c.birthDate,
                    c.expectedBirthDate, c.sex == null ? null : CensusSex.fromCode(c.sex).orElse(null), c.deathDate,
                    c.ethnicity == null ? null : Ethnicity.fromCode(c.ethnicity).orElse(null),
                    c.disabilities.stream().map(Disability::fromCode).flatMap(Optional::stream).toList(), episodes));
        }
        children.sort(Comparator.comparing(CensusChild::laChildId));
        return children;
    }

    // --- helpers ---

    /** A return made: which, for what period, by whom, how many children in it and left out. */
    private void recordMade(String kind, String period, Instant at, Actor actor, int children, int rejected) {
        em.createNativeQuery("insert into statutory_return (kind, period, made_at, made_by, children, rejected)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, kind).setParameter(2, period)
                .setParameter(3, at).setParameter(4, actor.id()).setParameter(5, children).setParameter(6, rejected)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    private static ReferralSource source(String code) {
        return ReferralSource.fromCode(code).orElse(null);
    }

    /** A jsonb array of codes, as Hibernate hands it to a native query (text, or already a list). */
    @SuppressWarnings("unchecked")
    private static List<String> codes(Object json) {
        if (json == null) {
            return List.of();
        }
        if (json instanceof List<?> list) {
            return (List<String>) list;
        }
        try {
            return org.frontdoor.events.EventJson.mapper().readValue(json.toString(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                    });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of codes", e);
        }
    }
}
