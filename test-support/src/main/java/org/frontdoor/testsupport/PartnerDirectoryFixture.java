package org.frontdoor.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For the tests of a service with a copy of the partner directory (triage, intake): publishes
 * {@code partner.changed} on the real broker as the notification service does, and waits until the service under
 * test has taken it into its copy, read from its own database.
 */
public final class PartnerDirectoryFixture {

    /** Each publication outranks the ones before, as the directory's own versions do. */
    private static final AtomicLong VERSION = new AtomicLong(System.currentTimeMillis());

    private PartnerDirectoryFixture() {
    }

    /** An active organisation: {@code agencyType} as the shared AgencyType code, e.g. POLICE. */
    public static void active(String id, String name, String agencyType, String cinSourceCode) {
        publish(id, name, agencyType, cinSourceCode, true);
    }

    public static void deactivated(String id, String name, String agencyType, String cinSourceCode) {
        publish(id, name, agencyType, cinSourceCode, false);
    }

    private static void publish(String id, String name, String agencyType, String cinSourceCode, boolean active) {
        long version = VERSION.incrementAndGet();
        String event = """
                {"eventId": "%s", "type": "partner.changed", "schemaVersion": 1, "occurredAt": "%s",
                 "payload": {"id": "%s", "name": "%s", "agencyType": "%s", "cinSourceCode": "%s", "active": %s,
                 "version": %d}}""".formatted(UUID.randomUUID(), Instant.now(), id, name, agencyType, cinSourceCode,
                active, version);
        try {
            KafkaProbe.send("partner-events", id, event);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish partner " + id, e);
        }
        awaitCopy(id, version);
    }

    private static void awaitCopy(String id, long version) {
        Config config = ConfigProvider.getConfig();
        long giveUp = System.nanoTime() + 30_000_000_000L;
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement ps = c.prepareStatement("select version from partner_directory_copy where id = ?")) {
            ps.setString(1, id);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= version) {
                        return;
                    }
                }
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("the service did not take partner " + id + " into its copy");
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the partner directory copy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
