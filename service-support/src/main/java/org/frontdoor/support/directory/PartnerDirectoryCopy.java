package org.frontdoor.support.directory;

import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.payload.PartnerChanged;
import org.frontdoor.support.inbox.InboxConsumer;
import org.frontdoor.support.problem.Problem.FieldError;

/**
 * A service's copy of the partner directory, fed by {@code partner.changed} from the compacted
 * {@code partner-events} topic (each service's {@code PartnerEventsHandler}), so that an organisation id given to
 * it (an agency checked, a professional's phone referral) is checked without calling the notification service.
 * Applying an event keeps the highest version seen, so redeliveries and replays from the start are harmless. Plain JDBC, enlisted in the caller's transaction like the outbox and the inbox.
 * Its table comes from the Flyway location {@code db/partner-copy}, which only the services with a copy list.
 */
@ApplicationScoped
public class PartnerDirectoryCopy extends InboxConsumer {

    /** An organisation as the copy knows it. */
    public record Partner(String id, String name, AgencyType agencyType, String cinSourceCode, boolean active) {
    }

    static final String CONSUMER = "partner-directory-copy";

    /**
     * How long a look-up is reused. The partner gate and intake's source-code rule each ask for the caller's
     * organisation on every request, and the directory changes a few times a year: a change this replica applies is
     * seen at once (its entry is dropped when the applying transaction ends), one another replica applied within
     * this long, on top of the event's own way here.
     */
    static final Duration REUSE_FOR = Duration.ofSeconds(2);

    /** Bounds the memory of the look-ups kept: past it they are all forgotten, and read again as asked. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Looked(Optional<Partner> partner, long untilNanos) {
    }

    private final ConcurrentHashMap<String, Looked> recent = new ConcurrentHashMap<>();

    public PartnerDirectoryCopy() {
        super(CONSUMER, Topics.PARTNER_EVENTS);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * A batch of partner-events, through the inbox like any consumer's (a database outage is waited out, a
     * malformed record dead-lettered); other event types are skipped.
     */
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of(EventType.PARTNER_CHANGED.wireName(),
                e -> apply(PartnerChanged.from(e)));
    }

    /** Stores the organisation as it now stands, unless a later version is stored already. */
    public void apply(PartnerChanged changed) {
        String sql = """
                insert into partner_directory_copy (id, name, agency_type, cin_source_code, active, version)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, agency_type = excluded.agency_type,
                    cin_source_code = excluded.cin_source_code, active = excluded.active,
                    version = excluded.version, received_at = now()
                where partner_directory_copy.version < excluded.version""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, changed.id());
            ps.setString(2, changed.name());
            ps.setString(3, changed.agencyType().name());
            ps.setString(4, changed.cinSourceCode());
            ps.setBoolean(5, changed.active());
            ps.setLong(6, changed.version());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store partner " + changed.id(), e);
        }
        forget(changed.id());
    }

    /** Drops a look-up now and again when the transaction that changed the organisation ends. */
    private void forget(String id) {
        recent.remove(id);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    recent.remove(id);
                }
            });
        }
    }

    public Optional<Partner> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Looked seen = recent.get(id);
        if (seen != null && now - seen.untilNanos() < 0) {
            return seen.partner();
        }
        Optional<Partner> found = read(id);
        if (recent.size() >= MAX_REMEMBERED) {
            recent.clear();
        }
        recent.put(id, new Looked(found, now + REUSE_FOR.toNanos()));
        return found;
    }

    private Optional<Partner> read(String id) {
        String sql = "select id, name, agency_type, cin_source_code, active from partner_directory_copy where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Partner(rs.getString(1), rs.getString(2),
                        AgencyType.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read partner " + id, e);
        }
    }

    /** The active organisations, by name: what a form offers to choose from. */
    public List<Partner> active() {
        String sql = "select id, name, agency_type, cin_source_code, active from partner_directory_copy where active"
                + " order by name";
        List<Partner> found = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Partner(rs.getString(1), rs.getString(2), AgencyType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the partner directory", e);
        }
        return found;
    }

    /**
     * The active organisation {@code id} names, or an error on {@code field} added to {@code errors} (so a request
     * can name every bad field at once): an unknown or deactivated id is never taken as a new free-text recipient.
     */
    public Optional<Partner> requireActive(String id, String field, List<FieldError> errors) {
        Optional<Partner> found = find(id);
        if (found.isEmpty()) {
            errors.add(new FieldError(field, "is not an organisation of the partner directory (GET /api/v1/partners"
                    + " on the notification service lists them)"));
        } else if (!found.get().active()) {
            errors.add(new FieldError(field, "names " + found.get().name() + ", which is no longer active in the"
                    + " partner directory"));
            return Optional.empty();
        }
        return found;
    }
}
