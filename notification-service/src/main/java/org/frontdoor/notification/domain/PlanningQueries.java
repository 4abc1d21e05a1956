package org.frontdoor.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.support.sql.SqlRow;
import org.frontdoor.support.sql.TextArrays;

/**
 * The set-based statements of planning ({@link NotificationPlanner}): each an insert "on conflict do nothing" on its
 * natural key, so a redelivered or republished event adds nothing; and the per-referral lock.
 */
@ApplicationScoped
public class PlanningQueries {

    /** A run's planned rows (see {@link #insertAll}). */
    private static final String INSERT_ALL = "insert into notification (id, referral_id, child_id, kind,"
            + " occurrence, recipient_key, recipient_org, recipient_email, status, due_by, latest_by, created_at,"
            + " ready_at, next_attempt_at, webhook_type, subject, text_body, data, source_event_id,"
            + " withheld_reason) select gen_random_uuid(), cast(a as uuid), cast(b as uuid), c, d, e, f, g, h,"
            + " cast(i as timestamptz), cast(j as timestamptz), cast(?17 as timestamptz),"
            + " case when h = 'PENDING' then cast(?17 as timestamptz) end,"
            + " case when h = 'PENDING' then cast(?17 as timestamptz) end, k, l, m, cast(n as jsonb),"
            + " cast(o as uuid), p"
            + " from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),"
            + " cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]),"
            + " cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]), cast(?12 as text[]),"
            + " cast(?13 as text[]), cast(?14 as text[]), cast(?15 as text[]), cast(?16 as text[]))"
            + " as r(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)"
            + " on conflict on constraint notification_once do nothing returning status";

    /** A run's referrals, children and sharing facts (see {@link #recordReferrals}). */
    private static final String RECORD_REFERRALS = "with rec as (select cast(a as uuid) as referral_id,"
            + " cast(b as timestamptz) as received_at, c as source_code, d as referrer_kind, e as organisation_id,"
            + " f as organisation_name, g as referrer_name, h as referrer_email, i as external_reference,"
            + " j as reference, cast(k as timestamptz) as acknowledgement_due_by, cast(l as int) as child_count"
            + " from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),"
            + " cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]),"
            + " cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]), cast(?12 as text[]))"
            + " as r(a, b, c, d, e, f, g, h, i, j, k, l)),"
            + " ins as (insert into referral_record (referral_id, received_at, source_code, referrer_kind,"
            + " organisation_id, organisation_name, referrer_name, referrer_email, external_reference, reference,"
            + " acknowledgement_due_by, child_count) select * from rec on conflict do nothing"
            + " returning referral_id),"
            + " kid as (select cast(a as uuid) as child_id, cast(b as uuid) as referral_id,"
            + " cast(c as int) as position,"
            + " d as initials, e as born_in, f as due_in, cast(g as boolean) as young_adult, h as consent,"
            + " cast(i as boolean) as confirmed, cast(j as timestamptz) as as_of"
            + " from unnest(cast(?13 as text[]), cast(?14 as text[]), cast(?15 as text[]), cast(?16 as text[]),"
            + " cast(?17 as text[]), cast(?18 as text[]), cast(?19 as text[]), cast(?20 as text[]),"
            + " cast(?21 as text[]), cast(?22 as text[])) as k(a, b, c, d, e, f, g, h, i, j)"
            + " where cast(b as uuid) in (select referral_id from ins)),"
            + " shared as (insert into child_sharing (child_id, referral_id, young_adult, consent,"
            + " consent_confirmed, as_of) select child_id, referral_id, young_adult, consent, confirmed, as_of"
            + " from kid on conflict (child_id) do update set young_adult = excluded.young_adult,"
            + " consent = excluded.consent, consent_confirmed = excluded.consent_confirmed,"
            + " as_of = excluded.as_of where child_sharing.as_of < excluded.as_of),"
            + " named as (insert into referral_record_child (child_id, referral_id, position, initials, born_in,"
            + " due_in) select child_id, referral_id, position, initials, born_in, due_in from kid"
            + " on conflict do nothing)"
            + " select rec.* from rec where referral_id in (select referral_id from ins)"
            + " union all select s.referral_id, s.received_at, s.source_code, s.referrer_kind, s.organisation_id,"
            + " s.organisation_name, s.referrer_name, s.referrer_email, s.external_reference, s.reference,"
            + " s.acknowledgement_due_by, s.child_count from referral_record s"
            + " where s.referral_id in (select referral_id from rec)"
            + " and s.referral_id not in (select referral_id from ins)";

