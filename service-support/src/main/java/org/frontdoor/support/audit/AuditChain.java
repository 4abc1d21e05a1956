package org.frontdoor.support.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.worker.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Seals the audit trail into a keyed chain, so that a change made around the append-only trigger (by someone who can
 * alter the table) shows: each sealed row's MAC (HMAC-SHA256 under {@code frontdoor.audit.chain-key}, a key the
 * database never holds) covers its content and the seal of the row sealed before it, so whoever edits a row cannot
 * seal it again. Rows are sealed by one background pass at a time, seconds after they commit, in the order they are
 * sealed (ids commit out of order); the chain's order is {@code seal_seq}. The retention job deletes the oldest rows,
 * so the chain is checked from the oldest row left, whose previous seal is taken as given; its newest seal (the
 * head) is exported for information governance to keep elsewhere, which shows a trail cut short or rewritten whole.
 *
 * <p>Rows sealed before the chain was keyed keep their unkeyed SHA-256 ({@link ChainSeal#SHA256}): the first keyed
 * row after them is an {@code audit.chain-keyed} entry the sealer writes, whose MAC covers the last unkeyed hash.
 */
@ApplicationScoped
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 1000;
    /** One sealer at a time across the service's instances, for one short transaction (no network wait in it). */
    private static final long SEAL_LOCK = 0x61756469745F6368L;
    static final String KEYED = "audit.chain-keyed";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "frontdoor.audit.seal-interval", defaultValue = "5s")
    Duration interval;

    @ConfigProperty(name = ChainSeal.CONFIG_KEY)
    Optional<String> chainKey;

    private volatile byte[] key;

    private final WorkerThread worker = new WorkerThread("audit-sealer");

    /** What a check of the chain found. */
    public record Verification(@Schema(minimum = "0", maximum = Bounds.LONG_MAX) long sealed,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long unsealed, boolean intact,
            @Schema(minimum = "0", maximum = Bounds.LONG_MAX) Long brokenAtSeq,
            @Schema(minimum = "1", maximum = Bounds.LONG_MAX) Long brokenAtEntryId,
            Instant checkedAt) {
    }

    /** The newest sealed entry: what information governance keeps outside the database. */
    @Schema(name = "AuditChainHead", description = "The newest sealed entry of the audit trail's keyed chain. Kept"
            + " outside the database, it shows later whether the trail was cut short or rewritten: the entry of"
            + " that sequence must still carry that MAC.")
    public record Head(@Schema(minimum = "1", maximum = Bounds.LONG_MAX) long entryId,
            @Schema(minimum = "1", maximum = Bounds.LONG_MAX) long sealSeq,
            @Schema(description = "Its seal: HMAC-SHA256 (or, for an entry sealed before the chain was keyed, SHA-256),"
                    + " 64 hex digits", pattern = "^[0-9a-f]{64}$", maxLength = 64) String mac,
            ChainSeal algorithm, Instant exportedAt) {
    }

    void onStart(@Observes StartupEvent event) {
        key(); // fails the start-up when the key is missing
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

    private byte[] key() {
        if (key == null) {
            key = ChainSeal.key(chainKey);
        }
        return key;
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
                return sealOpen(c, last(c));
            }
        });
    }

    /** Where the chain ends: its last seal, and the audit.chain-keyed entry just written if that seal was unkeyed. */
    private record End(long seq, String prev, long keyedEntry) {
    }

    private End last(Connection c) throws SQLException {
        try (PreparedStatement last = c.prepareStatement("select seal_seq, hash, seal_alg from audit_entry"
                + " where seal_seq is not null order by seal_seq desc limit 1");
                ResultSet rs = last.executeQuery()) {
            if (!rs.next()) {
                return new End(0, GENESIS, -1);
            }
            boolean unkeyed = rs.getInt(3) == ChainSeal.SHA256.version();
            return new End(rs.getLong(1), rs.getString(2), unkeyed ? writeKeyedEntry(c, rs.getLong(1)) : -1);
        }
    }

    private int sealOpen(Connection c, End end) throws SQLException {
        long seq = end.seq();
        String prev = end.prev();
        List<Long> ids = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<String> prevs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        // the audit.chain-keyed entry first: its MAC pins the last unkeyed hash
        try (PreparedStatement open = c.prepareStatement("select " + COLUMNS
                + " from audit_entry where hash is null order by (id = ?) desc, id limit " + BATCH)) {
            open.setLong(1, end.keyedEntry());
            try (ResultSet rs = open.executeQuery()) {
                while (rs.next()) {
                    String hash = ChainSeal.HMAC_SHA256.seal(key(), content(prev, rs));
                    ids.add(rs.getLong("id"));
                    seqs.add(++seq);
                    prevs.add(prev);
                    hashes.add(hash);
                    prev = hash;
                }
            }
        }
        if (!ids.isEmpty()) {
            // one statement for the whole batch, not one a row
            try (PreparedStatement update = c.prepareStatement("update audit_entry a set seal_seq = v.seq,"
                    + " prev_hash = v.prev, hash = v.hash, seal_alg = ? from unnest(?, ?, ?, ?)"
                    + " as v(id, seq, prev, hash) where a.id = v.id")) {
                update.setInt(1, ChainSeal.HMAC_SHA256.version());
                update.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                update.setArray(3, c.createArrayOf("bigint", seqs.toArray()));
                update.setArray(4, c.createArrayOf("text", prevs.toArray()));
                update.setArray(5, c.createArrayOf("text", hashes.toArray()));
                update.executeUpdate();
            }
        }
        return ids.size();
    }

    /** The entry that starts the keyed chain after unkeyed entries; returns its id. */
    private static long writeKeyedEntry(Connection c, long lastUnkeyedSeq) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into audit_entry (actor, roles, action, detail)"
                + " values ('system', '', ?, ?) returning id")) {
            insert.setString(1, KEYED);
            insert.setString(2, "entries up to seal " + lastUnkeyedSeq + " were sealed unkeyed (SHA-256); from here"
                    + " each is sealed with HMAC-SHA256 under " + ChainSeal.CONFIG_KEY);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                LOG.infof("The audit chain is keyed from here on: entries up to seal %d were sealed unkeyed",
                        lastUnkeyedSeq);
                return rs.getLong(1);
            }
        }
    }

    /** Walks the chain from the oldest sealed row left and recomputes every seal. */
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor, not the whole trail in memory
            Walked walked = walk(c);
            long unsealed;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where hash is null");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                unsealed = rs.getLong(1);
            }
            c.commit();
            if (walked.brokenSeq() != null) {
                LOG.errorf("The audit trail's hash chain is broken at entry %d (seal %d)", walked.brokenId(),
                        walked.brokenSeq());
            }
            return new Verification(walked.sealed(), unsealed, walked.brokenSeq() == null, walked.brokenSeq(),
                    walked.brokenId(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the audit trail", e);
        }
    }

    /** What a walk of the chain found: the sealed rows, and the first that breaks it (null when none does). */
    private record Walked(long sealed, Long brokenSeq, Long brokenId) {
    }

    private Walked walk(Connection c) throws SQLException {
        long sealed = 0;
        Long brokenSeq = null;
        Long brokenId = null;
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + ", seal_seq, prev_hash, hash,"
                + " seal_alg from audit_entry where seal_seq is not null order by seal_seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                Walk walk = new Walk();
                while (rs.next()) {
                    sealed++;
                    if (brokenSeq == null && !walk.holds(rs)) {
                        brokenSeq = rs.getLong("seal_seq");
                        brokenId = rs.getLong("id");
                    }
                }
                if (brokenSeq == null && walk.lastUnkeyed()) {
                    // unkeyed entries not followed by the keyed chain: relabelled, or not sealed since the upgrade
                    brokenSeq = walk.lastSeq;
                    brokenId = walk.lastId;
                }
            }
        }
        return new Walked(sealed, brokenSeq, brokenId);
    }

    /** The chain's rules, row by row in seal order. */
    private final class Walk {
        String expectedPrev;
        long expectedSeq = -1;
        ChainSeal previous;
        long lastSeq;
        long lastId;

        boolean holds(ResultSet rs) throws SQLException {
            long seq = rs.getLong("seal_seq");
            String prev = rs.getString("prev_hash");
            ChainSeal alg = ChainSeal.of(rs.getInt("seal_alg"));
            boolean linked = expectedPrev == null || (seq == expectedSeq && prev.equals(expectedPrev));
            // unkeyed only before the keyed chain, which starts with the sealer's own entry
            boolean inOrder = alg != null && !(alg == ChainSeal.SHA256 && previous == ChainSeal.HMAC_SHA256)
                    && !(alg == ChainSeal.HMAC_SHA256 && previous == ChainSeal.SHA256
                            && !KEYED.equals(rs.getString("action")));
            boolean sealedSo = alg != null && alg.seal(key(), content(prev, rs)).equals(rs.getString("hash"));
            expectedPrev = rs.getString("hash");
            expectedSeq = seq + 1;
            previous = alg;
            lastSeq = seq;
            lastId = rs.getLong("id");
            return linked && inOrder && sealedSo;
        }

        boolean lastUnkeyed() {
            return previous == ChainSeal.SHA256;
        }
    }

    /** The newest sealed entry, or empty when nothing is sealed yet. */
    public Optional<Head> head() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, seal_seq, hash, seal_alg from audit_entry"
                        + " where seal_seq is not null order by seal_seq desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), ChainSeal.of(rs.getInt(4)),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain's head", e);
        }
    }

    private static final String COLUMNS = "id, at, actor, roles, organisation, action, referral_id, detail";

    /** What a seal covers: the previous seal and the row's content, each field length-prefixed. */
    static String content(String prev, ResultSet rs) throws SQLException {
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
        return content.toString();
    }

    private static void field(StringBuilder content, String value) {
        content.append('|').append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
    }
}
