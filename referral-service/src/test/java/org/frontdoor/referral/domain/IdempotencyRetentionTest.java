package org.frontdoor.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.support.retention.RetentionJob;
import org.junit.jupiter.api.Test;

/** A partner's idempotency key is remembered for 30 days, then the retention job frees it. */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    RetentionJob job;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void idempotencyRecordsOlderThanThirtyDaysAreDeletedAndNewerOnesKept() throws Exception {
        Instant now = Instant.now();
        String old = record(now.minus(Duration.ofDays(31)));
        String recent = record(now.minus(Duration.ofDays(29)));

        var changed = job.runOnce(now);

        assertEquals(0, count(old), "past 30 days: the key is free again");
        assertEquals(1, count(recent), "within 30 days: a retry still gets the first answer");
        assertEquals(true, changed.get("idempotency-records") >= 1, changed.toString());
    }

    private String record(Instant createdAt) throws Exception {
        String key = "retention-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into idempotency_record (scope, idem_key, request_hash, referral_id, response, created_at)"
                        + " values ('retention-test', ?, 'hash', ?, '{}', ?)")) {
            ps.setString(1, key);
            ps.setObject(2, UUID.randomUUID());
            ps.setTimestamp(3, Timestamp.from(createdAt));
            ps.executeUpdate();
        }
        return key;
    }

    private long count(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from idempotency_record where idem_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