    @Inject
    EntityManager em;

    /**
     * One referral's events, arriving on two topics (its record on referral-notices, decisions and case changes on
     * triage-events) and so on two consumers at once, take turns until the transaction ends: a decision never
     * misses the record stored beside it, and the record never misses a decision parked a moment before. Under READ
     * COMMITTED each side's insert is invisible to the other's read until commit, so without it both could miss
     * (the record stored, the decision parked, the outcome never told). It must be its own statement, before the
     * read of the decisions: a statement sees what was committed when it began, not what committed while it waited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockReferral(UUID referralId) {
        lockReferrals(List.of(referralId));
    }

    /** {@link #lockReferral} for a run's referrals, in one statement, in one order (so two runs do not deadlock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockReferrals(List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return;
        }
        String[] keys = referralIds.stream().map(id -> "referral:" + id).sorted().toArray(String[]::new);
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, 21))"
                + " from unnest(cast(?1 as text[])) with ordinality as l(k, n) order by n) l")
                .setParameter(1, keys).getSingleResult();
    }

    /**
     * A run's referrals, their children and the children's sharing facts, in one statement: a referral recorded
     * before is left as it is (and so are its children, so a redelivered event never undoes consent recorded after
     * it). Returns each referral's record: as just recorded, or as stored before.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, ReferralRecord> recordReferrals(List<ReferralRecord> records,
            List<ReferralsReceived.LoggedChild> children) {
        List<Tuple> rows = em.createNativeQuery(RECORD_REFERRALS, Tuple.class)
                .setParameter(1, TextArrays.of(records, r -> r.referralId))
                .setParameter(2, TextArrays.of(records, r -> r.receivedAt))
                .setParameter(3, TextArrays.of(records, r -> r.sourceCode))
                .setParameter(4, TextArrays.of(records, r -> r.referrerKind))
                .setParameter(5, TextArrays.of(records, r -> r.organisationId))
                .setParameter(6, TextArrays.of(records, r -> r.organisationName))
                .setParameter(7, TextArrays.of(records, r -> r.referrerName))
                .setParameter(8, TextArrays.of(records, r -> r.referrerEmail))
                .setParameter(9, TextArrays.of(records, r -> r.externalReference))
                .setParameter(10, TextArrays.of(records, r -> r.reference))
                .setParameter(11, TextArrays.of(records, r -> r.acknowledgementDueBy))
                .setParameter(12, TextArrays.of(records, r -> r.childCount))
                .setParameter(13, TextArrays.of(children, c -> c.named().childId()))
                .setParameter(14, TextArrays.of(children, c -> c.named().referralId()))
                .setParameter(15, TextArrays.of(children, c -> c.named().position()))
                .setParameter(16, TextArrays.of(children, c -> c.named().initials()))
                .setParameter(17, TextArrays.of(children, c -> c.named().bornIn()))
                .setParameter(18, TextArrays.of(children, c -> c.named().dueIn()))
                .setParameter(19, TextArrays.of(children, c -> c.youngAdult()))
                .setParameter(20, TextArrays.of(children, c -> c.consent().name()))
                .setParameter(21, TextArrays.of(children, c -> c.confirmed()))
                .setParameter(22, TextArrays.of(children, c -> c.asOf()))
                .getResultList();
        Map<UUID, ReferralRecord> stored = new HashMap<>();
        for (Tuple t : rows) {
            ReferralRecord r = recordOf(new SqlRow(t));
            stored.put(r.referralId, r);
        }
        return stored;
    }

    /** A referral's record as a plain value (never a managed entity: nothing is flushed behind the statements). */
    private static ReferralRecord recordOf(SqlRow row) {
        ReferralRecord r = new ReferralRecord();
        r.referralId = row.uuid("referral_id");
        r.receivedAt = row.instant("received_at");
        r.sourceCode = row.string("source_code");
        r.referrerKind = row.string("referrer_kind");
        r.organisationId = row.string("organisation_id");
        r.organisationName = row.string("organisation_name");
        r.referrerName = row.string("referrer_name");
        r.referrerEmail = row.string("referrer_email");
        r.externalReference = row.string("external_reference");
        r.reference = row.string("reference");
        r.acknowledgementDueBy = row.instant("acknowledgement_due_by");
        r.childCount = (int) row.count("child_count");
        return r;
    }

