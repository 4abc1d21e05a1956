package org.frontdoor.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain JDBC on the service's datasource. Inside a JTA transaction Agroal hands out the
 * connection already enlisted in it, so these statements commit or roll back together with
 * whatever Hibernate wrote in the same transaction.
 */
@ApplicationScoped
public class OutboxRepository {

    /** Arbitrary but fixed: the advisory lock that makes one relay publish at a time. */
    static final long RELAY_LOCK_KEY = 0x0_F0_0D_D0_0AL;

    @Inject
    AgroalDataSource dataSource;

    public void insert(UUID eventId, String topic, String key, String type, String payload) {
        String sql = "insert into outbox_event (event_id, topic, message_key, event_type, payload) values (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, eventId);
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, type);
            ps.setString(5, payload);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write event " + eventId + " to the outbox", e);
        }
    }

    /**
     * Takes the relay lock for the current transaction. Only one relay publishes at a time
     * across all instances, which keeps each key's events in the order they were written.
     */
    public boolean tryRelayLock() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the outbox relay lock", e);
        }
    }

    /** The oldest unpublished rows, locked for the current transaction. */
    public List<OutboxRow> lockPending(int limit) {
        String sql = "select id, event_id, topic, message_key, event_type, payload from outbox_event"
                + " where published_at is null and dead_at is null order by id limit ? for update skip locked";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    public void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        update("update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null"
                + " where id = any(?)", ids, null);
    }

    public void recordFailure(List<Long> ids, String error) {
        update("update outbox_event set attempts = attempts + 1, last_error = ? where id = any(?)", ids, error);
    }

    public void markDead(List<Long> ids, String error) {
        update("update outbox_event set attempts = attempts + 1, last_error = ?, dead_at = now() where id = any(?)",
                ids, error);
    }

    /** Puts a dead event back in line. Returns false when no dead event has that id. */
    public boolean revive(UUID eventId) {
        String sql = "update outbox_event set dead_at = null where event_id = ? and dead_at is not null";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, eventId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not revive outbox event", e);
        }
    }

    public int deletePublishedBefore(Instant cutoff) {
        String sql = "delete from outbox_event where published_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune the outbox", e);
        }
    }

    public OutboxStatus status() {
        try (Connection c = dataSource.getConnection()) {
            long pending;
            Instant oldest;
            long dead;
            try (PreparedStatement ps = c.prepareStatement("select count(*), min(created_at) from outbox_event"
                    + " where published_at is null and dead_at is null"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                oldest = Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant).orElse(null);
            }
            List<OutboxStatus.DeadEvent> deadEvents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where dead_at is not null");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                dead = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("select event_id, event_type, topic, created_at, dead_at,"
                    + " attempts, last_error from outbox_event where dead_at is not null order by dead_at desc limit 50");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deadEvents.add(new OutboxStatus.DeadEvent(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                            rs.getInt(6), rs.getString(7)));
                }
            }
            return new OutboxStatus(pending, oldest, dead, deadEvents);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox status", e);
        }
    }

    private void update(String sql, List<Long> ids, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (error != null) {
                ps.setString(i++, error.length() > 2000 ? error.substring(0, 2000) : error);
            }
            ps.setArray(i, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the outbox", e);
        }
    }
}
