package org.frontdoor.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.frontdoor.testsupport.ServiceContractTest;

@QuarkusTest
class NotificationServiceContractTest extends ServiceContractTest {

    NotificationServiceContractTest() {
        super("Notification service API");
    }
}
