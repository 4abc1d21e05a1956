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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The intake ceiling's second figure: the statements {@code ReferralService.submit} issues for one referral, with the
 * same SQL, the same parameters and the same order (the idempotency claim with its answer, one look-up of every
 * child's keys, each new child recorded with its keys, the referral, its children in one batch, the timeline entry,
 * the two outbox events, the audit entry), by plain JDBC in one transaction, into a database built by the referral
 * service's own migrations. What is left is what the service adds: HTTP, JSON, validation, tokens and Hibernate.
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

    /** One referral of 1 to 3 new children (the load generator's mix), as intake writes it. */
    static void referral(Connection c) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        UUID referralId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        int children = 1 + r.nextInt(3);
        String surname = "Bench" + Long.toString(r.nextLong(1L << 40), 36);
        List<String[]> keys = new ArrayList<>();
        List<UUID> childIds = new ArrayList<>();
        List<String> nhs = new ArrayList<>();
        List<LocalDate> births = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            childIds.add(UUID.randomUUID());
            nhs.add(Referrals.nhs(r));
            births.add(LocalDate.of(2009 + r.nextInt(16), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            keys.add(new String[] { "nhs:" + nhs.get(i), "demo:" + surname.toUpperCase() + "|AMY|" + births.get(i) + "|DN11AA" });
        }
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_record (scope, idem_key, request_hash,"
                + " referral_id, response, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, "hillside-primary");
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, "9f2c4e1b7a3d5f60e8b2c4d6a1f3e5b7c9d0e2f4a6b8c1d3e5f7a9b0c2d4e6f8");
            ps.setObject(4, referralId);
            ps.setString(5, "{\"referralId\":\"" + referralId + "\",\"receivedAt\":\"" + now.toInstant()
                    + "\",\"status\":\"RECEIVED\",\"acknowledgementDueBy\":\"" + now.toInstant()
                    + "\",\"externalReference\":\"HPS-1\",\"children\":[" + String.join(",", childIds.stream()
                            .map(id -> "{\"position\":0,\"childId\":\"" + id + "\"}").toList()) + "]}");
            ps.setTimestamp(6, now);
            ps.executeUpdate();
        }
        // one look-up for every key of every child (Hibernate expands the list into one placeholder a key)
        List<String> all = keys.stream().flatMap(Stream::of).toList();
        try (PreparedStatement ps = c.prepareStatement("select match_key, known_child_id from child_identity where"
                + " match_key in (" + String.join(",", java.util.Collections.nCopies(all.size(), "?")) + ")")) {
            for (int i = 0; i < all.size(); i++) {
                ps.setString(i + 1, all.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            UUID id = UUID.randomUUID();
            known.add(id);
            try (PreparedStatement ps = c.prepareStatement("with child as (insert into known_child (id, created_at)"
                    + " values (?, ?) returning id) insert into child_identity (match_key, known_child_id)"
                    + " select k, child.id from child, unnest(cast(? as text[])) as k on conflict do nothing"
                    + " returning match_key")) {
                ps.setObject(1, id);
                ps.setTimestamp(2, now);
                ps.setArray(3, c.createArrayOf("text", keys.get(i)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
        }
        // Hibernate's inserts: every mapped column, in its (alphabetical) order
        try (PreparedStatement ps = c.prepareStatement("insert into referral (acknowledgement_due_by,concern_summary,"
                + "consent_given,external_reference,family_aware,household_members,immediate_risk,indicators,"
                + "organisation_id,organisation_name,reason_without_consent,received_at,referrer_email,referrer_kind,"
                + "referrer_name,referrer_phone,referrer_role,source_code,status,submitted_by,submitted_role,id)"
                + " values (?,?,?,?,?,cast(? as jsonb),?,cast(? as jsonb),?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 0;
            ps.setTimestamp(++i, now);
            ps.setString(++i, "Arrived hungry most days this term; attendance has fallen to 81%. Seen with bruising"
                    + " once, explained as a fall.");
            ps.setBoolean(++i, true);
            ps.setString(++i, "HPS-" + r.nextInt(1_000_000));
            ps.setBoolean(++i, true);
            ps.setString(++i, "[{\"name\":\"Carol " + surname + "\",\"relationship\":\"mother\"}]");
            ps.setBoolean(++i, false);
            ps.setString(++i, "[\"POOR_ATTENDANCE\",\"SIGNS_OF_NEGLECT\"]");
            ps.setString(++i, "hillside-primary");
            ps.setString(++i, "Hillside Primary School");
            ps.setString(++i, null);
            ps.setTimestamp(++i, now);
            ps.setString(++i, "dsl@hillside.example");
            ps.setString(++i, "PROFESSIONAL");
            ps.setString(++i, "J. Patel");
            ps.setString(++i, null);
            ps.setString(++i, "Designated Safeguarding Lead");
            ps.setString(++i, "2A");
            ps.setString(++i, "RECEIVED");
            ps.setString(++i, "hillside-primary");
            ps.setString(++i, "partner");
            ps.setObject(++i, referralId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into referral_child (address_line1,address_line2,"
                + "became_referral,care_leaver,case_closed_at,contacts_last_12_months,date_of_birth,decided_at,"
                + "expected_date_of_birth,first_name,gender,known_child_id,last_name,level,nhs_number,open_case_id,"
                + "open_case_pathway,outcome,position,postcode,postcode_key,re_referral,referral_id,referral_date,"
                + "referrals_last_12_months,referrer_feedback,same_day_first_referral_id,school,sharing_consent,"
                + "sharing_consent_recorded_at,sharing_consent_recorded_by,status,surname_key,town,young_adult,id)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int c2 = 0; c2 < children; c2++) {
                int i = 0;
                ps.setString(++i, (1 + r.nextInt(200)) + " High St");
                ps.setString(++i, null);
                ps.setBoolean(++i, false);
                ps.setBoolean(++i, false);
                ps.setTimestamp(++i, null);
                ps.setInt(++i, 0);
                ps.setObject(++i, births.get(c2));
                ps.setTimestamp(++i, null);
                ps.setObject(++i, null, java.sql.Types.DATE);
                ps.setString(++i, "Amy");
                ps.setString(++i, "F");
                ps.setObject(++i, known.get(c2));
                ps.setString(++i, surname);
                ps.setObject(++i, null, java.sql.Types.INTEGER);
                ps.setString(++i, nhs.get(c2));
                ps.setObject(++i, null, java.sql.Types.OTHER);
                ps.setString(++i, null);
                ps.setString(++i, null);
                ps.setInt(++i, c2);
                ps.setString(++i, "DN1 1AA");
                ps.setString(++i, "DN11AA");
                ps.setBoolean(++i, false);
                ps.setObject(++i, referralId);
                ps.setObject(++i, null, java.sql.Types.DATE);
                ps.setInt(++i, 0);
                ps.setString(++i, null);
                ps.setObject(++i, null, java.sql.Types.OTHER);
                ps.setString(++i, "Hillside Primary School");
                ps.setString(++i, "NOT_RECORDED");
                ps.setTimestamp(++i, null);
                ps.setString(++i, null);
                ps.setString(++i, "RECEIVED");
                ps.setString(++i, surname.toUpperCase());
                ps.setString(++i, "Doncaster");
                ps.setBoolean(++i, false);
                ps.setObject(++i, childIds.get(c2));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into timeline_entry (child_id,detail,kind,occurred_at,"
                + "referral_id,source_event_id,summary) values (?,cast(? as jsonb),?,?,?,?,?) returning id")) {
            ps.setObject(1, null, java.sql.Types.OTHER);
            ps.setString(2, "{}");
            ps.setString(3, "RECEIVED");
            ps.setTimestamp(4, now);
            ps.setObject(5, referralId);
            ps.setObject(6, null, java.sql.Types.OTHER);
            ps.setString(7, "Contact received");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
        // referral.received (the whole contact, for triage) and its slim twin for the notification service
        String[][] events = { { "referral-events", "referral.received", Referrals.body() },
                { "referral-notices", "referral.logged", "{\"referralId\":\"" + referralId + "\",\"receivedAt\":\""
                        + now.toInstant() + "\",\"sourceCode\":\"2A\",\"organisationId\":\"hillside-primary\","
                        + "\"referrerEmail\":\"dsl@hillside.example\",\"children\":[{\"childId\":\"" + childIds.get(0)
                        + "\",\"position\":0}]}" } };
        for (String[] e : events) {
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, topic, message_key,"
                    + " event_type, payload, trace_parent) values (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, e[0]);
                ps.setString(3, referralId.toString());
                ps.setString(4, e[1]);
                ps.setString(5, e[2]);
                ps.setString(6, null);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into audit_entry (actor, roles, organisation, action,"
                + " referral_id, detail) values (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, "hillside-primary");
            ps.setString(2, "partner");
            ps.setString(3, "hillside-primary");
            ps.setString(4, "referral.submitted");
            ps.setObject(5, referralId);
            ps.setString(6, children + " child(ren), source 2A");
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
