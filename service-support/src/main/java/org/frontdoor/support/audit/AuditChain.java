package org.frontdoor.support.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Seals the audit trail into a hash chain, so that a change made around the append-only trigger (by someone who can
 * alter the table) shows: each sealed row's hash covers its content and the hash of the row sealed before it.
 * Rows are sealed by one background pass at a time, seconds after they commit, in the order they are sealed (ids
 * commit out of order); the chain's order is {@code seal_seq}. The retention job deletes the oldest rows, so the
 * chain is checked from the oldest row left, whose previous hash is taken as given.
 */
@ApplicationScoped
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 1000;
    /** One sealer at a time across the service's instances, for one short transaction (no network wait in it). */
    private static final long SEAL_LOCK = 0x61756469745F6368L;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "frontdoor.audit.seal-interval", defaultValue = "5s")
    Duration interval;

    private final WorkerThread worker = new WorkerThread("audit-sealer");

    /** What a check of the chain found. */
    public record Verification(@Schema(minimum = "0", maximum = Bounds.LONG_MAX) long sealed,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long unsealed, boolean intact,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) Long brokenAtSeq,
            @Schema(minimum = "1", maximum = Bounds.LONG_MAX) Long brokenAtEntryId,
            Instant checkedAt) {
    }

    void onStart(@Observes StartupEvent event) {
        worker.start(() -> {
            while (worker.isRunning()) {
                try {
                    while (seal() == BATCH && worker.isRunning()) {
                        // more waiting: go on
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Could not seal the audit trail (%s); trying again in %s", e.getClass().getSimpleName(),
                            interval);
                }
                try {
                    worker.awaitWork(interval);
                } catch (InterruptedException e) {
                    return; // stopping
                }
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
    }

    /** Seals up to a batch of committed rows not sealed yet; returns how many (0 if another instance is at it). */
    public int seal() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, SEAL_LOCK);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            return 0;
                        }
                    }
                }
                long seq = 0;
                String prev = GENESIS;
                try (PreparedStatement last = c.prepareStatement(
                        "select seal_seq, hash from audit_entry where seal_seq is not null order by seal_seq desc limit 1");
                        ResultSet rs = last.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1);
                        prev = rs.getString(2);
                    }
                }
                List<Long> ids = new ArrayList<>();
                List<Long> seqs = new ArrayList<>();
                List<String> prevs = new ArrayList<>();
                List<String> hashes = new ArrayList<>();
                try (PreparedStatement open = c.prepareStatement("select " + COLUMNS
                        + " from audit_entry where hash is null order by id limit " + BATCH);
                        ResultSet rs = open.executeQuery()) {
                    while (rs.next()) {
                        String hash = hash(prev, rs);
                        ids.add(rs.getLong("id"));
                        seqs.add(++seq);
                        prevs.add(prev);
                        hashes.add(hash);
                        prev = hash;
                    }
                }
                if (!ids.isEmpty()) {
                    // one statement for the whole batch, not one a row
                    try (PreparedStatement update = c.prepareStatement("update audit_entry a set seal_seq = v.seq,"
                            + " prev_hash = v.prev, hash = v.hash from unnest(?, ?, ?, ?) as v(id, seq, prev, hash)"
                            + " where a.id = v.id")) {
                        update.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                        update.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
                        update.setArray(3, c.createArrayOf("text", prevs.toArray()));
                        update.setArray(4, c.createArrayOf("text", hashes.toArray()));
                        update.executeUpdate();
                    }
                }
                return ids.size();
            }
        });
    }

    /** Walks the chain from the oldest sealed row left and recomputes every hash. */
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor, not the whole trail in memory
            long sealed = 0;
            Long brokenSeq = null;
            Long brokenId = null;
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + ", seal_seq, prev_hash, hash"
                    + " from audit_entry where seal_seq is not null order by seal_seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    String expectedPrev = null;
                    long expectedSeq = -1;
                    while (rs.next()) {
                        sealed++;
                        if (brokenSeq != null) {
                            continue;
                        }
                        long seq = rs.getLong("seal_seq");
                        String prev = rs.getString("prev_hash");
                        boolean linked = expectedPrev == null || (seq == expectedSeq && prev.equals(expectedPrev));
                        if (!linked || !hash(prev, rs).equals(rs.getString("hash"))) {
                            brokenSeq = seq;
                            brokenId = rs.getLong("id");
                        }
                        expectedPrev = rs.getString("hash");
                        expectedSeq = seq + 1;
                    }
                }
            }
            long unsealed;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where hash is null");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                unsealed = rs.getLong(1);
            }
            c.commit();
            if (brokenSeq != null) {
                LOG.errorf("The audit trail's hash chain is broken at entry %d (seal %d)", brokenId, brokenSeq);
            }
            return new Verification(sealed, unsealed, brokenSeq == null, brokenSeq, brokenId,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the audit trail", e);
        }
    }

    private static final String COLUMNS = "id, at, actor, roles, organisation, action, referral_id, detail";

    /** SHA-256 of the previous hash and the row's content, each field length-prefixed so none can bleed into another. */
    private static String hash(String prev, ResultSet rs) throws SQLException {
        StringBuilder content = new StringBuilder(prev);
        field(content, String.valueOf(rs.getLong("id")));
        OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
        field(content, String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant())));
        field(content, rs.getString("actor"));
        field(content, rs.getString("roles"));
        field(content, rs.getString("organisation"));
        field(content, rs.getString("action"));
        field(content, rs.getString("referral_id"));
        field(content, rs.getString("detail"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder content, String value) {
        content.append('|').append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
    }
}
