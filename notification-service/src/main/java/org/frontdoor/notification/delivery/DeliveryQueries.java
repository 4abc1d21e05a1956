package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.sql.SqlRow;
import org.frontdoor.support.sql.TextArrays;

/**
 * The set-based statements of delivery: the claim ({@link Claims}) and the record of a batch's outcomes
 * ({@link Outcomes}), each one statement whatever the batch's size.
 */
@ApplicationScoped
public class DeliveryQueries {

    /** A batch's outcomes (see {@link #record}). */
    private static final String RECORD = "update notification n set status = v.status,"
            + " channel = v.channel, delivered_at = cast(v.delivered_at as timestamptz),"
            + " next_attempt_at = cast(v.next_attempt_at as timestamptz), last_error = v.last_error,"
            + " retry_window_start = cast(v.retry_window_start as timestamptz),"
            + " fallback_reason = v.fallback_reason, follow_up_reason = v.follow_up_reason,"
            + " gave_up_at = cast(v.gave_up_at as timestamptz)"
            + " from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),"
            + " cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]),"
            + " cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]), cast(?12 as text[]))"
            + " as v(id, attempts, lease, status, channel, delivered_at, next_attempt_at, last_error,"
            + " retry_window_start, fallback_reason, follow_up_reason, gave_up_at)"
            + " where n.id = cast(v.id as uuid) and n.status = 'PENDING' and n.attempts = cast(v.attempts as int)"
            + " and n.next_attempt_at = cast(v.lease as timestamptz) returning n.id";

    /** The claim of a batch (see {@link #claim}). */
    private static final String CLAIM = "with busy as (select b.k, cast(b.n as int) as n"
            + " from unnest(cast(:keys as text[]), cast(:counts as text[])) as b(k, n)),"
            + " picked as (select n.id from notification n where n.id in (select c.id from (select d.id,"
            + " d.next_attempt_at, d.recipient_key, row_number() over (partition by d.recipient_key"
            + " order by d.next_attempt_at, d.id) as nth from (select id, next_attempt_at, recipient_key"
            + " from notification where status = 'PENDING' and next_attempt_at <= :now"
            + " and recipient_key <> all(cast(:full as text[])) order by next_attempt_at, id limit :scan) d) c"
            + " left join busy on busy.k = c.recipient_key where c.nth + coalesce(busy.n, 0) <= :perRecipient"
            + " order by c.next_attempt_at, c.id limit :limit)"
            + " and n.status = 'PENDING' and n.next_attempt_at <= :now"
            + " order by n.next_attempt_at for update skip locked),"
            + " leased as (update notification n set attempts = n.attempts + 1, next_attempt_at = :lease,"
            + " retry_window_start = coalesce(n.retry_window_start, :now) from picked where n.id = picked.id"
            + " returning n.id, n.referral_id, n.child_id, n.kind, n.recipient_key, n.recipient_org,"
            + " n.recipient_email, n.status, n.due_by, n.ready_at, n.attempts, n.next_attempt_at,"
            + " n.retry_window_start, n.webhook_type, n.subject, n.text_body, cast(n.data as text) as data,"
            + " n.fallback_reason, n.created_at)"
            + " select l.*, p.id as partner_id, p.active as partner_active,"
            + " cast(p.contact_emails as text) as partner_emails, s.organisation_id as subscriber,"
            + " s.callback_url, s.secret_encrypted, s.previous_secret_encrypted, s.previous_secret_valid_until"
            + " from leased l left join partner_organisation p on p.id = l.recipient_org"
            + " left join subscription s on s.organisation_id = l.recipient_org"
            + " order by l.created_at, l.id";

    /** How many of the oldest due rows a claim looks at (see {@link #claim}). */
    static final int SCAN_DEPTH = 1_000;

    @Inject
    EntityManager em;

    /**
     * Claims the oldest due rows and returns each with what its attempt needs, in one statement: at most
     * {@code limit}, and per recipient at most {@code perRecipient} less what this instance has in flight for it
     * ({@code busy}); locked ({@code FOR UPDATE SKIP LOCKED}: rows another instance's claim holds are skipped);
     * leased (the attempt counted, the next attempt moved to {@code leaseUntil}, so no other claim takes them
     * meanwhile); joined with the recipient's directory entry and subscription as they are now. The window cannot
     * take FOR UPDATE, so the rows are locked, and checked again, one level up. It runs over the oldest due rows
     * only (an index scan, {@code scan} of them), not over every due row: with a backlog of thousands it was read
     * whole on every claim, and was most of the database's work under load. Recipients at their limit are left
     * out before the scan, so they cannot fill it.
     */
    @SuppressWarnings("unchecked")
    public List<SqlRow> claim(Instant now, Instant leaseUntil, Map<String, Integer> busy, int perRecipient, int scan,
            int limit) {
        String[] keys = busy.keySet().toArray(String[]::new);
        String[] counts = busy.keySet().stream().map(k -> busy.get(k).toString()).toArray(String[]::new);
        String[] full = busy.entrySet().stream().filter(e -> e.getValue() >= perRecipient).map(Map.Entry::getKey)
                .toArray(String[]::new);
        List<Tuple> rows = em.createNativeQuery(CLAIM, Tuple.class)
                .setParameter("keys", keys)
                .setParameter("counts", counts)
                .setParameter("full", full)
                .setParameter("now", now)
                .setParameter("lease", leaseUntil)
                .setParameter("perRecipient", perRecipient)
                .setParameter("scan", scan)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(SqlRow::new).toList();
    }

    /** A batch's outcomes, column by column: the rows' state after their attempt, as {@link Outcomes} decided. */
    public record Recorded(List<UUID> ids, List<Integer> attempts, List<Instant> leases, List<String> statuses,
            List<String> channels, List<Instant> deliveredAt, List<Instant> nextAttemptAt, List<String> lastErrors,
            List<Instant> retryWindowStarts, List<String> fallbackReasons, List<String> followUpReasons,
            List<Instant> gaveUpAt) {
    }

    /**
     * Writes a batch's outcomes in one statement, each only while its row is still this attempt's (PENDING, the
     * same attempt, its lease untouched): a row whose lease ran out, or that was held back meanwhile, belongs to
     * whoever moved it. Returns the ids written.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> record(Recorded r) {
        return ((List<Object>) em.createNativeQuery(RECORD)
                .setParameter(1, TextArrays.of(r.ids())).setParameter(2, TextArrays.of(r.attempts()))
                .setParameter(3, TextArrays.of(r.leases())).setParameter(4, TextArrays.of(r.statuses()))
                .setParameter(5, TextArrays.of(r.channels())).setParameter(6, TextArrays.of(r.deliveredAt()))
                .setParameter(7, TextArrays.of(r.nextAttemptAt())).setParameter(8, TextArrays.of(r.lastErrors()))
                .setParameter(9, TextArrays.of(r.retryWindowStarts())).setParameter(10, TextArrays.of(r.fallbackReasons()))
                .setParameter(11, TextArrays.of(r.followUpReasons())).setParameter(12, TextArrays.of(r.gaveUpAt()))
                .getResultList()).stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString()))
                .toList();
    }

}
