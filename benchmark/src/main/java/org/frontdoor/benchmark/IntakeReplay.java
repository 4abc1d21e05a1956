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
import org.frontdoor.benchmark.SqlParams.Null;

/**
 * The intake ceiling's second figure: the statements {@code ReferralService.submit} issues for one referral, with the
 * same SQL, the same parameters and the same order (the idempotency claim with its answer, one look-up of every
 * child's keys, each new child recorded with its keys, the year's reference counter, the referral, its children in one
 * batch, the timeline entry, the two outbox events, the audit entry), by plain JDBC in one transaction, into a
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
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < d.children(); i++) {
            known.add(recordKnownChild(c, d, i));
        }
        String reference = takeReference(c, d);
        insertReferral(c, d, r, reference);
        insertChildren(c, d, known, r);
        insertTimelineEntry(c, d);
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

    private static UUID recordKnownChild(Connection c, Drawn d, int child) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("with child as (insert into known_child (id, created_at)"
                + " values (?, ?) returning id) insert into child_identity (match_key, known_child_id)"
                + " select k, child.id from child, unnest(cast(? as text[])) as k on conflict do nothing"
                + " returning match_key")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, d.now());
            ps.setArray(3, c.createArrayOf("text", d.keys().get(child)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        return id;
    }

    /** The contact's human reference: the year's counter row, raised last before the writes (ContactReferences). */
    private static String takeReference(Connection c, Drawn d) throws SQLException {
        int year = d.now().toInstant().atZone(java.time.ZoneId.of("Europe/London")).getYear();
        try (PreparedStatement ps = c.prepareStatement("insert into contact_reference_counter (year, last_number)"
                + " values (?, 1) on conflict (year) do update"
                + " set last_number = contact_reference_counter.last_number + 1 returning last_number")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return String.format("FD-%d-%06d", year, rs.getInt(1));
            }
        }
    }

    // Hibernate's inserts: every mapped column, in its (alphabetical) order
    private static void insertReferral(Connection c, Drawn d, ThreadLocalRandom r, String reference)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into referral (acknowledgement_due_by,concern_summary,"
                + "consent_given,external_reference,family_aware,household_members,immediate_risk,indicators,"
                + "organisation_id,organisation_name,reason_without_consent,received_at,reference,referrer_email,"
                + "referrer_kind,referrer_name,referrer_phone,referrer_role,source_code,status,submitted_by,"
                + "submitted_role,id)"
                + " values (?,?,?,?,?,cast(? as jsonb),?,cast(? as jsonb),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            SqlParams.bind(ps, d.now(), "Arrived hungry most days this term; attendance has fallen to 81%. Seen with"
                    + " bruising once, explained as a fall.", true, "HPS-" + r.nextInt(1_000_000), true,
                    "[{\"name\":\"Carol " + d.surname() + "\",\"relationship\":\"mother\"}]", false,
                    "[\"POOR_ATTENDANCE\",\"SIGNS_OF_NEGLECT\"]", "hillside-primary", "Hillside Primary School",
                    Null.TEXT, d.now(), reference, "dsl@hillside.example", "PROFESSIONAL", "J. Patel", Null.TEXT,
                    "Designated Safeguarding Lead", "2A", "RECEIVED", "hillside-primary", "partner", d.referralId());
            ps.executeUpdate();
        }
    }

    private static void insertChildren(Connection c, Drawn d, List<UUID> known, ThreadLocalRandom r)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into referral_child (address_line1,address_line2,"
                + "became_referral,care_leaver,case_closed_at,contacts_last_12_months,date_of_birth,decided_at,"
                + "expected_date_of_birth,first_name,gender,known_child_id,last_name,level,nhs_number,open_case_id,"
                + "open_case_pathway,outcome,position,postcode,postcode_key,re_referral,referral_id,referral_date,"
                + "referrals_last_12_months,referrer_feedback,same_day_first_referral_id,school,sharing_consent,"
                + "sharing_consent_recorded_at,sharing_consent_recorded_by,status,surname_key,town,young_adult,id)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < d.children(); i++) {
                SqlParams.bind(ps, (1 + r.nextInt(200)) + " High St", Null.TEXT, false, false, Null.TIMESTAMP, 0,
                        d.births().get(i), Null.TIMESTAMP, Null.DATE, "Amy", "F", known.get(i), d.surname(),
                        Null.INTEGER, d.nhs().get(i), Null.UUID, Null.TEXT, Null.TEXT, i, "DN1 1AA", "DN11AA", false,
                        d.referralId(), Null.DATE, 0, Null.TEXT, Null.UUID, "Hillside Primary School",
                        "NOT_RECORDED", Null.TIMESTAMP, Null.TEXT, "RECEIVED", d.surname().toUpperCase(), "Doncaster",
                        false, d.childIds().get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertTimelineEntry(Connection c, Drawn d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into timeline_entry (child_id,detail,kind,occurred_at,"
                + "referral_id,source_event_id,summary) values (?,cast(? as jsonb),?,?,?,?,?) returning id")) {
            SqlParams.bind(ps, Null.UUID, "{}", "RECEIVED", d.now(), d.referralId(), Null.UUID, "Contact received");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    /** referral.received (the whole contact, for triage) and its slim twin for the notification service. */
    private static void insertOutboxEvents(Connection c, Drawn d) throws SQLException {
        String logged = "{\"referralId\":\"" + d.referralId() + "\",\"receivedAt\":\"" + d.now().toInstant()
                + "\",\"sourceCode\":\"2A\",\"organisationId\":\"hillside-primary\","
                + "\"referrerEmail\":\"dsl@hillside.example\",\"children\":[{\"childId\":\"" + d.childIds().get(0)
                + "\",\"position\":0}]}";
        String[][] events = { { "referral-events", "referral.received", Referrals.body() },
            { "referral-notices", "referral.logged", logged } };
        for (String[] e : events) {
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, topic, message_key,"
                    + " event_type, payload, trace_parent) values (?, ?, ?, ?, ?, ?)")) {
                SqlParams.bind(ps, UUID.randomUUID(), e[0], d.referralId().toString(), e[1], e[2], Null.TEXT);
                ps.executeUpdate();
            }
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
