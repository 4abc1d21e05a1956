package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A message no consumer can ever process: it goes to the dead-letter topic with its reason, and what follows it flows. */
class DeadLetterIT {

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void aMalformedEventIsDeadLetteredWithItsReasonAndTheEventBehindItIsProcessed() throws Exception {
        UUID referralId = UUID.randomUUID();
        String malformed = "{\"eventId\": \"not-a-uuid\", \"type\": 42, this is not an event";
        ReferralReceived payload = new ReferralReceived(referralId, Instant.now(), Instant.now().plusSeconds(86400),
                new ReferralReceived.Referrer("9", "ANONYMOUS", null, null, null, null, null, null, null),
                new ReferralReceived.Submitter("dev-front-door", "front-door", null),
                List.of(new ReferralReceived.Child(UUID.randomUUID(), 0, UUID.randomUUID(), "Dee",
                        Actors.surname("Dead"), LocalDate.of(2016, 3, 3), null, "F", null,
                        new ReferralReceived.Address(null, null, null, "DN1 1AA"), null,
                        new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), false, false,
                        SharingConsent.NOT_RECORDED)),
                List.of(), new ReferralReceived.Concerns("Behind a malformed event.", List.of(), false),
                new ReferralReceived.Consent(true, true, null));
        EventEnvelope good = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, payload);
        // and its slim twin, as the referral service publishes it for the notification service
        EventEnvelope goodNotice = EventEnvelope.of(EventType.REFERRAL_LOGGED, referralId, ReferralLogged.of(payload));

        // each consuming service reads its own topic: triage referral-events, notification referral-notices
        RecordMetadata bad;
        RecordMetadata behind;
        RecordMetadata badNotice;
        RecordMetadata behindNotice;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"))) {
            bad = producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, referralId.toString(), malformed)).get();
            behind = producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, referralId.toString(),
                    EventJson.write(good))).get();
            badNotice = producer.send(new ProducerRecord<>(Topics.REFERRAL_NOTICES, referralId.toString(),
                    malformed)).get();
            behindNotice = producer.send(new ProducerRecord<>(Topics.REFERRAL_NOTICES, referralId.toString(),
                    EventJson.write(goodNotice))).get();
        }
        assertEquals(bad.partition(), behind.partition(), "same key, same partition");
        assertEquals(badNotice.partition(), behindNotice.partition(), "same key, same partition");

        // the event behind it is processed by the consumer of each topic
        Actors.triageItems(pipeline, referralId.toString(), 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, pipeline.count(
                "notification-service", "select count(*) from inbox_event where event_id = '" + goodNotice.eventId()
                        + "'")));

        // and the malformed one is on each topic's dead-letter topic, once per consuming service, with the reason
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            dead.clear();
            List<ConsumerRecord<String, String>> byTriage = readAll(
                    Topics.deadLetterTopic(Topics.REFERRAL_EVENTS, "triage-service"),
                    referralId.toString());
            List<ConsumerRecord<String, String>> byNotification = readAll(
                    Topics.deadLetterTopic(Topics.REFERRAL_NOTICES, "notification-service"), referralId.toString());
            assertEquals(1, byTriage.size(), "dead-lettered by the triage service");
            assertEquals(1, byNotification.size(), "dead-lettered by the notification service");
            dead.addAll(byTriage);
            dead.addAll(byNotification);
        });
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> record : dead) {
            assertEquals(malformed, record.value(), "the message itself is kept");
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "a reason");
            String text = new String(reason.value(), StandardCharsets.UTF_8);
            assertFalse(text.isBlank());
            reasons.add(text);
        }
        System.out.printf("dead letters: malformed event at offset %d, good event behind it at offset %d"
                + " (partition %d): %d dead letter(s), reasons %s; the event behind it processed%n", bad.offset(),
                behind.offset(), bad.partition(), dead.size(), reasons);
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
