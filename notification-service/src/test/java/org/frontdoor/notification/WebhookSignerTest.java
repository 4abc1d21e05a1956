package org.frontdoor.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.frontdoor.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.Test;

/** The signature partners' Standard Webhooks libraries expect, checked against the specification's own example. */
class WebhookSignerTest {

    @Test
    void signsTheSpecificationsExampleAsTheLibrariesDo() {
        // from the Standard Webhooks specification and its reference libraries' tests
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L, "{\"test\": 2432232314}"));
    }
}
