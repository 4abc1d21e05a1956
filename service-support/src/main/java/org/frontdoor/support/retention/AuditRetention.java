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
 * The audit trail (who read or changed which record): kept six years by default, the period within which a claim
 * about how a record was handled can be brought (Limitation Act 1980), whatever became of the record itself. Its
 * entries hold ids, never a child's details, so they may outlive an erased contact.
 */
@ApplicationScoped
public class AuditRetention implements RetentionRule {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String kind() {
        return "audit-entries";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(6 * 365 + 2);
    }

    @Override
    public int prune(Instant cutoff) {
        // the trail is append-only (V0_6): the job says, for its transaction alone, that this deletion is retention
        try (Connection c = dataSource.getConnection();
                PreparedStatement allow = c.prepareStatement("select set_config('frontdoor.audit_retention', 'on', true)");
                PreparedStatement ps = c.prepareStatement("delete from audit_entry where at < ?")) {
            allow.execute();
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune the audit trail", e);
        }
    }
}
