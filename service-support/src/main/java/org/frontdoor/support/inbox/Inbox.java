package org.frontdoor.support.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;

/**
 * Makes a consumer idempotent. Call {@link #firstDelivery} at the start of the handler's
 * transaction: it records {@code (consumer, eventId)} there, so the mark and the handler's
 * effect commit together. A redelivered event finds the mark and is skipped; two instances
 * receiving the same event at once serialise on the primary key, and the second skips.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    AgroalDataSource dataSource;

    /** True the first time this consumer sees this event; false for any redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        return firstDelivery(consumer, event.eventId(), event.type());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        String sql = "insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            ps.setString(3, eventType);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + eventId + " in the inbox", e);
        }
    }
}
