package org.frontdoor.notification;

import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.decided;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/** referral.erased on referral-notices (retention, decided by intake): every message and reference goes. */
@QuarkusTest
class RecordErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anErasedContactsMessagesAndReferencesAreDeleted() throws Exception {
        UUID referral = UUID.randomUUID();
        Scenario.Child child = child();
        EventEnvelope logged = received(referral, Instant.now(), "2A", "PROFESSIONAL", "hillside-primary",
                "dsl@hillside.example", "Arrived hungry.", child);
        send(logged);
        EventEnvelope outcome = decided(referral, child.childId(), 2, "INFORMATION_AND_ADVICE", "NONE",
                "Advice given to the family.");
        send(outcome);
        awaitConsumed(dataSource, logged);
        awaitConsumed(dataSource, outcome);
        assertEquals(1, count("referral_record where referral_id = '" + referral + "'"));
        assertTrue(count("notification where referral_id = '" + referral + "'") >= 1, "the acknowledgement at least");
        assertEquals(1, count("child_decision where referral_id = '" + referral + "'"));

        EventEnvelope erased = EventEnvelope.of(EventType.REFERRAL_ERASED, referral,
                new ReferralErased(referral, List.of(child.childId()), "contacts", Instant.now()));
        KafkaProbe.send(Topics.REFERRAL_NOTICES, erased.key(), EventJson.write(erased));
        awaitConsumed(dataSource, erased);

        for (String table : List.of("notification", "referral_record", "referral_record_child", "child_decision",
                "child_sharing")) {
            assertEquals(0, count(table + " where referral_id = '" + referral + "'"), table);
        }
        assertEquals(1, count("audit_entry where action = 'referral.erased' and referral_id = '" + referral + "'"));
    }

    private long count(String fromWhere) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + fromWhere);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
