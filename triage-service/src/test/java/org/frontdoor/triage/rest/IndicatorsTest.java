package org.frontdoor.triage.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.contactAbout;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.testsupport.KafkaProbe;
import org.frontdoor.triage.Triage.Item;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the partnership's indicators: each figure of a month (and its year to date) from the work done in it,
 * against its configured target with red, amber or green. The service stands on Wednesday 20 November 2024, a
 * month no other test works in.
 */
@QuarkusTest
class IndicatorsTest {

    static final Instant NOW = Instant.parse("2024-11-20T10:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void standInNovember2024() {
        QuarkusMock.installMockForType(Triage.StandingClock.at(NOW), Clock.class);
    }

    @Test
    void eachIndicatorIsWorkedOutAndJudgedAgainstItsTarget() throws Exception {
        // decided within a working day of the contact: four of five
        Item nfa = contact("2024-11-19T15:00:00Z", List.of(), "2016-04-02", null, "F");
        decide(nfa, decision(1, "NO_FURTHER_ACTION", null));
        decide(contact("2024-11-19T15:10:00Z", List.of(), "2015-04-02", null, "M"), decision(1, "NO_FURTHER_ACTION",
                null));
        decide(contact("2024-11-11T10:00:00Z", List.of(), "2014-04-02", null, "M"), decision(1, "NO_FURTHER_ACTION",
                null)); // nine days on: late
        // two referrals, one of them a re-referral; an assessment on time, a conference on time
        Item referral = contact("2024-11-19T17:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2013-01-01", null, "F");
        String referralCase = decide(referral, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        String assessment = as(WORKER).body("{\"startedOn\": \"2024-11-19\"}")
                .post("/api/v1/triage-items/" + referral.id() + "/assessments").then().statusCode(201)
                .extract().path("id");
        as(MANAGER).body("{\"startedOn\": \"2024-11-19\", \"authorisedOn\": \"2024-11-20\", \"factors\": [\"21\"]}")
                .put("/api/v1/assessments/" + assessment).then().statusCode(200);
        as(MANAGER).body("{\"reasonCode\": \"RC8\", \"summary\": \"No needs found.\"}")
                .post("/api/v1/cases/" + referralCase + "/close").then().statusCode(200);
        Item reReferral = contactAbout(referral, "2024-11-20T09:00:00Z"); // a day after the referral
        decide(reReferral, decision(4, "STRATEGY_DISCUSSION", "N1"));
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2024-11-20\"}")
                .post("/api/v1/triage-items/" + reReferral.id() + "/section47-enquiries").then().statusCode(201)
                .extract().path("id");
        as(WORKER).body("{\"strategyDiscussionOn\": \"2024-11-20\", \"icpcOn\": \"2024-11-20\","
                + " \"planStartedOn\": \"2024-11-20\", \"planCategory\": \"PHY\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200);
        // two early help cases, one stepped up to social care
        String steppedUp = decide(contact("2024-11-19T15:30:00Z", List.of("SIGNS_OF_NEGLECT"), "2012-02-02", null,
                "F"), decision(3, "EARLY_HELP_TARGETED", null));
        decide(contact("2024-11-19T15:40:00Z", List.of("SIGNS_OF_NEGLECT"), "2011-02-02", null, "M"),
                decision(3, "EARLY_HELP_TARGETED", null));
        as(MANAGER).body("{\"direction\": \"UP\", \"pathway\": \"SOCIAL_CARE\", \"rationale\": \"New disclosure.\"}")
                .post("/api/v1/cases/" + steppedUp + "/step").then().statusCode(200);
        // referrers told the outcome: one on time, one late, one never
        UUID told = UUID.randomUUID();
        report(EventType.NOTIFICATION_SENT, told, "2024-11-15T17:00:00Z", "2024-11-14T09:00:00Z");
        report(EventType.NOTIFICATION_SENT, told, "2024-11-15T17:00:00Z", "2024-11-18T09:00:00Z");
        report(EventType.NOTIFICATION_FAILED, told, "2024-11-15T17:00:00Z", "2024-11-16T09:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("feedback_delivery where referral_id = '" + told
                + "'") == 3);

        JsonPath report = as(MANAGER).queryParam("month", "2024-11").get("/api/v1/triage/indicators").then()
                .statusCode(200).body("monthFrom", equalTo("2024-11-01")).body("yearFrom", equalTo("2024-04-01"))
                .extract().jsonPath();
        figure(report, "CONTACTS", 7.0, null, "2A", 7);
        figure(report, "REFERRALS", 2.0, null, "2A", 2);
        share(report, "DECIDED_WITHIN_ONE_WORKING_DAY", 6, 7, 85.7, "RED"); // 95 target, 5 tolerance
        share(report, "RE_REFERRALS", 1, 2, 50.0, "RED"); // 22 target: lower is better
        share(report, "EARLY_HELP_STEP_UP", 1, 2, 50.0, "RED");
        share(report, "ASSESSMENTS_WITHIN_45_DAYS", 1, 1, 100.0, "GREEN");
        share(report, "ICPCS_WITHIN_15_DAYS", 1, 1, 100.0, "GREEN");
        share(report, "OUTCOME_TOLD_ON_TIME", 1, 3, 33.3, "RED");
        assertEquals(22.0, report.getDouble("indicators.find { it.code == 'RE_REFERRALS' }.target"));
        assertEquals("LOWER_IS_BETTER", report.getString("indicators.find { it.code == 'RE_REFERRALS' }.direction"));
        // the year to date (from 1 April 2024) holds the same work
        assertEquals(50.0, report.getDouble("indicators.find { it.code == 'RE_REFERRALS' }.yearToDate.value"));
        // a caseload is judged against the band: green to 13, amber to 16, red above
        double caseload = report.getDouble("indicators.find { it.code == 'CASELOAD_PER_WORKER' }.month.value");
        assertEquals(caseload <= 13 ? "GREEN" : caseload <= 16 ? "AMBER" : "RED",
                report.getString("indicators.find { it.code == 'CASELOAD_PER_WORKER' }.month.rag"));

        as(MANAGER).queryParam("month", "2024-13").get("/api/v1/triage/indicators").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        as(WORKER).get("/api/v1/triage/indicators").then().statusCode(403);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("frontdoor_indicator_target{indicator=\"re-referrals\"} 22.0"))
                .body(containsString("frontdoor_indicator_rag{indicator=\"re-referrals\",period=\"month\"}"));
    }

    private static void figure(JsonPath report, String code, double value, String rag, String source, long bySource) {
        String at = "indicators.find { it.code == '" + code + "' }.month";
        assertEquals(value, report.getDouble(at + ".value"), code);
        assertEquals(rag, report.getString(at + ".rag"), code);
        assertEquals(bySource, report.getLong(at + ".bySource.'" + source + "'"), code);
    }

    private static void share(JsonPath report, String code, long count, long of, double percent, String rag) {
        String at = "indicators.find { it.code == '" + code + "' }.month";
        assertEquals(count, report.getLong(at + ".count"), code + " count");
        assertEquals(of, report.getLong(at + ".of"), code + " of");
        assertEquals(percent, report.getDouble(at + ".value"), code + " %");
        assertEquals(rag, report.getString(at + ".rag"), code + " RAG");
    }

    /** What the notification service reports of an outcome message: due by, delivered (or failed) at. */
    private static void report(EventType type, UUID referralId, String dueBy, String at) throws Exception {
        EventEnvelope event = EventEnvelope.of(type, referralId, new NotificationOutcome(UUID.randomUUID(),
                referralId, UUID.randomUUID(), "OUTCOME", "WEBHOOK", "hillside-primary", Instant.parse(dueBy),
                Instant.parse(at), 1, type == EventType.NOTIFICATION_FAILED ? "RETRIES_EXHAUSTED" : null));
        KafkaProbe.send(Topics.NOTIFICATION_EVENTS, event.key(), EventJson.write(event));
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
