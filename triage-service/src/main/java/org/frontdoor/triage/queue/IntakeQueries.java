package org.frontdoor.triage.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.sql.SqlRow;
import org.frontdoor.triage.screening.SuggestionReason;

/**
 * Intake's set-based statements: a run of received contacts written in a few statements whatever its size (the
 * contacts, the open cases of their children, the children's characteristics, then the items with their history,
 * the lead workers' alerts and the audit entries in one statement). Rows go in as one JSON array each
 * ({@code jsonb_to_recordset}), which carries nulls and lists as they are; {@code n} keeps the run's order where ids
 * are drawn from a sequence.
 */
@ApplicationScoped
public class IntakeQueries {

    /** A contact as triage keeps it: what the worker reads on each child's item. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contact(UUID referralId, Instant receivedAt, String sourceCode, String referrerKind,
            String organisationId, String organisationName, String reference, boolean immediateRisk, String payload) {
    }

    /** The open case an item is to show: {@code openCaseId} the one intake named, else the child's by its record. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CaseProbe(UUID openCaseId, UUID childKey) {
    }

    /** An open case as intake reads it. */
    public record OpenCase(UUID id, String leadWorker, Pathway pathway) {
    }

    /** A child's census characteristics as a contact seeds them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Seed(UUID childKey, String sex, LocalDate birthDate, LocalDate expectedBirthDate, Instant at) {
    }

    /** A new item, NEW in the queue. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(UUID id, UUID referralId, UUID childId, UUID knownChildId, UUID childKey, int position,
            Instant receivedAt, Instant queuedAt, List<String> indicators, boolean immediateRisk, int suggestedLevel,
            List<SuggestionReason> suggestionReasons, String priority, Instant deadline, int priorReferrals,
            boolean reReferral, UUID sameDayFirstReferralId, UUID openCaseId, String openCaseWorker,
            String openCasePathway) {
    }

    /** A line of an item's or a case's history, written by the system. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record History(UUID subjectId, Instant at, String actor, String action, String detail) {
    }

    /** A lead worker's alert. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Alert(String staffId, Instant at, String kind, UUID caseId, UUID triageItemId, UUID referralId,
            String message) {
    }

    /** An audit entry, by whoever acts now. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Audit(String action, UUID referralId, String detail) {
    }

    /** The items, their history, the alerts and the audit entries, in that order of ids, as one statement. */
    private static final String QUEUED = """
            with items as (
                insert into triage_item (id, referral_id, child_id, known_child_id, child_key, position,
                    received_at, queued_at, indicators, immediate_risk, suggested_level, suggestion_reasons,
                    priority, deadline, status, to_allocated_worker, referrals_last_12_months, re_referral,
                    same_day_first_referral_id, open_case_id, open_case_worker, open_case_pathway,
                    became_referral, version)
                select id, referral_id, child_id, known_child_id, child_key, position, received_at, queued_at,
                    indicators, immediate_risk, suggested_level, suggestion_reasons, priority, deadline, 'NEW',
                    false, prior_referrals, re_referral, same_day_first_referral_id, open_case_id,
                    open_case_worker, open_case_pathway, false, 0
                from jsonb_to_recordset(cast(?1 as jsonb)) as x(id uuid, referral_id uuid, child_id uuid,
                    known_child_id uuid, child_key uuid, position int, received_at timestamptz,
                    queued_at timestamptz, indicators jsonb, immediate_risk boolean, suggested_level int,
                    suggestion_reasons jsonb, priority text, deadline timestamptz, prior_referrals int,
                    re_referral boolean, same_day_first_referral_id uuid, open_case_id uuid,
                    open_case_worker text, open_case_pathway text)),
            history as (
                insert into triage_history (subject_id, at, actor, action, detail)
                select subject_id, at, actor, action, detail
                from jsonb_to_recordset(cast(?2 as jsonb)) as x(n int, subject_id uuid, at timestamptz,
                    actor text, action text, detail text)
                order by n),
            alerts as (
                insert into staff_alert (staff_id, at, kind, case_id, triage_item_id, referral_id, message)
                select staff_id, at, kind, case_id, triage_item_id, referral_id, message
                from jsonb_to_recordset(cast(?3 as jsonb)) as x(n int, staff_id text, at timestamptz, kind text,
                    case_id uuid, triage_item_id uuid, referral_id uuid, message text)
                order by n)
            insert into audit_entry (actor, roles, organisation, action, referral_id, detail)
            select cast(?5 as text), cast(?6 as text), cast(?7 as text), action, referral_id, detail
            from jsonb_to_recordset(cast(?4 as jsonb)) as x(n int, action text, referral_id uuid, detail text)
            order by n""";

