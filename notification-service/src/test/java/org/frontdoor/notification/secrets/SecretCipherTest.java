package org.frontdoor.notification.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Webhook secrets at rest: AES-256-GCM under the configured key, bound to their organisation. */
class SecretCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("another 32 byte key for the test".getBytes());
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aSecretRoundTripsAndIsNeverStoredAsItself() {
        SecretCipher cipher = new SecretCipher(Optional.of(KEY));
        String stored = cipher.encrypt(SECRET, "subscription/hillside");
        assertTrue(stored.startsWith("aesgcm1:" + cipher.keyId() + ":"), stored);
        assertFalse(stored.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals(SECRET, cipher.decrypt(stored, "subscription/hillside"));
        assertNotEquals(stored, cipher.encrypt(SECRET, "subscription/hillside"), "a fresh nonce each time");
    }

    @Test
    void aValueDoesNotDecryptInAnotherRowNorWithAnotherKeyNorWhenAltered() {
        SecretCipher cipher = new SecretCipher(Optional.of(KEY));
        String stored = cipher.encrypt(SECRET, "subscription/hillside");
        IllegalStateException moved = assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(stored, "subscription/police"));
        assertFalse(moved.getMessage().contains(SECRET));
        IllegalStateException otherKey = assertThrows(IllegalStateException.class,
                () -> new SecretCipher(Optional.of(OTHER_KEY)).decrypt(stored, "subscription/hillside"));
        assertTrue(otherKey.getMessage().contains("another key"), otherKey.getMessage());
        String altered = stored.substring(0, stored.length() - 6) + (stored.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered, "subscription/hillside"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(SECRET, "subscription/hillside"));
    }

    @Test
    void withoutAValidKeyTheServiceDoesNotStart() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new SecretCipher(Optional.empty()));
        assertTrue(missing.getMessage().contains("FRONTDOOR_NOTIFICATION_SECRET_KEY"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> new SecretCipher(Optional.of("  ")));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(Optional.of("not base64 %%%")));
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> new SecretCipher(Optional.of(Base64.getEncoder().encodeToString(new byte[16]))));
        assertTrue(tooShort.getMessage().contains("32"), tooShort.getMessage());
    }

    @Test
    void aRingDecryptsWithAnyOfItsKeysAndEncryptsWithTheCurrentOnly() {
        SecretCipher beforeRotation = new SecretCipher(Optional.of(KEY));
        String underOld = beforeRotation.encrypt(SECRET, "subscription/hillside");
        SecretCipher rotated = new SecretCipher(Optional.of(OTHER_KEY), java.util.List.of(KEY));
        assertEquals(SECRET, rotated.decrypt(underOld, "subscription/hillside"), "the old key still decrypts");
        assertEquals(java.util.List.of(rotated.keyId(), beforeRotation.keyId()), rotated.keyIds());
        String fresh = rotated.encrypt(SECRET, "subscription/hillside");
        assertEquals(rotated.keyId(), SecretCipher.keyIdOf(fresh), "the current key encrypts");
        assertNotEquals(beforeRotation.keyId(), rotated.keyId());

        String moved = rotated.reencrypt(underOld, "subscription/hillside");
        assertEquals(rotated.keyId(), SecretCipher.keyIdOf(moved));
        assertEquals(moved, rotated.reencrypt(moved, "subscription/hillside"), "one under the current key stays");
        SecretCipher oldKeyRemoved = new SecretCipher(Optional.of(OTHER_KEY));
        assertEquals(SECRET, oldKeyRemoved.decrypt(moved, "subscription/hillside"));
        IllegalStateException unreadable = assertThrows(IllegalStateException.class,
                () -> oldKeyRemoved.decrypt(underOld, "subscription/hillside"));
        assertTrue(unreadable.getMessage().contains(beforeRotation.keyId())
                && unreadable.getMessage().contains("previous-secret-keys"), unreadable.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new SecretCipher(Optional.of(OTHER_KEY), java.util.List.of("too short")));
    }
}
