package org.frontdoor.triage.messaging;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.queued;
import static org.frontdoor.triage.Triage.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.junit.jupiter.api.Test;

/** referral.erased (retention, decided by intake): triage deletes its items, checks, history and the case. */
@QuarkusTest
class RecordErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anErasedContactLeavesNothingBehindInTriageAndARepeatChangesNothing() throws Exception {
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police", "POLICE", "6");
        String item = queued(List.of("SIGNS_OF_NEGLECT"), false);
        UUID referral = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + item).path("referralId"));
        UUID child = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + item).path("childId"));
        UUID childKey = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + item).path("childKey"));
        assertEquals(1, count("child_record where child_key = '" + childKey + "'"), "the child is in the index");
        as(WORKER).body("""
                {"organisation": "south-yorkshire-police", "contactName": "DC R. Hughes",
                 "checkedAt": "2026-01-05T11:30:00Z", "findings": "Known to police."}""")
                .post("/api/v1/triage-items/" + item + "/checks").then().statusCode(201);
        String caseId = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200).extract().path("caseId");
        assertEquals(1, count("care_case where id = '" + caseId + "'"));

        EventEnvelope erased = EventEnvelope.of(EventType.REFERRAL_ERASED, referral,
                new ReferralErased(referral, List.of(child), "childrens-records", Instant.now()));
        send(erased);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("triage_referral where referral_id = '" + referral
                + "'") == 0);
        assertEquals(0, count("triage_item where referral_id = '" + referral + "'"));
        assertEquals(0, count("partner_check where triage_item_id = '" + item + "'"));
        assertEquals(0, count("triage_history where subject_id in ('" + item + "', '" + caseId + "')"));
        assertEquals(0, count("case_child where referral_id = '" + referral + "'"));
        assertEquals(0, count("care_case where id = '" + caseId + "'"), "the case had no other child");
        assertEquals(0, count("staff_alert where referral_id = '" + referral + "'"));
        assertEquals(0, count("child_record where child_key = '" + childKey + "'"), "no other contact names the child");
        assertEquals(1, count("audit_entry where action = 'referral.erased' and referral_id = '" + referral + "'"));

        send(EventEnvelope.of(EventType.REFERRAL_ERASED, referral,
                new ReferralErased(referral, List.of(child), "childrens-records", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("audit_entry where action = 'referral.erased'"
                + " and referral_id = '" + referral + "'") == 2);
        as(WORKER).get("/api/v1/triage-items/" + item).then().statusCode(404);
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
