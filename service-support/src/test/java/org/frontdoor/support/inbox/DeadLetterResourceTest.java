package org.frontdoor.support.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterResourceTest {

    private static final String TOPIC = "inbox-test-events";
    private static final String BASE = "/api/v1/ops/dead-letters";

    @Inject
    TestEventHandler handler;

    @Inject
    AgroalDataSource dataSource;

    private static String token(String role) {
        return DevJwtTestResource.tokens().token(role, "frontdoor");
    }

    @Test
    void opsListADeadLetterAndReplayItOnceItsFaultIsFixedAndItIsAppliedOnce() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId,
                Map.of("test", "broken-until-fixed", "childName", "Amy Example"));
        KafkaProbe.send(TOPIC, referralId.toString(), EventJson.write(event));

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(event.eventId()), l -> l != null);
        assertEquals("inbox-test-events.inbox-test.dlq", letter.get("topic"), "its consumer's own dead-letter topic");
        assertEquals(TOPIC, letter.get("originalTopic"));
        assertEquals("referral.received", letter.get("eventType"));
        assertEquals(referralId.toString(), letter.get("referralId"));
        assertEquals("the fault is not fixed yet", letter.get("reason"));
        assertEquals("java.lang.IllegalArgumentException", letter.get("failure"));
        assertEquals(null, letter.get("replayedAt"));
        String path = BASE + "/" + letter.get("topic") + "/" + letter.get("partition") + "/"
                + letter.get("offset");
        // ops see where and why, never the event's data
        given().auth().oauth2(token("ops")).get(path).then().statusCode(200)
                .body("eventId", equalTo(event.eventId().toString()))
                .body(org.hamcrest.Matchers.not(containsString("Amy")));
        assertEquals(0, effects(event.eventId()));

        // replayed before the fault is fixed: refused with the reason, and nothing recorded
        given().auth().oauth2(token("ops")).post(path + "/replay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("the fault is not fixed yet"));
        assertEquals(0, effects(event.eventId()));

        handler.fix(event.eventId());
        given().auth().oauth2(token("ops")).post(path + "/replay").then().statusCode(200)
                .body("replayedBy", equalTo("dev-ops"))
                .body("replayOutcome", equalTo("APPLIED"))
                .body("replayedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, effects(event.eventId()), "applied by the replay itself");

        // a second replay is refused, and the event stays applied once
        given().auth().oauth2(token("ops")).post(path + "/replay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already replayed"));
        Thread.sleep(1_000);
        assertEquals(1, effects(event.eventId()), "applied once");
        assertEquals(1, audited("dead-letter.replayed", referralId), "the replay is audited");
    }

    @Test
    void onlyOpsSeeDeadLettersAndAnUnknownOneIs404() {
        given().auth().oauth2(token("team-manager")).get(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(401);
        given().auth().oauth2(token("ops")).get(BASE + "/inbox-test-events.inbox-test.dlq/0/999999").then().statusCode(404)
                .contentType("application/problem+json");
        // a topic this service does not read is not its business
        given().auth().oauth2(token("ops")).post(BASE + "/referral-events.dlq/0/0/replay").then().statusCode(404);
        // the shared topic of before is no dead-letter topic of this service's any more
        given().auth().oauth2(token("ops")).get(BASE + "/inbox-test-events.dlq/0/0").then().statusCode(404);
        given().auth().oauth2(token("ops")).get(BASE + "/inbox-test-events.inbox-test.dlq/0/-1").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("offset"));
    }

    /**
     * Another service that reads the same topic has a dead-letter topic of its own, which its Kafka login may write.
     * A message put there, even one that says it came from the topic this service reads, is never listed by this
     * service nor replayed through its consumer.
     */
    @Test
    void aMessageOnAnotherConsumersDeadLetterTopicIsNeitherListedNorReplayed() throws Exception {
        UUID referralId = UUID.randomUUID();
        EventEnvelope planted = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, Map.of("test", "ok"));
        String theirs = "inbox-test-events.another-service.dlq";
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer = producer()) {
            org.apache.kafka.clients.producer.ProducerRecord<String, String> record =
                    new org.apache.kafka.clients.producer.ProducerRecord<>(theirs, 0, referralId.toString(),
                            EventJson.write(planted));
            record.headers().add("dead-letter-topic", TOPIC.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            record.headers().add("dead-letter-reason", "planted".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long offset = producer.send(record).get().offset();
            assertEquals(1, KafkaProbe.readAll(theirs).stream().filter(r -> referralId.toString().equals(r.key()))
                    .count(), "it is on the other consumer's dead-letter topic");
            assertEquals(null, find(planted.eventId()), "not among this service's dead letters");
            given().auth().oauth2(token("ops")).get(BASE + "/" + theirs + "/0/" + offset).then().statusCode(404);
            given().auth().oauth2(token("ops")).post(BASE + "/" + theirs + "/0/" + offset + "/replay").then()
                    .statusCode(404);
        }
        Thread.sleep(500);
        assertEquals(0, effects(planted.eventId()), "never applied");
        assertEquals(0, count("select count(*) from inbox_event where event_id = ?", planted.eventId()));
    }

    private static org.apache.kafka.clients.producer.KafkaProducer<String, String> producer() {
        return new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaProbe.bootstrapServers(), "key.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class.getName(), "value.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class.getName()));
    }

    private static Map<String, Object> find(UUID eventId) {
        List<Map<String, Object>> letters = given().auth().oauth2(token("ops")).get(BASE)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return letters.stream().filter(l -> eventId.toString().equals(l.get("eventId"))).findFirst().orElse(null);
    }

    private int effects(UUID eventId) throws Exception {
        return count("select count(*) from test_effect where event_id = ?", eventId);
    }

    private int audited(String action, UUID referralId) throws Exception {
        return count("select count(*) from audit_entry where action = ? and referral_id = ?", action, referralId);
    }

    private int count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