    @Inject
    EntityManager em;

    /** Records the contacts not recorded before (by id) and answers their ids; the others are left as they are. */
    public Set<UUID> insertContacts(List<Contact> contacts) {
        Set<UUID> inserted = new HashSet<>();
        for (SqlRow row : SqlRow.list(em, """
                with inserted as (
                    insert into triage_referral (referral_id, received_at, source_code, referrer_kind,
                        organisation_id, organisation_name, reference, immediate_risk, payload)
                    select referral_id, received_at, source_code, referrer_kind, organisation_id, organisation_name,
                        reference, immediate_risk, payload
                    from jsonb_to_recordset(cast(?1 as jsonb)) as x(referral_id uuid, received_at timestamptz,
                        source_code text, referrer_kind text, organisation_id text, organisation_name text,
                        reference text, immediate_risk boolean, payload text)
                    on conflict (referral_id) do nothing
                    returning referral_id)
                select referral_id from inserted""", json(contacts))) {
            inserted.add(row.uuid("referral_id"));
        }
        return inserted;
    }

    /**
     * The open case for each probe, by its index in {@code probes} (none: not in the map), in one statement: the
     * case intake named if it is still open (triage knows it now; the referral service's view may lag), else the
     * child's first opened open case.
     */
    public Map<Integer, OpenCase> openCases(List<CaseProbe> probes) {
        Map<Integer, OpenCase> open = new HashMap<>();
        for (SqlRow row : SqlRow.list(em, """
                select x.n, c.id, c.lead_worker, c.pathway
                from jsonb_to_recordset(cast(?1 as jsonb)) as x(n int, open_case_id uuid, child_key uuid)
                cross join lateral (
                    select id, lead_worker, pathway from (
                        (select id, lead_worker, pathway, 0 as rank, opened_at from care_case
                         where id = x.open_case_id and status = 'OPEN')
                        union all
                        (select id, lead_worker, pathway, 1 as rank, opened_at from care_case
                         where known_child_id = x.child_key and status = 'OPEN' order by opened_at limit 1)) found
                    order by rank limit 1) c""", json(numbered(probes)))) {
            open.put((int) row.count("n"), new OpenCase(row.uuid("id"), row.string("lead_worker"),
                    Pathway.valueOf(row.string("pathway"))));
        }
        return open;
    }

    /**
     * Seeds each child's characteristics: the first contact makes the record (with the next census LAchildID); a
     * later one only adds a date of birth to an unborn child's. Never overwrites what the MASH recorded. A child
     * at most once in {@code seeds} (one statement cannot change a row twice).
     */
    public void seed(List<Seed> seeds) {
        em.createNativeQuery("""
                insert into child_characteristics (child_key, la_child_id, sex, birth_date, expected_birth_date,
                    updated_at, updated_by)
                select child_key, 'FD' || lpad(nextval('la_child_number')::text, 10, '0'), sex, birth_date,
                    expected_birth_date, at, 'intake'
                from (select * from jsonb_to_recordset(cast(?1 as jsonb)) as x(n int, child_key uuid, sex text,
                    birth_date date, expected_birth_date date, at timestamptz) order by n) x
                on conflict (child_key) do update set birth_date = excluded.birth_date, expected_birth_date = null,
                    sex = case when child_characteristics.sex = 'U' then excluded.sex else child_characteristics.sex end,
                    updated_at = excluded.updated_at, updated_by = 'intake', version = child_characteristics.version + 1
                where child_characteristics.birth_date is null and excluded.birth_date is not null""")
                .setParameter(1, json(numbered(seeds))).executeUpdate();
    }

    /** The new items, their history, the lead workers' alerts and the audit entries, in one statement. */
    public void insertQueued(List<Item> items, List<History> history, List<Alert> alerts, List<Audit> audits,
            AuditLog.Who who) {
        em.createNativeQuery(QUEUED)
                .setParameter(1, json(items)).setParameter(2, json(numbered(history)))
                .setParameter(3, json(numbered(alerts))).setParameter(4, json(numbered(audits)))
                .setParameter(5, who.actor()).setParameter(6, who.roles()).setParameter(7, who.organisation())
                .executeUpdate();
    }

    /** Rows as JSON objects with their place in the list as {@code n} (ids drawn in that order). */
    private static List<ObjectNode> numbered(List<?> rows) {
        List<ObjectNode> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode row = EventJson.mapper().valueToTree(rows.get(i));
            numbered.add(row.put("n", i));
        }
        return numbered;
    }

    /** Rows as a JSON array: the records' fields under the column names they fill (snake case, nulls left out). */
    private static String json(List<?> rows) {
        try {
            return EventJson.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows of a contact not written as JSON", e);
        }
    }
}
