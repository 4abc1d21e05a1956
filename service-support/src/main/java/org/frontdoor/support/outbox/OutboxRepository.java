package org.frontdoor.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.support.tracing.TraceContext;

/**
 * Plain JDBC on the service's datasource. Inside a JTA transaction Agroal hands out the
 * connection already enlisted in it, so these statements commit or roll back together with
 * whatever Hibernate wrote in the same transaction.
 */
@ApplicationScoped
public class OutboxRepository {

    @Inject
    AgroalDataSource dataSource;

    public void insert(UUID eventId, String topic, String key, String type, String payload) {
        String sql = "insert into outbox_event (event_id, topic, message_key, event_type, payload, trace_parent)"
                + " values (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, eventId);
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, type);
            ps.setString(5, payload);
            ps.setString(6, TraceContext.current());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write event " + eventId + " to the outbox", e);
        }
    }

    /** One event to insert with others in one statement. */
    public record NewEvent(UUID eventId, String topic, String key, String type, String payload) {
    }

    /** Inserts events in one statement, in the list's order (the relay publishes by id). */
    public void insertAll(List<NewEvent> events) {
        String sql = "insert into outbox_event (event_id, topic, message_key, event_type, payload, trace_parent)"
                + " select e.id, e.topic, e.msg_key, e.type, e.payload, ? from unnest(?::uuid[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) with ordinality as e(id, topic, msg_key, type, payload, n) order by e.n";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TraceContext.current());
            ps.setArray(2, c.createArrayOf("uuid", events.stream().map(NewEvent::eventId).toArray()));
            ps.setArray(3, c.createArrayOf("text", events.stream().map(NewEvent::topic).toArray()));
            ps.setArray(4, c.createArrayOf("text", events.stream().map(NewEvent::key).toArray()));
            ps.setArray(5, c.createArrayOf("text", events.stream().map(NewEvent::type).toArray()));
            ps.setArray(6, c.createArrayOf("text", events.stream().map(NewEvent::payload).toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + events.size() + " event(s) to the outbox", e);
        }
    }

    /**
     * Takes or renews the relay's lease for {@code holder}: true when it holds it for {@code ttl} from now. Another
     * holder's lease is taken only once it has expired, so one relay publishes at a time across all instances,
     * which keeps each key's events in the order they were written.
     */
    public boolean holdLease(String holder, Duration ttl) {
        String sql = "insert into outbox_relay_lease (id, holder, expires_at) values (1, ?, now() + make_interval(secs"
                + " => ?)) on conflict (id) do update set holder = excluded.holder, expires_at = excluded.expires_at"
                + " where outbox_relay_lease.holder = excluded.holder or outbox_relay_lease.expires_at < now()"
                + " returning holder";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, holder);
            ps.setDouble(2, ttl.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the outbox relay's lease", e);
        }
    }

    /** Gives the lease up (a graceful stop), so that another instance publishes at once. */
    public void releaseLease(String holder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from outbox_relay_lease where holder = ?")) {
            ps.setString(1, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the outbox relay's lease", e);
        }
    }

    /** The oldest unpublished rows, in the order written (no row locks: only the lease holder publishes). */
    public List<OutboxRow> pending(int limit) {
        String sql = "select id, event_id, topic, message_key, event_type, payload, trace_parent from outbox_event"
                + " where published_at is null and dead_at is null order by id limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            return rows(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    private static List<OutboxRow> rows(PreparedStatement ps) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return rows;
    }

    /** What the broker made of one row of the previous pass. */
    public enum Outcome {
        PUBLISHED, RETRY, DEAD
    }

    /**
     * A relay pass in one statement: records the previous pass's outcomes ({@code ids} with their {@code outcomes},
     * {@code error} for those not published), takes or renews the lease for {@code holder} as {@link #holdLease}
     * does, and reads the oldest pending rows as {@link #pending} does, or none when another holder has the lease.
     * The statement's parts see one snapshot, so the rows just recorded published or dead are left out by id.
     */
    public List<OutboxRow> pass(List<Long> ids, List<Outcome> outcomes, String error, String holder, Duration ttl,
            int limit) {
        String sql = """
                with outcome as (
                    select o.id, o.outcome from unnest(cast(? as bigint[]), cast(? as text[])) as o(id, outcome)
                ), recorded as (
                    update outbox_event e
                       set attempts = e.attempts + 1,
                           published_at = case when o.outcome = 'PUBLISHED' then now() else e.published_at end,
                           dead_at = case when o.outcome = 'DEAD' then now() else e.dead_at end,
                           last_error = case when o.outcome = 'PUBLISHED' then null else cast(? as text) end
                      from outcome o
                     where e.id = o.id
                ), lease as (
                    insert into outbox_relay_lease (id, holder, expires_at)
                    values (1, ?, now() + make_interval(secs => ?))
                    on conflict (id) do update set holder = excluded.holder, expires_at = excluded.expires_at
                     where outbox_relay_lease.holder = excluded.holder or outbox_relay_lease.expires_at < now()
                    returning holder
                )
                select id, event_id, topic, message_key, event_type, payload, trace_parent from outbox_event
                 where published_at is null and dead_at is null and exists (select 1 from lease)
                   and id not in (select o.id from outcome o where o.outcome <> 'RETRY')
                 order by id limit ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setArray(2, c.createArrayOf("text", outcomes.stream().map(Outcome::name).toArray()));
            ps.setString(3, error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
            ps.setString(4, holder);
            ps.setDouble(5, ttl.toMillis() / 1000.0);
            ps.setInt(6, limit);
            return rows(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the relay's pass and read the outbox", e);
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

    /** Pending and dead events and when the oldest pending one was written (null when none), in one statement. */
    public record Backlog(long pending, Instant oldestPendingAt, long dead) {
    }

    public Backlog backlog() {
        String sql = "select count(*) filter (where dead_at is null), min(created_at) filter (where dead_at is null),"
                + " count(*) filter (where dead_at is not null) from outbox_event where published_at is null";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)
                    .orElse(null), rs.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox backlog", e);
        }
    }

    /** The backlog, and the latest dead events for ops to look at. */
    public OutboxStatus status() {
        Backlog backlog = backlog();
        List<OutboxStatus.DeadEvent> deadEvents = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select event_id, event_type, topic, created_at, dead_at,"
                        + " attempts, last_error from outbox_event where dead_at is not null order by dead_at desc"
                        + " limit 50");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                deadEvents.add(new OutboxStatus.DeadEvent(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        rs.getInt(6), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox status", e);
        }
        return new OutboxStatus(backlog.pending(), backlog.oldestPendingAt(), backlog.dead(), deadEvents);
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
