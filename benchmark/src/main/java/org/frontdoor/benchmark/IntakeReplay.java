package org.frontdoor.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The intake ceiling's second figure: the statements {@code ReferralService.submit} issues for one referral, with the
 * same SQL, the same parameters and the same order (the idempotency claim with its answer, one look-up of every
 * child's keys, the new children recorded with their keys in one statement, then one statement for the year's
 * reference counter, the referral, its children and its timeline entry ({@code IntakeQueries}), the two outbox
 * events in one statement, the audit entry), by plain JDBC in one transaction, into a
 * database built by the referral service's own migrations. What is left is what the service adds: HTTP, JSON,
 * validation, tokens and Hibernate.
 * When intake's statements change, this class changes with them; the benchmark counts both in {@code pg_stat_statements}
 * and prints the counts side by side.
 */
final class IntakeReplay {

    private IntakeReplay() {
    }

    /** Applies the referral service's migrations (its own, the shared ones) in Flyway's version order. */
    static void createSchema(Connection c, Path root) throws SQLException {
        List<Path> scripts = Stream.of("service-support/src/main/resources/db/support",
                "service-support/src/main/resources/db/partner-copy", "referral-service/src/main/resources/db/migration")
                .map(root::resolve)
                .flatMap(IntakeReplay::list)
                .sorted(Comparator.comparing(IntakeReplay::version, lexicographic()))
                .toList();
        try (Statement s = c.createStatement()) {
            for (Path script : scripts) {
                // the service runs as its owner here, as the local run does: no separate application role
                s.execute(read(script).replace("${app_role}", "none"));
            }
        }
    }

    /** One referral's own values, drawn at random: its id, its children's ids, NHS numbers, births and keys. */
    private record Drawn(UUID referralId, Timestamp now, String surname, List<UUID> childIds, List<String> nhs,
            List<LocalDate> births, List<String[]> keys) {

        static Drawn of(ThreadLocalRandom r) {
            int children = 1 + r.nextInt(3);
            String surname = "Bench" + Long.toString(r.nextLong(1L << 40), 36);
            List<UUID> childIds = new ArrayList<>();
            List<String> nhs = new ArrayList<>();
            List<LocalDate> births = new ArrayList<>();
            List<String[]> keys = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                childIds.add(UUID.randomUUID());
                nhs.add(Referrals.nhs(r));
                births.add(LocalDate.of(2009 + r.nextInt(16), 1 + r.nextInt(12), 1 + r.nextInt(28)));
                keys.add(new String[] { "nhs:" + nhs.get(i),
                    "demo:" + surname.toUpperCase() + "|AMY|" + births.get(i) + "|DN11AA" });
            }
            return new Drawn(UUID.randomUUID(), Timestamp.from(Instant.now()), surname, childIds, nhs, births, keys);
        }

