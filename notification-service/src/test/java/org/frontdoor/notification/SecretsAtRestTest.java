package org.frontdoor.notification;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.child;
import static org.frontdoor.notification.Scenario.received;
import static org.frontdoor.notification.Scenario.send;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.notification.secrets.PlaintextSecrets;
import org.frontdoor.notification.secrets.SecretCipher;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** Webhook secrets are stored encrypted; those an earlier version stored in plain text are encrypted at start-up. */
@QuarkusTest
class SecretsAtRestTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Inject
    PlaintextSecrets plaintextSecrets;

    @Inject
    SecretCipher cipher;

    @Test
    void aSecretIsStoredOnlyEncrypted() throws Exception {
        String org = uniqueOrg("school");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            subscribe(org, partner);
            String[] row = row(org);
            assertNull(row[0], "no plain secret");
            assertTrue(row[1].startsWith("aesgcm1:" + cipher.keyId() + ":"), "encrypted under the configured key");
            assertFalse(row[1].contains(Scenario.SECRET.substring(6)));
            assertEquals(Scenario.SECRET, cipher.decrypt(row[1], Subscription.cipherContext(org)));
        }
    }

    @Test
    void aPlainSecretOfAnEarlierVersionIsEncryptedAtStartUpAndStillSigns() throws Exception {
        String org = uniqueOrg("police");
        try (WebhookReceiver partner = WebhookReceiver.start()) {
            // as version 1 stored it
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into subscription"
                    + " (organisation_id, callback_url, secret, created_at, updated_at, updated_by)"
                    + " values (?, ?, ?, now(), now(), 'v1')")) {
                ps.setString(1, org);
                ps.setString(2, partner.url());
                ps.setString(3, Scenario.SECRET);
                ps.executeUpdate();
            }
            // what the service does on every start, after Flyway
            assertTrue(plaintextSecrets.encryptAll() >= 1);
            String[] row = row(org);
            assertNull(row[0], "the plain secret is gone");
            assertEquals(Scenario.SECRET, cipher.decrypt(row[1], Subscription.cipherContext(org)));
            assertEquals(0, plaintextSecrets.encryptAll(), "nothing left to encrypt");

            UUID referralId = UUID.randomUUID();
            send(received(referralId, Instant.now(), "6", "PROFESSIONAL", org, null, "x", child()));
            WebhookReceiver.Request delivery = await().atMost(WAIT)
                    .until(() -> partner.requestsWith(referralId.toString()), r -> !r.isEmpty()).get(0);
            Scenario.assertVerifies(delivery);
        }
    }

    /** The plain and the encrypted secret column of the organisation's row. */
    private String[] row(String org) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select secret, secret_encrypted from subscription where organisation_id = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new String[] { rs.getString(1), rs.getString(2) };
            }
        }
    }
}
