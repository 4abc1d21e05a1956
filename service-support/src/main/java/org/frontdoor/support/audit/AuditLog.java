package org.frontdoor.support.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
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
        write(caller(), action, referralId, detail);
    }

    /**
     * For a refused attempt: written in a transaction of its own, so the refusal that rolls
     * back the request does not take its audit entry with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefused(String action, UUID referralId, String detail) {
        write(caller(), action, referralId, detail);
    }

    /**
     * A request refused for the caller's role (a 403), by whoever it was: written in a transaction of its own, from
     * wherever the refusal is answered (the identity is passed, as no request context may be active there).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusedAccess(SecurityIdentity who, String detail) {
        write(who == null || who.isAnonymous() ? null : who, "access.refused", null, detail);
    }

    /**
     * A search's criteria as its audit entry keeps them, from name and value pairs: {@code surname=Smith,
     * dateOfBirth=2016-04-02}, leaving out those not given; who searched for whom is what an IG officer asks.
     */
    public static String criteria(Object... namesAndValues) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                s.append(s.isEmpty() ? "" : ", ").append(namesAndValues[i]).append('=').append(value);
            }
        }
        return s.isEmpty() ? "no criteria" : s.toString();
    }

    /** Who acts: the signed-in user, or "system" for background work (a consumer, the retention job). */
    public String actor() {
        return nameOf(caller());
    }

    /** Who an entry names: the actor, their roles (comma-separated) and organisation, each as {@code audit_entry} holds it. */
    public record Who(String actor, String roles, String organisation) {
    }

    /**
     * Who acts now, as an entry written now would name them: for a set-based effect that writes its audit entries
     * in its own statement (e.g. with {@code insert ... select}), the same actor, roles and organisation.
     */
    public Who who() {
        return whoOf(caller());
    }

    private static Who whoOf(SecurityIdentity who) {
        String roles = who == null ? "" : String.join(",", new TreeSet<>(who.getRoles()));
        String organisation = null;
        if (who != null && who.getPrincipal() instanceof JsonWebToken jwt) {
            organisation = jwt.getClaim(Roles.ORG_CLAIM);
        }
        return new Who(truncate(nameOf(who), 200), truncate(roles, 200), truncate(organisation, 200));
    }

    /** The signed-in person of the current request, or null for background work. */
    private SecurityIdentity caller() {
        return Arc.container().requestContext().isActive() && !identity.isAnonymous() ? identity : null;
    }

    private static String nameOf(SecurityIdentity who) {
        return who == null ? "system" : who.getPrincipal().getName();
    }

    private void write(SecurityIdentity identity, String action, UUID referralId, String detail) {
        Who who = whoOf(identity);
        String sql = "insert into audit_entry (actor, roles, organisation, action, referral_id, detail)"
                + " values (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, who.actor());
            ps.setString(2, who.roles());
            ps.setString(3, who.organisation());
            ps.setString(4, action);
            ps.setObject(5, referralId);
            ps.setString(6, truncate(detail, 8000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit entry", e);
        }
    }

    /** The entries fitting the query, oldest first, a page at a time. */
    public AuditEntry.Page search(AuditQuery query) {
        Filter filter = Filter.of(query);
        int size = query.sizeOrDefault();
        int page = query.pageOrFirst();
        try (Connection c = dataSource.getConnection()) {
            long total = count(c, filter);
            return new AuditEntry.Page(page, size, total, entries(c, filter, page, size));
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the audit trail", e);
        }
    }

    /** A query's where clause and its parameters, in order. */
    private record Filter(String where, List<Object> params) {

        static Filter of(AuditQuery query) {
            StringBuilder where = new StringBuilder(" where true");
            List<Object> params = new ArrayList<>();
            if (query.referralId() != null) {
                where.append(" and referral_id = ?");
                params.add(query.referralId());
            }
            if (query.actor() != null && !query.actor().isBlank()) {
                where.append(" and actor = ?");
                params.add(query.actor());
            }
            if (query.action() != null && !query.action().isBlank()) {
                where.append(" and action = ?");
                params.add(query.action());
            }
            if (query.from() != null) {
                where.append(" and at >= ?");
                params.add(Timestamp.from(query.from()));
            }
            if (query.to() != null) {
                where.append(" and at < ?");
                params.add(Timestamp.from(query.to()));
            }
            return new Filter(where.toString(), params);
        }
    }

    private static long count(Connection c, Filter filter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry" + filter.where())) {
            bind(ps, filter.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<AuditEntry> entries(Connection c, Filter filter, int page, int size) throws SQLException {
        List<AuditEntry> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, at, actor, roles, organisation, action,"
                + " referral_id, detail, seal_seq from audit_entry" + filter.where() + " order by at, id limit " + size
                + " offset " + ((long) page * size))) {
            bind(ps, filter.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"), rs.getString("roles"), rs.getString("organisation"),
                            rs.getString("action"), rs.getObject("referral_id", UUID.class), rs.getString("detail"),
                            (Long) rs.getObject("seal_seq")));
                }
            }
        }
        return items;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
