package org.frontdoor.notification.secrets;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.frontdoor.notification.config.NotificationConfig;

/**
 * Encrypts partners' webhook secrets at rest with AES-256-GCM under a key ring: the current key of
 * {@code frontdoor.notification.secret-key} encrypts, and it or any older key of
 * {@code frontdoor.notification.previous-secret-keys} decrypts (environment or Kubernetes Secret), so a database dump
 * or backup does not hand out the keys that sign our messages, and rotating the key leaves every stored secret
 * readable. Stored as {@code aesgcm1:<key id>:<base64 of nonce, ciphertext and tag>}; the key id (a fingerprint, not
 * the key) tells which key of the ring a value needs. Each value is bound to its context (the organisation), so a
 * ciphertext copied to another organisation's row does not decrypt. {@link SecretReencryption} rewrites values under
 * older keys to the current one, after which an older key can be removed from the configuration.
 *
 * <p>Created at start-up: without a valid current key the service refuses to start, rather than fail on the first
 * subscription.
 */
@Startup
@Singleton
public class SecretCipher {

    static final String FORMAT = "aesgcm1";
    static final String CONFIG_KEY = "frontdoor.notification.secret-key";
    static final String PREVIOUS_CONFIG_KEY = "frontdoor.notification.previous-secret-keys";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;
    private final String keyId;
    /** Every key that decrypts, by id: the current one and the older ones. */
    private final Map<String, SecretKey> ring = new LinkedHashMap<>();

    @Inject
    public SecretCipher(NotificationConfig config) {
        this(config.secretKey(), config.previousSecretKeys().orElse(List.of()));
    }

    public SecretCipher(Optional<String> base64Key) {
        this(base64Key, List.of());
    }

    /** {@code previousKeys}: older keys (base64), which still decrypt what they encrypted. */
    public SecretCipher(Optional<String> base64Key, List<String> previousKeys) {
        byte[] bytes = decodeKey(base64Key, CONFIG_KEY);
        this.key = new SecretKeySpec(bytes, "AES");
        this.keyId = fingerprint(bytes);
        ring.put(keyId, key);
        for (String previous : previousKeys) {
            if (!previous.isBlank()) {
                byte[] older = decodeKey(Optional.of(previous), PREVIOUS_CONFIG_KEY);
                ring.putIfAbsent(fingerprint(older), new SecretKeySpec(older, "AES"));
            }
        }
    }

    private static byte[] decodeKey(Optional<String> base64Key, String name) {
        String value = base64Key.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() ->
                new IllegalStateException(name + " is not set: webhook secrets are encrypted at rest with it."
                        + " Set FRONTDOOR_NOTIFICATION_SECRET_KEY (from a Kubernetes Secret) to the base64 of 32"
                        + " random bytes, e.g. the output of: openssl rand -base64 32"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be standard base64 (of 32 random bytes)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(name + " must be the base64 of exactly 32 random bytes (AES-256);"
                    + " it decodes to " + bytes.length);
        }
        return bytes;
    }

    /** The stored form of {@code plaintext}, bound to {@code context}. */
    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return FORMAT + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext of a stored value; fails (without quoting it) when it was sealed by another key or context. */
    public String decrypt(String stored, String context) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new IllegalStateException("not an encrypted secret of this service (" + FORMAT + ")");
        }
        SecretKey sealedWith = ring.get(parts[1]);
        if (sealedWith == null) {
            throw new IllegalStateException("a secret was encrypted with another key (id " + parts[1] + ", the ring"
                    + " holds " + String.join(", ", ring.keySet()) + "): add the key it was encrypted with to "
                    + PREVIOUS_CONFIG_KEY);
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealedWith, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an encrypted secret does not decrypt (altered, or moved to another row)");
        }
    }

    /** Which key encrypts, safe to show: the first 8 hex digits of its SHA-256. */
    public String keyId() {
        return keyId;
    }

    /** The ids of every key that decrypts, the current one first. */
    public List<String> keyIds() {
        return List.copyOf(ring.keySet());
    }

    /** The id of the key a stored value was encrypted with, or null when it is not an encrypted secret. */
    public static String keyIdOf(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        return parts.length == 3 && parts[0].equals(FORMAT) ? parts[1] : null;
    }

    /** The value encrypted under the current key (unchanged when it already is); fails as {@link #decrypt} does. */
    public String reencrypt(String stored, String context) {
        return keyId.equals(keyIdOf(stored)) ? stored : encrypt(decrypt(stored, context), context);
    }

    private static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
