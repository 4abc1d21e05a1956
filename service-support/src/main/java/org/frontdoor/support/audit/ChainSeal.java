package org.frontdoor.support.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an audit entry is sealed into the chain ({@code seal_alg}): over the previous entry's seal and the entry's
 * content, each field length-prefixed so none can bleed into another. {@link #HMAC_SHA256} (version 2) is keyed
 * with {@code frontdoor.audit.chain-key}, which the database never holds; {@link #SHA256} (version 1) is the
 * unkeyed hash of the entries sealed before the key existed, checked as they were sealed and never written again.
 */
public enum ChainSeal {
    SHA256(1),
    HMAC_SHA256(2);

    static final String CONFIG_KEY = "frontdoor.audit.chain-key";
    private static final int MIN_KEY_BYTES = 32;

    private final int version;

    ChainSeal(int version) {
        this.version = version;
    }

    public int version() {
        return version;
    }

    /** The algorithm of a stored version, or null for one this code does not know (the chain is then broken). */
    static ChainSeal of(int version) {
        for (ChainSeal s : values()) {
            if (s.version == version) {
                return s;
            }
        }
        return null;
    }

    /** The seal, in 64 hex digits: a plain SHA-256, or the HMAC under {@code key}. */
    String seal(byte[] key, String content) {
        try {
            if (this == SHA256) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(UTF_8)));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // the version is in the MAC: a keyed entry cannot pass for another algorithm's
            mac.update(("v" + version + "|").getBytes(UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key's bytes from its configured base64; the service does not start without one of at least 32 bytes. */
    static byte[] key(Optional<String> base64) {
        String value = base64.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                CONFIG_KEY + " is not set: the audit trail's hash chain is keyed with it. Set FRONTDOOR_AUDIT_CHAIN_KEY"
                        + " (from a Kubernetes Secret, never the database) to the base64 of 32 random bytes, e.g. the"
                        + " output of: openssl rand -base64 32"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(CONFIG_KEY + " must be standard base64 (of 32 random bytes)");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(CONFIG_KEY + " must be the base64 of at least 32 random bytes; it decodes"
                    + " to " + bytes.length);
        }
        return bytes;
    }
}
