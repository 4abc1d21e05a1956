package org.frontdoor.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.frontdoor.testsupport.ServiceContractTest;

@QuarkusTest
class ReferralServiceContractTest extends ServiceContractTest {

    ReferralServiceContractTest() {
        super("Referral service API");
    }
}
