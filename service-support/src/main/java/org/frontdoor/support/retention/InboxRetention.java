package org.frontdoor.support.retention;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Processed inbox rows: the memory of which events a consumer has handled. They are needed only as
 * long as the broker could deliver the event again (a consumer group reset replays what the topics
 * keep: 30 days), so the default, 45 days, is past that; deleting them earlier could let a replayed
 * event act twice.
 */
@ApplicationScoped
public class InboxRetention implements RetentionRule {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String kind() {
        return "inbox-events";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(45);
    }

    @Override
    public int prune(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from inbox_event where processed_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune the inbox", e);
        }
    }
}
