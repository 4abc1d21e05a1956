package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The set-based statements of claiming due notifications ({@link Claims}), run in the claim's transaction. */
@ApplicationScoped
public class DeliveryQueries {

    /** How many of the oldest due rows a claim looks at (see {@link #candidates}). */
    static final int SCAN_DEPTH = 1_000;

    @Inject
    EntityManager em;

    /** A due row, locked for this claim. */
    public record Candidate(UUID id, String recipientKey) {
    }

    /**
     * The oldest due rows, at most {@code perRecipient} of each recipient, locked ({@code FOR UPDATE SKIP LOCKED}:
     * rows another instance's claim holds are skipped). The window cannot take FOR UPDATE, so the rows are locked,
     * and checked again, one level up. It runs over the oldest due rows only (an index scan, {@code scan} of them),
     * not over every due row: with a backlog of thousands it was read whole on every claim, and was most of the
     * database's work under load. Recipients at their limit ({@code full}) are left out before the scan, so they
     * cannot fill it.
     */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(Instant now, List<String> full, int perRecipient, int scan, int limit) {
        Query candidates = em.createNativeQuery("select n.id, n.recipient_key from notification n"
                + " where n.id in (select c.id from (select d.id, d.next_attempt_at, row_number() over"
                + " (partition by d.recipient_key order by d.next_attempt_at, d.id) as nth from (select id,"
                + " next_attempt_at, recipient_key from notification"
                + " where status = 'PENDING' and next_attempt_at <= :now"
                + (full.isEmpty() ? "" : " and recipient_key not in (:full)")
                + " order by next_attempt_at, id limit :scan) d) c where c.nth <= :perRecipient"
                + " order by c.next_attempt_at limit :candidates)"
                + " and n.status = 'PENDING' and n.next_attempt_at <= :now"
                + " order by n.next_attempt_at for update skip locked", Tuple.class)
                .setParameter("now", now)
                .setParameter("perRecipient", perRecipient)
                .setParameter("scan", scan)
                .setParameter("candidates", limit);
        if (!full.isEmpty()) {
            candidates.setParameter("full", full);
        }
        return ((List<Tuple>) candidates.getResultList()).stream()
                .map(t -> new Candidate(t.get("id", UUID.class), t.get("recipient_key", String.class)))
                .toList();
    }

    /** Counts the attempt and moves the next one to the lease's end, so no other claim takes the rows meanwhile. */
    public void lease(List<UUID> ids, Instant now, Instant leaseUntil) {
        em.createNativeQuery("update notification set attempts = attempts + 1, next_attempt_at = :lease,"
                + " retry_window_start = coalesce(retry_window_start, :now) where id in (:ids)")
                .setParameter("lease", leaseUntil)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
