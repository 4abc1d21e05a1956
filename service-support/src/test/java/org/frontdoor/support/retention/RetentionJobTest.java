package org.frontdoor.support.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retention schedule prunes what is past its period, keeps the rest, and takes its periods from config. */
@QuarkusTest
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Inject
    RecordingRule recording;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    org.frontdoor.support.audit.AuditLog audit;

    @Test
    void processedInboxRowsAreKeptFortyFiveDaysThenDeleted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID old = inboxRow(now.minus(Duration.ofDays(46)));
        UUID recent = inboxRow(now.minus(Duration.ofDays(44)));
        double before = deletedCount();

        var changed = job.runOnce(now);

        assertEquals(false, exists(old), "past 45 days: deleted");
        assertEquals(true, exists(recent), "within 45 days: kept, a replayed event is still recognised");
        int deleted = changed.get("inbox-events");
        assertEquals(true, deleted >= 1, "at least the old row: " + changed);
        assertEquals(before + deleted, deletedCount(), "counted in frontdoor_retention_deleted_total");
    }

    @Test
    void theAuditTrailIsKeptSixYearsAndWrittenBySystemWorkOutsideAnyRequest() throws Exception {
        Instant now = Instant.now();
        String tag = UUID.randomUUID().toString();
        // the retention job's own thread: no request, no signed-in person
        Thread worker = new Thread(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> audit
                .record("retention.test", null, tag)));
        worker.start();
        worker.join();
        assertEquals(1, count("audit_entry where detail = '" + tag + "' and actor = 'system'"), "the system acted");
        // an entry written six years ago (the trail refuses to have its dates changed)
        String old = UUID.randomUUID().toString();
        update("insert into audit_entry (at, actor, roles, action, detail) values (now() - interval '6 years'"
                + " - interval '3 days', 'system', '', 'retention.test', '" + old + "')");
        String recent = UUID.randomUUID().toString();
        audit.record("retention.test", null, recent);

        job.runOnce(now);

        assertEquals(0, count("audit_entry where detail = '" + old + "'"), "past six years");
        assertEquals(1, count("audit_entry where detail = '" + tag + "'"), "within six years");
        assertEquals(1, count("audit_entry where detail = '" + recent + "'"));
    }

    private long count(String fromWhere) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + fromWhere);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    @Test
    void aPeriodInConfigurationReplacesTheRulesDefault() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        job.runOnce(now);
        // keep."test-effects"=P2D in the test application; the rule's own default is one day
        assertEquals(now.minus(Duration.ofDays(2)), recording.lastCutoff());
        assertEquals(Duration.ofDays(2), job.periodOf(recording));
    }

    private UUID inboxRow(Instant processedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into inbox_event (consumer, event_id, event_type, processed_at) values ('retention-test', ?,"
                        + " 'test.event', ?)")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, Timestamp.from(processedAt));
            ps.executeUpdate();
        }
        return id;
    }

    private boolean exists(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private double deletedCount() {
        var counter = meters.find("frontdoor_retention_deleted_total").tag("kind", "inbox-events").counter();
        return counter == null ? 0 : counter.count();
    }
}
