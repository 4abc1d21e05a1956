package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.sql.SqlRow;

/**
 * A child's chronology in one statement: every contact counted under the root record, its decision and checks, the
 * cases covering those contacts with their steps, the assessments and s47 enquiries, the messages to the referrers,
 * and the merges and separations of the tree's records. Codes only: {@link ChronologyWords} says them in words.
 */
@ApplicationScoped
public class ChronologyQueries {

    /** One event as the database has it: up to three codes, and what it is about. */
    public record Row(Instant at, ChronologyEntryType type, String a, String b, String c, UUID referralId,
            UUID triageItemId, UUID caseId, UUID childKey) {
    }

    /** ?1 the root record, ?2 the records of its tree. Dates are days in England, from their start. */
    private static final String ENTRIES = """
            with items as (
                select i.*, coalesce(i.known_child_id, i.child_id) as record from triage_item i where i.child_key = ?1),
            cases as (
                select distinct on (cc.case_id) cc.case_id, it.id as item_id, it.referral_id, it.record
                from case_child cc join items it on it.id = cc.triage_item_id order by cc.case_id, cc.joined_at),
            entries as (
                select i.received_at as at, 1 as ord, 'CONTACT' as type, r.source_code as a, r.referrer_kind as b,
                       i.priority as c, i.referral_id, i.id as triage_item_id, cast(null as uuid) as case_id,
                       i.record as child_key
                from items i join triage_referral r on r.referral_id = i.referral_id
                union all
                select p.checked_at, 2, 'CHECK', p.agency, p.organisation, null, i.referral_id, i.id, null, i.record
                from partner_check p join items i on i.id = p.triage_item_id
                union all
                select i.decided_at, 3, 'DECISION', i.outcome, cast(i.decided_level as text), i.status, i.referral_id,
                       i.id, null, i.record
                from items i where i.decided_at is not null
                union all
                select c.opened_at, 4, 'CASE_STEP', 'OPENED', c.opened_pathway, null, k.referral_id, k.item_id, c.id,
                       k.record
                from cases k join care_case c on c.id = k.case_id
                union all
                select s.stepped_at, 5, 'CASE_STEP', 'STEPPED', s.from_pathway, s.to_pathway, k.referral_id, k.item_id,
                       k.case_id, k.record
                from cases k join case_step s on s.case_id = k.case_id
                union all
                select c.closed_at, 6, 'CASE_STEP', 'CLOSED', c.closure_reason_code, null, k.referral_id, k.item_id,
                       c.id, k.record
                from cases k join care_case c on c.id = k.case_id where c.closed_at is not null
                union all
                select a.started_on::timestamp at time zone 'Europe/London', 7, 'ASSESSMENT', 'STARTED', null, null,
                       i.referral_id, i.id, i.case_id, i.record
                from assessment a join items i on i.id = a.triage_item_id
                union all
                select a.authorised_on::timestamp at time zone 'Europe/London', 8, 'ASSESSMENT', 'AUTHORISED',
                       cast(a.requires_support as text), null, i.referral_id, i.id, i.case_id, i.record
                from assessment a join items i on i.id = a.triage_item_id where a.authorised_on is not null
                union all
                select e.strategy_discussion_on::timestamp at time zone 'Europe/London', 9, 'SECTION47_ENQUIRY',
                       'STARTED', null, null, i.referral_id, i.id, i.case_id, i.record
                from section47_enquiry e join items i on i.id = e.triage_item_id
                union all
                select e.icpc_on::timestamp at time zone 'Europe/London', 10, 'SECTION47_ENQUIRY', 'CONFERENCE',
                       null, null, i.referral_id, i.id, i.case_id, i.record
                from section47_enquiry e join items i on i.id = e.triage_item_id where e.icpc_on is not null
                union all
                select e.plan_started_on::timestamp at time zone 'Europe/London', 11, 'SECTION47_ENQUIRY', 'PLAN',
                       e.plan_category, null, i.referral_id, i.id, i.case_id, i.record
                from section47_enquiry e join items i on i.id = e.triage_item_id where e.plan_started_on is not null
                union all
                select coalesce(f.delivered_at, f.reported_at), 12, 'MESSAGE_TO_REFERRER', f.kind,
                       case when f.delivered_at is null then 'FAILED' else 'DELIVERED' end, null, f.referral_id,
                       null, null, null
                from feedback_delivery f where f.referral_id in (select referral_id from items)
                union all
                select m.merged_at, 13, 'RECORDS_MERGED', cast(m.duplicate as text), cast(m.survivor as text), null,
                       null, null, null, m.duplicate
                from child_merge m where m.survivor in (?2) or m.duplicate in (?2)
                union all
                select m.unmerged_at, 14, 'RECORDS_SEPARATED', cast(m.duplicate as text), cast(m.survivor as text),
                       null, null, null, null, m.duplicate
                from child_merge m where m.unmerged_at is not null and (m.survivor in (?2) or m.duplicate in (?2)))
            """;

    @Inject
    EntityManager em;

    /** Page {@code page} of {@code size} entries, oldest first. */
    public List<Row> page(UUID root, List<UUID> tree, int page, int size) {
        return SqlRow.list(em, ENTRIES + """
                select * from entries
                order by at, ord, triage_item_id nulls last, case_id nulls last, a nulls last
                limit ?3 offset ?4""", root, tree, size, (long) page * size).stream()
                .map(r -> new Row(r.instant("at"), ChronologyEntryType.valueOf(r.string("type")), r.string("a"),
                        r.string("b"), r.string("c"), r.uuid("referral_id"), r.uuid("triage_item_id"),
                        r.uuid("case_id"), r.uuid("child_key")))
                .toList();
    }

    public long count(UUID root, List<UUID> tree) {
        return SqlRow.single(em, ENTRIES + "select count(*) as total from entries", root, tree).count("total");
    }
}
