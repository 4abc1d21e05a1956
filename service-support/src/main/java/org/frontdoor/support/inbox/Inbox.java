package org.frontdoor.support.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Makes a consumer idempotent. Call {@link #firstDeliveries} at the start of the handler's
 * transaction: it records {@code (consumer, eventId)} there, so the mark and the handler's
 * effect commit together. A redelivered event finds the mark and is skipped; two instances
 * receiving the same event at once serialise on the primary key, and the second skips.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Records a batch's events in one statement; returns the ids seen for the first time (an id twice in the batch
     * counts once). Redeliveries are left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<EventEnvelope> events) {
        String sql = "insert into inbox_event (consumer, event_id, event_type)"
                + " select ?, e.id, e.type from unnest(?::uuid[], ?::text[]) as e(id, type)"
                + " on conflict do nothing returning event_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", events.stream().map(EventEnvelope::eventId).toArray()));
            ps.setArray(3, c.createArrayOf("text", events.stream().map(EventEnvelope::type).toArray()));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + events.size() + " event(s) in the inbox", e);
        }
    }
}
