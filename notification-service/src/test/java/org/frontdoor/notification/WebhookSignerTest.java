package org.frontdoor.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.frontdoor.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.Test;

/**
 * The signature partners' Standard Webhooks libraries expect, checked against the specification's own example
 * and verified by the official Java library (com.standardwebhooks:standardwebhooks, from Maven Central).
 */
class WebhookSignerTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OTHER = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    @Test
    void signsTheSpecificationsExampleAsTheLibrariesDo() {
        // from the Standard Webhooks specification and its reference libraries' tests
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void theOfficialJavaLibraryVerifiesOneOrTwoSignatures() throws Exception {
        String body = "{\"type\":\"referral.acknowledged\",\"data\":{\"referralId\":\"r-1\"}}";
        long now = Instant.now().getEpochSecond();
        String one = WebhookSigner.signatures(List.of(SECRET), "msg_1", now, body);
        new Webhook(SECRET).verify(body, headers("msg_1", now, one));
        assertEquals(one, new Webhook(SECRET).sign("msg_1", now, body));

        String both = WebhookSigner.signatures(List.of(OTHER, SECRET), "msg_2", now, body);
        assertEquals(WebhookSigner.sign(OTHER, "msg_2", now, body) + " " + WebhookSigner.sign(SECRET, "msg_2", now,
                body), both, "new first, space-separated");
        new Webhook(OTHER).verify(body, headers("msg_2", now, both));
        new Webhook(SECRET).verify(body, headers("msg_2", now, both));
        assertThrows(WebhookVerificationException.class, () -> new Webhook("whsec_"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").verify(body, headers("msg_2", now, both)));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(SECRET).verify(body + " ",
                headers("msg_2", now, both)));
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
