package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.partnerToken;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner rotates its secret: during the overlap every message carries both signatures (new first), each
 * verified by the official Standard Webhooks Java library (com.standardwebhooks:standardwebhooks); after it,
 * only the new one. The service's clock is moved, not waited for.
 */
@QuarkusTest
class SecretRotationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OLD = Scenario.SECRET;
    static final String NEW = "whsec_" + Base64.getEncoder().encodeToString(
            "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));

    /** The wall clock shifted by an offset the test sets: the service's Clock while a test runs. */
    static final class MovableClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    final MovableClock clock = new MovableClock();

    @BeforeEach
    void useTheMovableClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void duringTheOverlapBothSignaturesVerifyAndTheOverlapCanBeEndedAtOnce() throws Exception {
        String org = uniqueOrg("hillside");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            put(org, partner.url(), OLD, null).then().statusCode(200).body("previousSecretValidUntil", nullValue());
            Instant before = Instant.now();
            String until = put(org, partner.url(), NEW, null).then().statusCode(200)
                    .body(not(containsString(NEW.substring(6)))).body(not(containsString(OLD.substring(6))))
                    .extract().path("previousSecretValidUntil");
            // the default overlap: 24 hours
            assertTrue(Duration.between(before.plus(Duration.ofHours(24)), Instant.parse(until)).abs()
                    .compareTo(Duration.ofSeconds(10)) < 0, until);

            WebhookReceiver.Request during = deliveryOfANewReferral(org, partner);
            String[] signatures = during.header("webhook-signature").split(" ");
            assertEquals(2, signatures.length, during.header("webhook-signature"));
            // the stock library accepts the message with either secret
            new Webhook(NEW).verify(during.body(), headers(during));
            new Webhook(OLD).verify(during.body(), headers(during));
            // new first
            assertTrue(Scenario.verifies(NEW, withSignature(during, signatures[0])));
            assertTrue(Scenario.verifies(OLD, withSignature(during, signatures[1])));

            // the partner has switched: it ends the overlap now
            put(org, partner.url(), NEW, Instant.now().toString()).then().statusCode(200)
                    .body("previousSecretValidUntil", nullValue());
            WebhookReceiver.Request after = deliveryOfANewReferral(org, partner);
            assertEquals(1, after.header("webhook-signature").split(" ").length);
            new Webhook(NEW).verify(after.body(), headers(after));
            assertThrows(WebhookVerificationException.class, () -> new Webhook(OLD).verify(after.body(),
                    headers(after)));
        }
    }

    @Test
    void afterTheOverlapOnlyTheNewSecretSigns() throws Exception {
        String org = uniqueOrg("police");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            // the rotation happened 25 hours ago: its 24-hour overlap is over
            clock.offset = Duration.ofHours(-25);
            put(org, partner.url(), OLD, null).then().statusCode(200);
            put(org, partner.url(), NEW, null).then().statusCode(200);
            clock.offset = Duration.ofHours(-1).minusSeconds(5);
            given().auth().oauth2(partnerToken(org)).get("/api/v1/subscriptions").then().statusCode(200)
                    .body("previousSecretValidUntil", not(nullValue()));
            clock.offset = Duration.ZERO;
            given().auth().oauth2(partnerToken(org)).get("/api/v1/subscriptions").then().statusCode(200)
                    .body("previousSecretValidUntil", nullValue());

            WebhookReceiver.Request delivery = deliveryOfANewReferral(org, partner);
            assertEquals(1, delivery.header("webhook-signature").split(" ").length);
            new Webhook(NEW).verify(delivery.body(), headers(delivery));
            assertThrows(WebhookVerificationException.class, () -> new Webhook(OLD).verify(delivery.body(),
                    headers(delivery)));
            assertFalse(Scenario.verifies(OLD, delivery));
        }
    }

    @Test
    void anOverlapIsAskedForOnlyWithAPreviousSecretAndWithinTheMaximum() {
        String org = uniqueOrg("school");
        String url = "http://127.0.0.1:9/hooks";
        put(org, url, OLD, Instant.now().plus(Duration.ofHours(1)).toString()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("previousSecretValidUntil"));
        put(org, url, OLD, null).then().statusCode(200);
        put(org, url, NEW, Instant.now().plus(Duration.ofDays(8)).toString()).then().statusCode(422)
                .body("errors.field", contains("previousSecretValidUntil"))
                .body("errors[0].message", equalTo("must be at most 7 days from now"));
        put(org, url, NEW, "tomorrow").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("previousSecretValidUntil"));
        // the same secret and no overlap running: nothing to move
        put(org, url, OLD, Instant.now().plus(Duration.ofHours(1)).toString()).then().statusCode(422)
                .body("errors.field", contains("previousSecretValidUntil"));
        put(org, url, NEW, Instant.now().plus(Duration.ofDays(7)).minusSeconds(60).toString()).then()
                .statusCode(200).body("previousSecretValidUntil", not(nullValue()));
    }

    private static io.restassured.response.Response put(String org, String url, String secret, String until) {
        String body = "{\"callbackUrl\": \"" + url + "\", \"secret\": \"" + secret + "\""
                + (until == null ? "" : ", \"previousSecretValidUntil\": \"" + until + "\"") + "}";
        return given().auth().oauth2(partnerToken(org)).contentType("application/json").body(body)
                .put("/api/v1/subscriptions");
    }

    private static WebhookReceiver.Request deliveryOfANewReferral(String org, WebhookReceiver partner)
            throws Exception {
        UUID referralId = UUID.randomUUID();
        send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", org, null, "x", child()));
        return await().atMost(WAIT).until(() -> partner.requestsWith(referralId.toString()), r -> !r.isEmpty())
                .get(0);
    }

    /** The request's headers as the library takes them. */
    static Map<String, List<String>> headers(WebhookReceiver.Request request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    private static WebhookReceiver.Request withSignature(WebhookReceiver.Request r, String signature) {
        Map<String, String> headers = new HashMap<>(r.headers());
        headers.put("webhook-signature", signature);
        return new WebhookReceiver.Request(r.method(), r.path(), headers, r.body(), r.answeredWith());
    }
}
