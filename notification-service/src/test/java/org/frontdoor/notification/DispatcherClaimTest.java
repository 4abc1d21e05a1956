package org.frontdoor.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.frontdoor.notification.delivery.Dispatcher;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers (as on two instances) claiming from the same table never take the same message: claims
 * skip rows another claim has locked, and a claimed row's next attempt moves a lease ahead.
 */
@QuarkusTest
class DispatcherClaimTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Dispatcher dispatcher;

    @Test
    void twoConcurrentDispatchersClaimEachMessageOnce() throws Exception {
        // due far in the future, so this service's own running dispatcher leaves them alone
        Instant due = Instant.parse("2099-01-05T09:00:00Z");
        Set<UUID> ids = new HashSet<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into notification (id, referral_id, kind, occurrence, recipient_key, recipient_org, status,"
                        + " due_by, created_at, ready_at, next_attempt_at, webhook_type, subject, text_body)"
                        + " values (?, ?, 'ACKNOWLEDGEMENT', '', 'org:claim-test', 'claim-test', 'PENDING', ?, now(),"
                        + " now(), ?, 'referral.acknowledged', 's', 't')")) {
            for (int i = 0; i < 40; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                ps.setObject(1, id);
                ps.setObject(2, UUID.randomUUID());
                ps.setTimestamp(3, Timestamp.from(due));
                ps.setTimestamp(4, Timestamp.from(due));
                ps.addBatch();
            }
            ps.executeBatch();
        }

        Instant now = due.plusSeconds(1);
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<UUID>> instance = () -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            List<Dispatcher.Claim> batch;
            do {
                batch = dispatcher.claimDue(now, 3);
                batch.stream().map(Dispatcher.Claim::id).filter(ids::contains).forEach(mine::add);
            } while (!batch.isEmpty());
            return mine;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> a = pool.submit(instance);
            Future<List<UUID>> b = pool.submit(instance);
            start.countDown();
            List<UUID> claimedByA = a.get();
            List<UUID> claimedByB = b.get();

            assertTrue(Collections.disjoint(claimedByA, claimedByB), "no message is claimed by both");
            Set<UUID> all = new HashSet<>(claimedByA);
            all.addAll(claimedByB);
            assertEquals(ids, all, "every due message is claimed");
            assertEquals(40, claimedByA.size() + claimedByB.size(), "each exactly once");
        } finally {
            pool.shutdownNow();
        }
        // claimed and not finished: not claimable again until its lease runs out
        assertTrue(dispatcher.claimDue(now.plusSeconds(60), 100).stream().map(Dispatcher.Claim::id)
                .noneMatch(ids::contains));
    }
}
