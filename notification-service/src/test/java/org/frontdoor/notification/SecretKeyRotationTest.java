package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.notification.secrets.SecretCipher;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Rotating the key that encrypts webhook secrets at rest. The test configuration is the state after a rotation: key
 * B current, key A among the previous keys. A secret stored under A (before the rotation) still signs; ops re-encrypt,
 * after which it is under B and decrypts with B alone, so A can be removed.
 */
@QuarkusTest
class SecretKeyRotationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "frontdoor.notification.secret-key")
    String keyB;

    @ConfigProperty(name = "frontdoor.notification.previous-secret-keys")
    List<String> previousKeys;

    @Inject
    AgroalDataSource db;

    @Test
    void aSecretStoredUnderTheOldKeySignsAndIsMovedToTheNewKeyAfterWhichTheOldKeyCanGo() throws Exception {
        SecretCipher onlyA = new SecretCipher(Optional.of(previousKeys.get(0)));
        SecretCipher onlyB = new SecretCipher(Optional.of(keyB));
        String org = uniqueOrg("health");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            // as the service stored it while A was the current key
            String underA = onlyA.encrypt(Scenario.SECRET, Subscription.cipherContext(org));
            insert(org, partner.url(), underA);
            assertTrue(secretsUnder(onlyA.keyId()) >= 1, "the ring shows secrets under A");

            assertDelivered(org, partner);

            // ops move every secret to the current key
            given().auth().oauth2(token("team-manager")).post("/api/v1/ops/webhook-secrets/re-encryptions").then()
                    .statusCode(403);
            // the operation takes no body: one sent is refused before anything moves
            given().auth().oauth2(token("ops")).contentType("application/json").body("{\"broken\": ")
                    .post("/api/v1/ops/webhook-secrets/re-encryptions").then().statusCode(415)
                    .contentType("application/problem+json").body("type", equalTo("urn:frontdoor:problem:unsupported-media-type"));
            assertTrue(secretsUnder(onlyA.keyId()) >= 1, "a refused request moved nothing");
            int moved = given().auth().oauth2(token("ops")).post("/api/v1/ops/webhook-secrets/re-encryptions").then()
                    .statusCode(200).extract().path("reencrypted");
            assertTrue(moved >= 1, "moved: " + moved);
            String now = storedSecret(org);
            assertEquals(onlyB.keyId(), SecretCipher.keyIdOf(now), "under the current key B");
            assertEquals(Scenario.SECRET, onlyB.decrypt(now, Subscription.cipherContext(org)), "B alone reads it");
            assertThrows(IllegalStateException.class, () -> onlyA.decrypt(now, Subscription.cipherContext(org)));
            assertEquals(0L, secretsUnder(onlyA.keyId()), "nothing left under A: it can be removed");
            assertEquals(0, (int) given().auth().oauth2(token("ops")).post(
                    "/api/v1/ops/webhook-secrets/re-encryptions").then().statusCode(200).extract()
                    .path("reencrypted"), "a second run has nothing to move");
            assertTrue(audited("webhook-secrets.re-encrypted") >= 2, "each run is audited");

            assertDelivered(org, partner);
        }
    }

    private void assertDelivered(String org, WebhookReceiver partner) throws Exception {
        UUID referralId = UUID.randomUUID();
        send(received(referralId, Instant.now(), "6", "PROFESSIONAL", org, null, "x", child()));
        WebhookReceiver.Request delivery = await().atMost(WAIT)
                .until(() -> partner.requestsWith(referralId.toString()), r -> !r.isEmpty()).get(0);
        Scenario.assertVerifies(delivery);
    }

    private static long secretsUnder(String keyId) {
        List<Map<String, Object>> keys = given().auth().oauth2(token("ops")).get("/api/v1/ops/webhook-secrets/keys")
                .then().statusCode(200).extract().jsonPath().getList("keys");
        return keys.stream().filter(k -> keyId.equals(k.get("keyId")))
                .mapToLong(k -> ((Number) k.get("secrets")).longValue()).sum();
    }

    private void insert(String org, String callback, String secretEncrypted) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into subscription"
                + " (organisation_id, callback_url, secret_encrypted, created_at, updated_at, updated_by)"
                + " values (?, ?, ?, now(), now(), 'before the rotation')")) {
            ps.setString(1, org);
            ps.setString(2, callback);
            ps.setString(3, secretEncrypted);
            ps.executeUpdate();
        }
    }

    private String storedSecret(String org) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select secret_encrypted from subscription where organisation_id = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private int audited(String action) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from audit_entry where action = ?")) {
            ps.setString(1, action);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
