package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.returns.AnnexA;
import org.frontdoor.returns.AnnexAChild;
import org.frontdoor.returns.AnnexAGender;
import org.frontdoor.returns.AnnexAList;
import org.frontdoor.returns.AnnexARows;
import org.frontdoor.returns.CensusChild;
import org.frontdoor.returns.CensusHeader;
import org.frontdoor.returns.CensusPartition;
import org.frontdoor.returns.CinCensusValidator;
import org.frontdoor.returns.CinCensusWriter;
import org.frontdoor.returns.SchemaError;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.statutory.AnnexAQueries.ChildRow;

/**
 * The statutory returns straight from the live data: the DfE Children in Need census for a collection year and
 * Ofsted's Annex A lists 1-5 for a window (returns.md). The set-based reads ({@link CensusQueries},
 * {@link AnnexAQueries}) build the returns' own model ({@code org.frontdoor.returns}, module statutory-returns); the census is checked
 * against the DfE's rules and its schema before it is offered, and a child who breaks a rule is listed with the
 * rule instead of going into the file. Each return made is audited as a bulk read.
 */
@ApplicationScoped
public class StatutoryReturns {

    @Inject
    CensusQueries censusQueries;

    @Inject
    AnnexAQueries annexAQueries;

    @Inject
    ReturnsMadeQueries made;

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
     * A census offered with no child to put in it has no file ({@link #offerable()}): the DfE's schema needs one.
     *
     * @param childKeys each LAchildID's child, so a failure can be fixed through the child's record
     */
    public record Census(CensusHeader header, byte[] xml, CensusPartition checked, List<SchemaError> schemaErrors,
            Map<String, UUID> childKeys) {

        public boolean offerable() {
            return xml != null;
        }

        /** Why there is no file: no child in the year, or every one left out for an error. */
        public String whyNoFile() {
            String period = header.periodStart() + " to " + header.referenceDate();
            String why = checked.rejected().isEmpty()
                    ? "no child had a referral or an open child in need episode from " + period
                    : "every child of " + period + " (" + checked.rejected().size() + ") is left out for an error";
            return "no census file for " + header.year() + ": " + why;
        }
    }

    /**
     * The census of the collection year that ends on 31 March of {@code year} (2027: April 2026 to March 2027).
     *
     * @param offered the file is handed out (it gets the next serial number and is counted); false: only checked.
     *     Offered with no child to put in it, nothing is made nor recorded and the census has no file.
     */
    @Transactional
    public Census census(int year, boolean offered) {
        Actor actor = actors.staff();
        int serial = made.nextSerial("CIN_CENSUS", String.valueOf(year));
        CensusHeader header = new CensusHeader(year, config.returns().laCode(), config.returns().softwareCode(),
                "1.0", serial, Instant.now(clock));
        Map<String, UUID> keys = new HashMap<>();
        CinCensusValidator validator = new CinCensusValidator(calendar::workingDaysBetween);
        CensusPartition checked = validator.partition(header, censusChildren(header, keys));
        if (offered && checked.accepted().isEmpty()) {
            return new Census(header, null, checked, List.of(), keys);
        }
        byte[] xml = write(header, checked);
        List<SchemaError> schemaErrors;
        try {
            schemaErrors = validator.validateSchema(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (offered && schemaErrors.isEmpty()) {
            made.record("CIN_CENSUS", String.valueOf(year), header.generatedAt(), actor.id(),
                    checked.accepted().size(), checked.rejected().size());
        }
        audit.record(offered ? "returns.cin-census" : "returns.cin-census-checked", null, "year " + year + ": "
                + checked.accepted().size() + " children in the file, " + checked.rejected().size() + " left out"
                + (offered ? ", serial " + serial : ""));
        return new Census(header, xml, checked, schemaErrors, keys);
    }

    private static byte[] write(CensusHeader header, CensusPartition checked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(4096, checked.accepted().size() * 700));
        try {
            new CinCensusWriter().write(header, checked.accepted(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private List<CensusChild> censusChildren(CensusHeader header, Map<String, UUID> keys) {
        LocalDate start = header.periodStart();
        LocalDate end = header.referenceDate();
        CensusChildren census = new CensusChildren(start, end, censusQueries.assessments(end),
                censusQueries.enquiries(end), censusQueries.plans(end));
        var episodesOf = census.episodes(censusQueries.episodes(start, end));
        if (episodesOf.isEmpty()) {
            return List.of();
        }
        return CensusChildren.children(episodesOf, censusQueries.children(end), keys);
    }

    /** Annex A lists 1-5 for the window [from, to] (dates in England). */
    @Transactional
    public List<AnnexAList> annexA(LocalDate from, LocalDate to) {
        Actor actor = actors.staff();
        // lists 3 and 5 count each child's earlier referrals and enquiries of the 12 months before
        LocalDate countFrom = from.minusMonths(12);
        Map<String, AnnexAChild> children = new HashMap<>();
        String socialCare = config.returns().socialCareTeam();
        List<AnnexARows.Contact> contacts = annexAQueries.contacts(from, to).stream()
                .map(r -> new AnnexARows.Contact(child(r.child(), children), r.receivedOn(), source(r.sourceCode())))
                .toList();
        List<AnnexARows.EarlyHelp> earlyHelp = annexAQueries.earlyHelp(from, to).stream()
                .map(r -> new AnnexARows.EarlyHelp(child(r.child(), children), r.openedOn(),
                        r.closedOn() != null && !r.closedOn().isAfter(to) ? r.closedOn() : null,
                        config.returns().earlyHelpTeam()))
                .toList();
        List<AnnexARows.Referral> referrals = annexAQueries.referrals(countFrom, to).stream()
                .map(r -> new AnnexARows.Referral(child(r.child(), children), r.referralDate(), source(r.sourceCode()),
                        r.nfa(), socialCare, r.leadWorker()))
                .toList();
        List<AnnexARows.Assessment> assessments = annexAQueries.assessments(from, to).stream().map(r -> {
            boolean done = r.authorisedOn() != null && !r.authorisedOn().isAfter(to);
            return new AnnexARows.Assessment(child(r.child(), children), r.startedOn(), r.childSeen(),
                    done ? r.authorisedOn() : null, done ? r.requiresSupport() : null, socialCare, r.leadWorker());
        }).toList();
        List<AnnexARows.Enquiry> enquiries = annexAQueries.enquiries(countFrom, to).stream().map(r -> {
            boolean held = r.icpcOn() != null && !r.icpcOn().isAfter(to);
            return new AnnexARows.Enquiry(child(r.child(), children), r.strategyDiscussionOn(), r.icpcNotRequired(),
                    held ? r.icpcOn() : null, held ? Boolean.valueOf(r.planMade()) : null, socialCare, r.leadWorker());
        }).toList();
        List<AnnexAList> lists = new AnnexA(from, to).lists(contacts, earlyHelp, referrals, assessments, enquiries);
        made.record("ANNEX_A", from + ".." + to, Instant.now(clock), actor.id(), children.size(), 0);
        audit.record("returns.annex-a", null, from + " to " + to + ": " + contacts.size() + " contacts, "
                + referrals.size() + " referrals (with the 12 months before), " + children.size() + " children");
        return lists;
    }

    /** The child of an Annex A row, once per child. */
    private static AnnexAChild child(ChildRow r, Map<String, AnnexAChild> seen) {
        return seen.computeIfAbsent(r.laChildId(), id -> {
            Boolean disabled = r.disabilities().isEmpty() ? null : !r.disabilities().equals(List.of("NONE"));
            CensusSex sex = r.sex() == null ? null : CensusSex.fromCode(r.sex()).orElse(null);
            return new AnnexAChild(id, sex == null ? AnnexAGender.NOT_STATED : AnnexAGender.of(sex),
                    r.ethnicity() == null ? null : Ethnicity.fromCode(r.ethnicity()).orElse(null), r.birthDate(),
                    disabled);
        });
    }

    private static ReferralSource source(String code) {
        return ReferralSource.fromCode(code).orElse(null);
    }
}
