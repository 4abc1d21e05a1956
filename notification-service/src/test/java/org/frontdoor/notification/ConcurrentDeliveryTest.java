package org.frontdoor.notification;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * One partner's endpoint hangs (accepts the connection, never answers: test request timeout 3 s); another
 * partner's messages go out at once, and the hung one holds no more than its per-recipient limit (2).
 */
@QuarkusTest
class ConcurrentDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aHangingEndpointDelaysOnlyItsOwnMessages() throws Exception {
        String hungOrg = uniqueOrg("housing");
        String liveOrg = uniqueOrg("school");
        try (MisbehavingEndpoints.Hanging hung = new MisbehavingEndpoints.Hanging();
                WebhookReceiver live = WebhookReceiver.start()) {
            Scenario.subscribe(hungOrg, hung.url());
            subscribe(liveOrg, live);

            for (int i = 0; i < 3; i++) {
                send(received(UUID.randomUUID(), Instant.now(), "4", "PROFESSIONAL", hungOrg, null, "x", child()));
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> hung.accepted() >= 2);
            Thread.sleep(500);
            assertEquals(2, hung.accepted(), "at most 2 in flight to one recipient; the third waits");

            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", liveOrg, null, "x", child()));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> !live.requestsWith(referralId.toString()).isEmpty());
            Instant arrived = Instant.now();
            int stillHanging = hung.open();

            Instant ready = Instant.parse(notificationsOf(referralId).then().statusCode(200).extract()
                    .path("items.find { it.kind == 'ACKNOWLEDGEMENT' }.createdAt"));
            Duration delay = Duration.between(ready, arrived);
            System.out.printf("concurrent delivery: the live partner's webhook %d ms after it was ready, %d"
                    + " connection(s) to the hung endpoint open%n", delay.toMillis(), stillHanging);
            assertTrue(stillHanging > 0, "the other partner's endpoint was still hanging");
            assertTrue(delay.compareTo(Duration.ofSeconds(1)) < 0, "delivered " + delay.toMillis()
                    + " ms after it was ready, while another endpoint hung");
            Scenario.assertVerifies(live.requestsWith(referralId.toString()).get(0));
        }
    }
}