    /** A child as messages name them; empty when no contact named this child. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<NamedChild> namedChild(UUID childId) {
        return SqlRow.list(em, "select referral_id, position, initials, born_in, due_in from referral_record_child"
                + " where child_id = ?1", childId).stream().findFirst()
                .map(row -> new NamedChild(childId, row.uuid("referral_id"), (int) row.count("position"),
                        row.string("initials"), NamedChild.month(row.string("born_in")),
                        NamedChild.month(row.string("due_in"))));
    }

    /** Keeps a child's first decision (its JSON payload); false when the child was decided before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeDecision(UUID childId, UUID referralId, Object payload, UUID eventId, Instant receivedAt) {
        return em.createNativeQuery("insert into child_decision (child_id, referral_id, payload, event_id,"
                + " received_at) values (?1, ?2, cast(?3 as jsonb), ?4, ?5) on conflict do nothing")
                .setParameter(1, childId).setParameter(2, referralId)
                .setParameter(3, write(payload)).setParameter(4, eventId)
                .setParameter(5, receivedAt)
                .executeUpdate() == 1;
    }

    /** The JSON of each child's stored decision, for those of {@code childIds} decided before, in one statement. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, String> storedDecisions(List<UUID> childIds) {
        Map<UUID, String> stored = new HashMap<>();
        if (!childIds.isEmpty()) {
            for (Tuple t : (List<Tuple>) em.createNativeQuery("select child_id, cast(payload as text) as payload"
                    + " from child_decision where child_id = any(cast(?1 as uuid[]))", Tuple.class)
                    .setParameter(1, TextArrays.of(childIds, id -> id)).getResultList()) {
                SqlRow row = new SqlRow(t);
                stored.put(row.uuid("child_id"), row.string("payload"));
            }
        }
        return stored;
    }

    /** Inserts the row unless its key exists, ready at {@code now} when PENDING; true when it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(PlannedMessage m, NotificationStatus status, String withheldReason, Instant now) {
        return insertAll(List.of(m), List.of(status), Arrays.asList(withheldReason), now) == 1;
    }

    /**
     * Inserts each planned row, at its own status, unless its key exists: one statement for a run. Acknowledgements
     * and outcomes still waiting for their decision are never held back ({@link SharingPolicy}: receipt tells
     * nothing of a child's case). Returns how many PENDING rows were new (due for delivery at {@code now}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insertAll(List<PlannedMessage> planned, Instant now) {
        return insertAll(planned, planned.stream().map(PlannedMessage::status).toList(),
                Collections.nCopies(planned.size(), null), now);
    }

    @SuppressWarnings("unchecked")
    private int insertAll(List<PlannedMessage> planned, List<NotificationStatus> statuses, List<String> withheld,
            Instant now) {
        if (planned.isEmpty()) {
            return 0;
        }
        List<Object> inserted = em.createNativeQuery(INSERT_ALL)
                .setParameter(1, TextArrays.of(planned, PlannedMessage::referralId))
                .setParameter(2, TextArrays.of(planned, PlannedMessage::childId))
                .setParameter(3, TextArrays.of(planned, m -> m.kind().name()))
                .setParameter(4, TextArrays.of(planned, PlannedMessage::occurrence))
                .setParameter(5, TextArrays.of(planned, m -> m.to().key()))
                .setParameter(6, TextArrays.of(planned, m -> m.to().org()))
                .setParameter(7, TextArrays.of(planned, m -> m.to().email()))
                .setParameter(8, TextArrays.of(statuses, NotificationStatus::name))
                .setParameter(9, TextArrays.of(planned, PlannedMessage::dueBy))
                .setParameter(10, TextArrays.of(planned, PlannedMessage::latestBy))
                .setParameter(11, TextArrays.of(planned, m -> m.kind().webhookType()))
                .setParameter(12, TextArrays.of(planned, m -> m.message() == null ? null : m.message().subject()))
                .setParameter(13, TextArrays.of(planned, m -> m.message() == null ? null : m.message().text()))
                .setParameter(14, TextArrays.of(planned, m -> m.message() == null ? null : write(m.message().data())))
                .setParameter(15, TextArrays.of(planned, PlannedMessage::sourceEventId))
                .setParameter(16, TextArrays.of(withheld, w -> w))
                .setParameter(17, now)
                .getResultList();
        return (int) inserted.stream().filter(st -> NotificationStatus.PENDING.name().equals(String.valueOf(st)))
                .count();
    }


    private static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
