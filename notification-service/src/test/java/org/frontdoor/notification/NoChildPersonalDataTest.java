package org.frontdoor.notification;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.awaitConsumed;
import static org.frontdoor.notification.Scenario.consentRecorded;
import static org.frontdoor.notification.Scenario.decided;
import static org.frontdoor.notification.Scenario.logged;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.testsupport.KafkaProbe;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, data minimisation (architecture.md, "Personal data per service"): after a referral's whole life goes
 * through this service (acknowledgement, outcomes, a young adult's consent, a step and a closure), neither its
 * database nor any topic it reads or writes holds a child's name, date of birth, NHS number, address, household or
 * the concern text; nor does anything it stores or sends hold the worker's internal rationale of a step.
 */
@QuarkusTest
class NoChildPersonalDataTest {

    static final Duration WAIT = Duration.ofSeconds(45);

    /** Every topic this service reads or writes, with their dead-letter topics. */
    static final List<String> TOPICS = List.of(Topics.REFERRAL_NOTICES, Topics.deadLetterTopic(Topics.REFERRAL_NOTICES,
            "notification-service"), Topics.TRIAGE_EVENTS, Topics.deadLetterTopic(Topics.TRIAGE_EVENTS,
            "notification-service"), Topics.NOTIFICATION_EVENTS);

    static final String CONCERN = "Disclosed a distinctive-concern-phrase to her teacher";
    static final String RATIONALE = "Internal: mother's partner left, risk-rationale-phrase";
    static final String STEP_SUMMARY = "Targeted early help now leads; please keep sharing concerns.";

    /** What would name a child, or tell the concern, if it were stored or sent. */
    static final List<String> PERSONAL = List.of("Zebedee", "Ottoline", "Quixote-Marlowe", "2011-07-19",
            "19 July 2011", "2007-02-14", "14 February 2007", "9434765919", "4010232137", "Larkspur Close", "DN7 3QQ",
            "Saint Aldhelm", "Bartholomew", "distinctive-concern-phrase");

    /** Kept to the service's own records and what it sends: the step's rationale arrives on its input only. */
    static final List<String> PERSONAL_OR_INTERNAL = concat(PERSONAL, List.of("risk-rationale-phrase"));

    @Inject
    AgroalDataSource db;

    @Test
    void neitherTheDatabaseNorAnyTopicOfThisServiceHoldsAChildsPersonalData() throws Exception {
        String school = uniqueOrg("hillside");
        String police = uniqueOrg("police");
        UUID referralId = UUID.randomUUID();
        UUID zebedee = UUID.randomUUID();
        UUID ottoline = UUID.randomUUID();
        Instant receivedAt = Instant.now();
        try (WebhookReceiver referrer = WebhookReceiver.start(); WebhookReceiver agency = WebhookReceiver.start()) {
            subscribe(school, referrer);
            subscribe(police, agency);

            // the referral as referral-service sends it to this service: the same mapping from the full referral
            EventEnvelope logged = logged(fullReferral(referralId, receivedAt, school, zebedee, ottoline));
            send(logged);
            EventEnvelope decidedZ = decided(referralId, zebedee, 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                    "Thank you. An early help practitioner will contact the family this week.");
            EventEnvelope decidedO = decided(referralId, ottoline, 3, "EARLY_HELP_TARGETED", "EARLY_HELP",
                    "Thank you. The young person is offered support from the leaving care team.");
            send(decidedZ);
            send(decidedO);
            EventEnvelope consent = consentRecorded(referralId, ottoline, SharingConsentStatus.GIVEN);
            send(consent);
            UUID caseId = UUID.randomUUID();
            // as an older triage would send it, with the worker's rationale: it must go no further
            EventEnvelope stepped = EventEnvelope.of(EventType.CASE_STEPPED, referralId, new CaseEvent(caseId,
                    referralId, List.of(zebedee, ottoline), "EARLY_HELP", "eh-ed-walsh", "DOWN", RATIONALE, null,
                    STEP_SUMMARY, List.of(school, police), Instant.now(), "sw-ali-khan"));
            send(stepped);
            EventEnvelope closed = EventEnvelope.of(EventType.CASE_CLOSED, referralId, new CaseEvent(caseId,
                    referralId, List.of(zebedee, ottoline), "EARLY_HELP", "eh-ed-walsh", null, null, "RC9",
                    "Closed after assessment", List.of(school, police), Instant.now(), null));
            send(closed);
            for (EventEnvelope e : List.of(logged, decidedZ, decidedO, consent, stepped, closed)) {
                awaitConsumed(db, e);
            }

            // acknowledgement, 2 outcomes, and a step and a closure per child to the school and the police: all sent
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then().statusCode(200)
                    .body("items", hasSize(11)).body("items.status", everyItem(equalTo("SENT"))));
            await().atMost(WAIT).until(() -> Scenario.notificationEvents(referralId).size() >= 11);

            List<WebhookReceiver.Request> delivered = new ArrayList<>(referrer.requestsWith(referralId.toString()));
            delivered.addAll(agency.requestsWith(referralId.toString()));
            assertTrue(delivered.stream().anyMatch(r -> r.body().contains(STEP_SUMMARY)),
                    "partners are told the step's summary");
            for (WebhookReceiver.Request r : delivered) {
                assertNone("webhook " + r.header("webhook-id"), r.body(), PERSONAL_OR_INTERNAL);
                assertFalse(r.body().contains("\"rationale\""), "never the worker's rationale: " + r.body());
            }
        }

        List<String> scanned = scanDatabase(referralId);
        assertTrue(scanned.containsAll(List.of("notification", "referral_record", "referral_record_child",
                "child_sharing", "child_decision", "inbox_event", "outbox_event")), "every table: " + scanned);

        int records = 0;
        for (String topic : TOPICS) {
            // what it publishes holds no rationale either; its input may (an older triage's), it goes no further
            List<String> never = topic.equals(Topics.NOTIFICATION_EVENTS) ? PERSONAL_OR_INTERNAL : PERSONAL;
            for (ConsumerRecord<String, String> r : KafkaProbe.readAll(topic)) {
                assertNone(topic + " record at offset " + r.offset(), r.value(), never);
                assertNone(topic + " record key", r.key(), never);
                records += referralId.toString().equals(r.key()) ? 1 : 0;
            }
        }
        assertTrue(records >= 6 + 11, "the topics were read: " + records + " record(s) of the referral");
    }

    /**
     * Reads every column of every table of this service's schema (found in information_schema, so a table added
     * later is read too), each value as text whatever its type (a date column would show a date of birth).
     * Returns the tables read.
     */
    private List<String> scanDatabase(UUID referralId) throws Exception {
        List<String[]> columns = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select col.table_name, col.column_name"
                        + " from information_schema.columns col join information_schema.tables t"
                        + " on t.table_schema = col.table_schema and t.table_name = col.table_name"
                        + " where col.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
                        + " order by col.table_name, col.ordinal_position");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[] { rs.getString(1), rs.getString(2) });
            }
        }
        List<String> patterns = new ArrayList<>();
        PERSONAL_OR_INTERNAL.forEach(p -> patterns.add("%" + p.toLowerCase(Locale.ROOT) + "%"));
        List<String> tables = new ArrayList<>();
        long referralSeen = 0;
        try (Connection c = db.getConnection()) {
            Array needles = c.createArrayOf("text", patterns.toArray());
            for (String[] column : columns) {
                String table = column[0];
                if (!tables.contains(table)) {
                    tables.add(table);
                }
                String value = "lower(cast(\"" + column[1] + "\" as text))";
                try (PreparedStatement ps = c.prepareStatement("select " + value + " from \"" + table + "\" where "
                        + value + " like any (?)")) {
                    ps.setArray(1, needles);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            assertNone(table + "." + column[1], rs.getString(1), PERSONAL_OR_INTERNAL);
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("select count(*) from \"" + table + "\" where "
                        + value + " like ?")) {
                    ps.setString(1, "%" + referralId + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        referralSeen += rs.getLong(1);
                    }
                }
            }
        }
        assertTrue(referralSeen > 0, "the scan reads the values: the referral's id is found");
        return tables;
    }

    private static void assertNone(String where, String text, List<String> values) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String value : values) {
            assertFalse(lower.contains(value.toLowerCase(Locale.ROOT)), where + " holds \"" + value + "\": " + text);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A referral.received with everything a referral holds about two siblings, the younger under 18. */
    private static ReferralReceived fullReferral(UUID referralId, Instant receivedAt, String org, UUID zebedee,
            UUID ottoline) {
        ReferralReceived.Address home = new ReferralReceived.Address("7 Larkspur Close", null, "Doncaster", "DN7 3QQ");
        ReferralReceived.PriorInvolvement none = new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0);
        return new ReferralReceived(referralId, receivedAt, receivedAt.plusSeconds(86400),
                new ReferralReceived.Referrer("2A", "PROFESSIONAL", org, "Hillside Primary School", "J. Patel",
                        "Designated Safeguarding Lead", "dsl@hillside.example", "01632 960000", "HPS-2291"),
                new ReferralReceived.Submitter("hillside-system", "partner", org),
                List.of(new ReferralReceived.Child(zebedee, 0, UUID.randomUUID(), "Zebedee", "Quixote-Marlowe",
                        LocalDate.parse("2011-07-19"), null, "M", "9434765919", home, "Saint Aldhelm Academy", none,
                        false, false, SharingConsent.NOT_RECORDED),
                        new ReferralReceived.Child(ottoline, 1, UUID.randomUUID(), "Ottoline", "Quixote-Marlowe",
                                LocalDate.parse("2007-02-14"), null, "F", "4010232137", home, null, none, true, true,
                                SharingConsent.NOT_RECORDED)),
                List.of(new ReferralReceived.HouseholdMember("Bartholomew Quixote-Marlowe", "stepfather")),
                new ReferralReceived.Concerns(CONCERN, List.of("DOMESTIC_ABUSE"), false),
                new ReferralReceived.Consent(true, true, null));
    }

    @Test
    void theSlimEventIsWhatThisServiceReads() {
        assertEquals(Topics.REFERRAL_NOTICES, EventType.REFERRAL_LOGGED.topic());
        assertEquals(Topics.REFERRAL_NOTICES, EventType.REFERRAL_CONSENT_RECORDED.topic());
    }
}
