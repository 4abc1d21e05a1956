package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.notificationsOf;
import static org.frontdoor.notification.Scenario.partnerToken;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontdoor.notification.delivery.HostResolver;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks that would make this service call its own machine, network or the cloud's metadata service are
 * refused at registration and again before each delivery. No test here sends anything to a non-loopback
 * address: IP literals are refused before any connection, and made-up names (.invalid, which no DNS server
 * resolves) get their addresses from a resolver the test controls.
 */
@QuarkusTest
class CallbackAddressTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Names this test resolves; anything else goes to the JVM's resolver. */
    final Map<String, String> dns = new ConcurrentHashMap<>();
    /** Names that answer each lookup with the next address of their list (the last one again at the end). */
    final Map<String, List<String>> rebinding = new ConcurrentHashMap<>();
    /** Lookups per name. */
    final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    @BeforeEach
    void resolveOurOwnNames() {
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
                List<String> answers = rebinding.get(host);
                if (answers != null) {
                    return List.of(InetAddress.getByName(answers.get(Math.min(n, answers.size() - 1))));
                }
                String address = dns.get(host);
                return address == null ? super.resolve(host) : List.of(InetAddress.getByName(address));
            }
        }, HostResolver.class);
    }

    /**
     * DNS rebinding: the name answers a public address to registration and to the check before the first delivery,
     * and loopback to every lookup after. The delivery connects to the address the check approved, so nothing ever
     * connects to the loopback listener at the callback's port; each attempt looks the name up exactly once, and
     * the attempts after the first are refused on the loopback answer before connecting.
     */
    @Test
    void aDeliveryConnectsToTheAddressItsCheckApprovedNotToASecondLookup() throws Exception {
        String org = uniqueOrg("police");
        try (MisbehavingEndpoints.Hanging privateListener = new MisbehavingEndpoints.Hanging()) {
            String name = "rebinding.partner.invalid";
            rebinding.put(name, List.of("203.0.113.7", "203.0.113.7", "127.0.0.1"));
            given().auth().oauth2(partnerToken(org)).contentType("application/json")
                    .body("{\"callbackUrl\": \"https://" + name + ":" + privateListener.port() + "/hooks\","
                            + " \"secret\": \"" + Scenario.SECRET + "\"}")
                    .put("/api/v1/subscriptions").then().statusCode(200);
            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "6", "PROFESSIONAL", org, null, "x", child()));
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.lastError", equalTo("not sent: the callback"
                            + " host resolves to a loopback address (127.0.0.0/8, ::1), so it was not contacted")));
            int attempts = notificationsOf(referralId).then().extract()
                    .path("items.find { it.kind == 'ACKNOWLEDGEMENT' }.attempts");
            assertEquals(0, privateListener.accepted(), "nothing connected to the address of a second lookup");
            assertTrue(attempts >= 2, "the first attempt (public answer) and a later one (loopback): " + attempts);
            // one at registration, then exactly one per attempt (an attempt may be under way as this reads)
            assertTrue(lookups.get(name).get() - 1 - attempts <= 1, "one lookup per attempt: " + lookups.get(name)
                    + " lookups for " + attempts + " attempts");
        }
    }

    /**
     * The normal path: a callback named by host (the local-run exception's localhost, resolved by the resolver)
     * is delivered at the address resolved once, with the callback's own host in the Host header.
     */
    @Test
    void aNamedCallbackIsDeliveredAtItsResolvedAddressWithItsHostHeader() throws Exception {
        String org = uniqueOrg("school");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            dns.put("localhost", "127.0.0.1");
            String callback = partner.url().replace("127.0.0.1", "localhost");
            Scenario.subscribe(org, callback);
            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "2A", "PROFESSIONAL", org, null, "x", child()));
            await().atMost(WAIT).until(() -> !partner.requestsWith(referralId.toString()).isEmpty());
            WebhookReceiver.Request request = partner.requestsWith(referralId.toString()).get(0);
            assertEquals("localhost:" + URI.create(callback).getPort(), request.header("Host"));
            Scenario.assertVerifies(request);
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", equalTo("SENT")));
        }
    }

    @Test
    void callbacksToNonPublicAddressesAreRefusedAtRegistration() {
        dns.put("loopback.partner.invalid", "127.0.0.1");
        dns.put("metadata.partner.invalid", "169.254.169.254");
        Map<String, String> refused = Map.of(
                "https://10.0.0.1/hooks", "a private address",
                "https://169.254.169.254/latest/meta-data/", "a link-local address",
                "https://loopback.partner.invalid/hooks", "a loopback address",
                "https://metadata.partner.invalid/hooks", "a link-local address",
                "https://[::ffff:192.168.0.10]/hooks", "a private address",
                "https://100.64.1.1/hooks", "a shared carrier-grade NAT address",
                "https://198.18.0.5/hooks", "a benchmarking address",
                "https://224.0.0.251/hooks", "a multicast address",
                "https://0.0.0.0/hooks", "an unspecified address",
                "https://[fd00::5]/hooks", "a private address");
        String org = uniqueOrg("school");
        refused.forEach((url, kind) -> given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"" + url + "\", \"secret\": \"" + Scenario.SECRET + "\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("callbackUrl"))
                .body("errors[0].message", startsWith("must reach a public address: its host"))
                .body("errors[0].message", containsString(kind)));
        // the resolved address of a name is not told back
        given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"https://loopback.partner.invalid/hooks\", \"secret\": \"" + Scenario.SECRET
                        + "\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(422)
                .body("errors[0].message", equalTo("must reach a public address: its host resolves to a loopback"
                        + " address (127.0.0.0/8, ::1)"));
        given().auth().oauth2(partnerToken(org)).get("/api/v1/subscriptions").then().statusCode(404);
    }

    @Test
    void aNameThatResolvesElsewhereByDeliveryTimeIsNotContacted() throws Exception {
        String org = uniqueOrg("police");
        dns.put("rebind.partner.invalid", "203.0.113.7"); // public (documentation range) at registration
        given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"https://rebind.partner.invalid/hooks\", \"secret\": \"" + Scenario.SECRET
                        + "\"}")
                .put("/api/v1/subscriptions").then().statusCode(200);
        dns.put("rebind.partner.invalid", "169.254.169.254"); // and the metadata service by delivery time
        UUID referralId = UUID.randomUUID();
        send(received(referralId, Instant.now(), "6", "PROFESSIONAL", org, null, "x", child()));
        await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.lastError", equalTo("not sent: the callback host"
                        + " resolves to a link-local address (169.254.0.0/16, fe80::/10, e.g. the cloud metadata"
                        + " service 169.254.169.254), so it was not contacted"))
                .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.channel", equalTo("WEBHOOK")));
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() throws Exception {
        String org = uniqueOrg("health");
        try (WebhookReceiver elsewhere = WebhookReceiver.start();
                MisbehavingEndpoints.Redirecting partner = new MisbehavingEndpoints.Redirecting(elsewhere.url())) {
            given().auth().oauth2(partnerToken(org)).contentType("application/json")
                    .body("{\"callbackUrl\": \"" + partner.url() + "\", \"secret\": \"" + Scenario.SECRET + "\"}")
                    .put("/api/v1/subscriptions").then().statusCode(200);
            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "3A", "PROFESSIONAL", org, null, "x", child()));
            await().atMost(WAIT).untilAsserted(() -> notificationsOf(referralId).then()
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.lastError",
                            equalTo("HTTP 302 from the partner's endpoint (redirects are not followed)"))
                    .body("items.find { it.kind == 'ACKNOWLEDGEMENT' }.status", not("SENT")));
            assertEquals(0, elsewhere.requests().size(), "the redirect's target is never called");
        }
    }
}
