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
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.frontdoor.notification.config.NotificationConfig;

/**
 * Encrypts partners' webhook secrets at rest with AES-256-GCM under the key of
 * {@code frontdoor.notification.secret-key} (environment or Kubernetes Secret), so a database dump or backup does
 * not hand out the keys that sign our messages. Stored as {@code aesgcm1:<key id>:<base64 of nonce, ciphertext
 * and tag>}; the key id (a fingerprint, not the key) tells which key a value needs. Each value is bound to its
 * context (the organisation), so a ciphertext copied to another organisation's row does not decrypt.
 *
 * <p>Created at start-up: without a valid key the service refuses to start, rather than fail on the first
 * subscription.
 */
@Startup
@Singleton
public class SecretCipher {

    static final String FORMAT = "aesgcm1";
    static final String CONFIG_KEY = "frontdoor.notification.secret-key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;
    private final String keyId;

    @Inject
    public SecretCipher(NotificationConfig config) {
        this(config.secretKey());
    }

    public SecretCipher(Optional<String> base64Key) {
        byte[] bytes = decodeKey(base64Key);
        this.key = new SecretKeySpec(bytes, "AES");
        this.keyId = fingerprint(bytes);
    }

    private static byte[] decodeKey(Optional<String> base64Key) {
        String value = base64Key.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() ->
                new IllegalStateException(CONFIG_KEY + " is not set: webhook secrets are encrypted at rest with it."
                        + " Set FRONTDOOR_NOTIFICATION_SECRET_KEY (from a Kubernetes Secret) to the base64 of 32"
                        + " random bytes, e.g. the output of: openssl rand -base64 32"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(CONFIG_KEY + " must be standard base64 (of 32 random bytes)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(CONFIG_KEY + " must be the base64 of exactly 32 random bytes (AES-256);"
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
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("a secret was encrypted with another key (id " + parts[1] + ", this is "
                    + keyId + "): set " + CONFIG_KEY + " to the key it was encrypted with");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an encrypted secret does not decrypt (altered, or moved to another row)");
        }
    }

    /** Which key this instance holds, safe to show: the first 8 hex digits of its SHA-256. */
    public String keyId() {
        return keyId;
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
