package org.frontdoor.triage.queue;

import static org.frontdoor.triage.Triage.contactAbout;
import static org.frontdoor.triage.Triage.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.TriageQueued;
import org.junit.jupiter.api.Test;

/**
 * A run of received contacts is queued set-based: the same few statements whatever the run's size, and the same
 * rows and events as one contact at a time would leave, once.
 */
@QuarkusTest
class TriageIntakeRunTest {

    @Inject
    TriageIntake intake;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRunOfContactsIsQueuedInTheSameStatementsWhateverItsSize() throws Exception {
        List<ReferralReceived> one = List.of(referral(Instant.now(), List.of("POOR_ATTENDANCE"), false, "Amy", "Ben"));
        List<ReferralReceived> six = IntStream.range(0, 6).mapToObj(i -> referral(Instant.now(),
                List.of("POOR_ATTENDANCE", "BULLYING"), i % 3 == 0, "Cai" + i, "Dee" + i)).toList();

        List<String> forOne = queue(one);
        List<String> forSix = queue(six);

        // the contacts, the index of children, the open cases, the characteristics, then the items with their
        // history and audit entries (the triage.queued events go in one more statement, through the outbox)
        assertEquals(5, forOne.size(), String.join("\n", forOne));
        assertEquals(forOne, forSix);
        List<UUID> ids = six.stream().map(ReferralReceived::referralId).toList();
        assertEquals(12, count("select count(*) from triage_item where referral_id = any(?)", ids));
        assertEquals(12, count("select count(*) from triage_history h join triage_item i on i.id = h.subject_id"
                + " where i.referral_id = any(?) and h.action = 'RECEIVED' and h.actor = 'triage-service'", ids));
        assertEquals(12, count("select count(*) from audit_entry where referral_id = any(?)"
                + " and action = 'triage-item.created' and actor = 'system'", ids));
        assertEquals(12, count("select count(*) from child_characteristics c join triage_item i"
                + " on i.child_key = c.child_key where i.referral_id = any(?) and c.sex = 'F'", ids));
        // one event a child, in the run's order: contact by contact, each contact's children in turn
        List<TriageQueued> queued = queued(ids);
        List<UUID> expected = new ArrayList<>();
        six.forEach(r -> r.children().forEach(c -> expected.add(c.childId())));
        assertEquals(expected, queued.stream().map(TriageQueued::childId).toList());
        assertEquals(List.of("RED", "RED", "GREEN", "GREEN", "GREEN", "GREEN", "RED", "RED", "GREEN", "GREEN",
                "GREEN", "GREEN"), queued.stream().map(TriageQueued::priority).toList());
    }

    @Test
    void contactsReceivedAgainChangeNothing() throws Exception {
        List<ReferralReceived> run = List.of(referral(Instant.now(), List.of(), false, "Eve"),
                referral(Instant.now(), List.of(), false, "Fin", "Gus"));
        queue(run);

        // a replay under other event ids, one of them twice in the run
        List<String> again = queue(List.of(run.get(1), run.get(0), run.get(1)));

        assertEquals(1, again.size(), String.join("\n", again));
        List<UUID> ids = run.stream().map(ReferralReceived::referralId).toList();
        assertEquals(3, count("select count(*) from triage_item where referral_id = any(?)", ids));
        assertEquals(3, queued(ids).size());
        assertEquals(3, count("select count(*) from audit_entry where referral_id = any(?)", ids));
    }

    @Test
    void aChildInTwoContactsOfOneRunIsQueuedForEachAndItsRecordWrittenInTurn() throws Exception {
        ReferralReceived first = referral(Instant.now(), List.of(), false, "Hal");
        ReferralReceived second = contactAbout(first.children().get(0), List.of("DOMESTIC_ABUSE"), true,
                new ReferralReceived.PriorInvolvement(1, false, null, null, null, 1));

        List<String> statements = queue(List.of(first, second));

        // the child's index record and characteristics once more each: one statement cannot change a row twice
        assertEquals(7, statements.size(), String.join("\n", statements));
        UUID key = first.children().get(0).knownChildId();
        assertEquals(2, count("select count(*) from triage_item where child_key = ?", List.of(key)));
        assertEquals(1, count("select count(*) from child_characteristics where child_key = ?", List.of(key)));
        assertEquals(List.of("GREEN"), queued(List.of(first.referralId())).stream().map(TriageQueued::priority)
                .toList());
        assertEquals(List.of("RED"), queued(List.of(second.referralId())).stream().map(TriageQueued::priority)
                .toList());
    }

    /** Queues the run in a transaction of its own, as the inbox does; the statements Hibernate prepared. */
    private List<String> queue(List<ReferralReceived> run) {
        return StatementLog.during(() -> QuarkusTransaction.requiringNew().run(() -> intake.received(run)));
    }

    private List<TriageQueued> queued(List<UUID> referralIds) throws SQLException {
        List<TriageQueued> queued = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload from outbox_event where event_type = 'triage.queued' and message_key = any(?)"
                        + " order by id")) {
            ps.setArray(1, c.createArrayOf("text", referralIds.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    queued.add(EventJson.read(rs.getString(1)).payloadAs(TriageQueued.class));
                }
            }
        }
        return queued;
    }

    /** A count, its one parameter a list of ids (an array) or, with a list of one, that id. */
    private long count(String sql, List<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            } else {
                ps.setObject(1, ids.get(0));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