        int children() {
            return childIds.size();
        }
    }

    /** One referral of 1 to 3 new children (the load generator's mix), as intake writes it. */
    static void referral(Connection c) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Drawn d = Drawn.of(r);
        claimIdempotencyKey(c, d);
        lookUpKeys(c, d);
        List<UUID> known = recordKnownChildren(c, d);
        IntakeReplayContact.record(c, d.referralId(), d.now(), d.surname(), d.childIds(), d.nhs(), d.births(), known,
                r);
        insertOutboxEvents(c, d);
        insertAuditEntry(c, d);
    }

    private static void claimIdempotencyKey(Connection c, Drawn d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_record (scope, idem_key, request_hash,"
                + " referral_id, response, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            SqlParams.bind(ps, "hillside-primary", UUID.randomUUID().toString(),
                    "9f2c4e1b7a3d5f60e8b2c4d6a1f3e5b7c9d0e2f4a6b8c1d3e5f7a9b0c2d4e6f8", d.referralId(),
                    storedAnswer(d), d.now());
            ps.executeUpdate();
        }
    }

    /** The answer intake keeps with the idempotency key, as its JSON. */
    private static String storedAnswer(Drawn d) {
        String children = String.join(",", d.childIds().stream()
                .map(id -> "{\"position\":0,\"childId\":\"" + id + "\"}").toList());
        return "{\"referralId\":\"" + d.referralId() + "\",\"receivedAt\":\"" + d.now().toInstant()
                + "\",\"status\":\"RECEIVED\",\"acknowledgementDueBy\":\"" + d.now().toInstant()
                + "\",\"externalReference\":\"HPS-1\",\"children\":[" + children + "]}";
    }

    /** One look-up for every key of every child (Hibernate expands the list into one placeholder a key). */
    private static void lookUpKeys(Connection c, Drawn d) throws SQLException {
        List<String> all = d.keys().stream().flatMap(Stream::of).toList();
        try (PreparedStatement ps = c.prepareStatement("select match_key, known_child_id from child_identity where"
                + " match_key in (" + String.join(",", Collections.nCopies(all.size(), "?")) + ")")) {
            SqlParams.bind(ps, all.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    /** Every new child with its keys, in one statement (KnownChildQueries.recordNew). */
    private static List<UUID> recordKnownChildren(Connection c, Drawn d) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < d.children(); i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            for (String key : d.keys().get(i)) {
                keys.add(key);
                owners.add(id.toString());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with children as (
                    insert into known_child (id, created_at) select id, ? from unnest(cast(? as uuid[])) as id)
                insert into child_identity (match_key, known_child_id)
                select k.match_key, k.known_child_id
                from unnest(cast(? as text[]), cast(? as uuid[])) with ordinality as k(match_key, known_child_id, n)
                order by n
                on conflict do nothing returning match_key, known_child_id""")) {
            ps.setTimestamp(1, d.now());
            ps.setArray(2, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            ps.setArray(3, c.createArrayOf("text", keys.toArray()));
            ps.setArray(4, c.createArrayOf("text", owners.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        return ids;
    }

    /** referral.received (the whole contact, for triage) and its slim twin for the notification service. */
    private static void insertOutboxEvents(Connection c, Drawn d) throws SQLException {
        String logged = "{\"referralId\":\"" + d.referralId() + "\",\"receivedAt\":\"" + d.now().toInstant()
                + "\",\"sourceCode\":\"2A\",\"organisationId\":\"hillside-primary\","
                + "\"referrerEmail\":\"dsl@hillside.example\",\"children\":[{\"childId\":\"" + d.childIds().get(0)
                + "\",\"position\":0}]}";
        String[][] events = { { "referral-events", "referral.received", Referrals.body() },
            { "referral-notices", "referral.logged", logged } };
        // Outbox.appendAll: both in one statement, in order
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, topic, message_key,"
                + " event_type, payload, trace_parent) select e.id, e.topic, e.msg_key, e.type, e.payload, ? from"
                + " unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as e(id, topic,"
                + " msg_key, type, payload, n) order by e.n")) {
            ps.setNull(1, java.sql.Types.VARCHAR);
            ps.setArray(2, c.createArrayOf("uuid", new Object[] { UUID.randomUUID(), UUID.randomUUID() }));
            ps.setArray(3, c.createArrayOf("text", Stream.of(events).map(e -> e[0]).toArray()));
            ps.setArray(4, c.createArrayOf("text", new Object[] { d.referralId().toString(),
                d.referralId().toString() }));
            ps.setArray(5, c.createArrayOf("text", Stream.of(events).map(e -> e[1]).toArray()));
            ps.setArray(6, c.createArrayOf("text", Stream.of(events).map(e -> e[2]).toArray()));
            ps.executeUpdate();
        }
    }

    private static void insertAuditEntry(Connection c, Drawn d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_entry (actor, roles, organisation, action,"
                + " referral_id, detail) values (?, ?, ?, ?, ?, ?)")) {
            SqlParams.bind(ps, "hillside-primary", "partner", "hillside-primary", "referral.submitted",
                    d.referralId(), d.children() + " child(ren), source 2A");
            ps.executeUpdate();
        }
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's order: V0_1 before V0_10 before V1. */
    private static List<Integer> version(Path script) {
        String name = script.getFileName().toString();
        return Stream.of(name.substring(1, name.indexOf("__")).split("_")).map(Integer::valueOf).toList();
    }

    private static Comparator<List<Integer>> lexicographic() {
        return (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int d = Integer.compare(a.get(i), b.get(i));
                if (d != 0) {
                    return d;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
