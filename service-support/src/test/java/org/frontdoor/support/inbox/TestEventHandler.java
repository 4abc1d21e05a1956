package org.frontdoor.support.inbox;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer built the way the services build theirs: inbox mark and effect in one transaction. */
@ApplicationScoped
public class TestEventHandler {

    static final String CONSUMER = "inbox-test";

    private final AtomicInteger deliveries = new AtomicInteger();

    @Inject
    InboxProcessor processor;

    @Inject
    AgroalDataSource dataSource;

    /** A method, not the field: the test holds a client proxy, whose own fields are not the bean's. */
    public int deliveries() {
        return deliveries.get();
    }

    @Incoming("inbox-test")
    @Blocking
    public void onEvent(String message) {
        deliveries.incrementAndGet();
        processor.process(CONSUMER, message, event -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("insert into test_effect (event_id) values (?)")) {
                ps.setObject(1, event.eventId());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
