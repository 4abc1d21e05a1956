package org.frontdoor.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way the Standard Webhooks specification describes
 * (https://www.standardwebhooks.com): {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">},
 * so partners verify it with the existing libraries. A secret of the form {@code whsec_<base64>} is used as
 * the spec does: the key is the base64-decoded bytes after the prefix. Any other secret is used as its UTF-8
 * bytes (for partners who verify by hand; the libraries expect the whsec_ form).
 */
public final class WebhookSigner {

    public static final String PREFIX = "whsec_";

    private WebhookSigner() {
    }

    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * The {@code webhook-signature} header: one {@code v1,<base64>} per secret, space-separated, in the given
     * order (Standard Webhooks lets a receiver accept any of them, which is how a secret is rotated).
     */
    public static String signatures(List<String> secrets, String webhookId, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook is signed with at least one secret");
        }
        return secrets.stream().map(s -> sign(s, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** The HMAC key a secret stands for. */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
