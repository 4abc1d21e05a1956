package org.frontdoor.support.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.support.security.Roles;

/**
 * The audit trail of a child's record: every read and change, with who (subject, roles,
 * organisation), what and when. Written in the caller's transaction when there is one, so a
 * change and its audit entry commit together. The detail never holds a child's details.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @Transactional
    public void record(String action, UUID referralId, String detail) {
        write(action, referralId, detail);
    }

    /**
     * For a refused attempt: written in a transaction of its own, so the refusal that rolls
     * back the request does not take its audit entry with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefused(String action, UUID referralId, String detail) {
        write(action, referralId, detail);
    }

    /** Who acts: the signed-in user, or "system" for background work (a consumer, the retention job). */
    public String actor() {
        return person() ? identity.getPrincipal().getName() : "system";
    }

    private boolean person() {
        return Arc.container().requestContext().isActive() && !identity.isAnonymous();
    }

    private void write(String action, UUID referralId, String detail) {
        boolean person = person();
        String actor = actor();
        String roles = person ? String.join(",", new TreeSet<>(identity.getRoles())) : "";
        String organisation = null;
        if (person && identity.getPrincipal() instanceof JsonWebToken jwt) {
            organisation = jwt.getClaim(Roles.ORG_CLAIM);
        }
        String sql = "insert into audit_entry (actor, roles, organisation, action, referral_id, detail)"
                + " values (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, truncate(actor, 200));
            ps.setString(2, truncate(roles, 200));
            ps.setString(3, truncate(organisation, 200));
            ps.setString(4, action);
            ps.setObject(5, referralId);
            ps.setString(6, truncate(detail, 1000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit entry", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
