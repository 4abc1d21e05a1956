package org.frontdoor.referral.domain;

import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.uniqueNhsNumber;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.frontdoor.support.retention.RetentionJob;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, retention of children's records: a contact that led to nothing is erased two years after it came,
 * a child's social care or early help record when the youngest child named is 25, never while a case is open;
 * each erasure is published so that triage and notification delete their part.
 */
@QuarkusTest
class RecordRetentionTest {

    @Inject
    ContactRetention contacts;

    @Inject
    ChildRecordRetention childrensRecords;

    @Inject
    RetentionJob job;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aContactThatLedToNothingIsErasedEverywhereAfterItsPeriodAndOthersAreKept() throws Exception {
        String nhs = uniqueNhsNumber();
        String nothingMore = contact(uniqueSurname(), null, "DECIDED", "2001-03-01");
        String sameChildOld = contact("Shared" + uniqueSurname().substring(4), nhs, "DECIDED", "2001-03-02");
        String sameChildRecent = contact("Shared" + uniqueSurname().substring(4), nhs, "DECIDED", null);
        String caseOpen = contact(uniqueSurname(), null, "CASE_OPEN", "2001-03-03");
        String referred = contact(uniqueSurname(), null, "REFERRED_TO_SOCIAL_CARE", "2001-03-04");
        String knownOnlyHere = value("select known_child_id::text from referral_child where referral_id = '"
                + nothingMore + "'");

        int erased = QuarkusTransaction.requiringNew().call(() -> contacts.prune(Instant.parse("2002-01-01T00:00:00Z")));

        assertTrue(erased >= 2, "erased " + erased);
        for (String gone : new String[] { nothingMore, sameChildOld }) {
            assertEquals(0, count("referral where id = '" + gone + "'"));
            assertEquals(0, count("referral_child where referral_id = '" + gone + "'"));
            assertEquals(0, count("timeline_entry where referral_id = '" + gone + "'"));
            // published for triage (referral-events) and notification (referral-notices), ids only
            assertEquals(2, count("outbox_event where event_type = 'referral.erased' and message_key = '" + gone
                    + "' and topic in ('referral-events', 'referral-notices')"));
            assertEquals(1, count("audit_entry where action = 'referral.erased' and referral_id = '" + gone + "'"));
        }
        assertEquals(0, count("known_child where id = '" + knownOnlyHere + "'"), "a child known only from it");
        assertEquals(1, count("referral where id = '" + sameChildRecent + "'"), "within its period");
        assertEquals(1, count("known_child k join referral_child c on c.known_child_id = k.id where c.referral_id = '"
                + sameChildRecent + "'"), "a child another contact names stays known");
        assertEquals(1, count("referral where id = '" + caseOpen + "'"), "a case is open: not a contact");
        assertEquals(1, count("referral where id = '" + referred + "'"), "a referral is kept to the 25th birthday");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> contacts.prune(
                Instant.parse("2002-01-01T00:00:00Z"))), "nothing left to erase");
    }

    @Test
    void aChildsRecordIsKeptUntilTheYoungestChildIs25AndNeverWhileACaseIsOpen() throws Exception {
        String grownUp = contact(uniqueSurname(), null, "CASE_CLOSED", "1990-01-01");
        setBirth(grownUp, "1970-06-01");
        String stillOpen = contact(uniqueSurname(), null, "CASE_OPEN", "1990-01-01");
        setBirth(stillOpen, "1970-06-01");
        String young = contact(uniqueSurname(), null, "CASE_CLOSED", "1990-01-01");

        long days = job.periodOf(childrensRecords).toDays();
        assertTrue(days == 9131 || days == 9132, "25 years, with their leap days: " + days);
        int erased = QuarkusTransaction.requiringNew().call(() -> childrensRecords.prune(
                Instant.parse("1995-06-02T00:00:00Z")));

        assertTrue(erased >= 1, "erased " + erased);
        assertEquals(0, count("referral where id = '" + grownUp + "'"), "born 1970: 25 in 1995");
        assertEquals(1, count("referral where id = '" + stillOpen + "'"), "a case still open");
        assertEquals(1, count("referral where id = '" + young + "'"), "born 2016");
        assertEquals(2, count("outbox_event where message_key = '" + grownUp + "' and payload like"
                + " '%\"retentionKind\":\"childrens-records\"%'"));
    }

    @Test
    void aMergedRecordIsKeptWhileTheChildsCaseIsOpenOnAnotherRecordAndItsRootOutlivesItsOwnContacts() throws Exception {
        String survivor = contact(uniqueSurname(), null, "CASE_CLOSED", "1990-01-01");
        setBirth(survivor, "1970-06-01");
        String duplicate = contact(uniqueSurname(), null, "CASE_CLOSED", "1990-01-01");
        setBirth(duplicate, "1970-06-01");
        String root = value("select known_child_id::text from referral_child where referral_id = '" + survivor + "'");
        String merged = value("select known_child_id::text from referral_child where referral_id = '" + duplicate
                + "'");
        // as child.merged leaves them, with a case open on the survivor's record (the child's case)
        update("update known_child set merged_into = '" + root + "', root_id = '" + root + "',"
                + " merge_id = gen_random_uuid() where id = '" + merged + "'");
        update("update known_child set open_case_id = gen_random_uuid() where id = '" + root + "'");

        QuarkusTransaction.requiringNew().call(() -> childrensRecords.prune(Instant.parse("1995-06-02T00:00:00Z")));
        assertEquals(1, count("referral where id = '" + duplicate + "'"), "the child's case is open");

        update("update known_child set open_case_id = null where id = '" + root + "'");
        QuarkusTransaction.requiringNew().call(() -> childrensRecords.prune(Instant.parse("1995-06-02T00:00:00Z")));
        assertEquals(0, count("referral where id in ('" + survivor + "', '" + duplicate + "')"));
        assertEquals(0, count("known_child where id = '" + merged + "'"));
        assertEquals(0, count("known_child where id = '" + root + "'"), "nothing counts under it any more");
    }

    /** A school's contact about one child, its children set to {@code status} and received on {@code receivedOn}. */
    private String contact(String surname, String nhs, String status, String receivedOn) throws Exception {
        String id = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");
        update("update referral_child set status = '" + status + "' where referral_id = '" + id + "'");
        if (receivedOn != null) {
            update("update referral set received_at = '" + receivedOn + "T10:00:00Z' where id = '" + id + "'");
        }
        return id;
    }

    private void setBirth(String referralId, String date) throws Exception {
        update("update referral_child set date_of_birth = '" + date + "' where referral_id = '" + referralId + "'");
    }

    private void update(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private long count(String fromWhere) throws Exception {
        return Long.parseLong(value("select count(*) from " + fromWhere));
    }

    private String value(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
