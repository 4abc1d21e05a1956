package org.frontdoor.triage;

import io.quarkus.test.junit.QuarkusTest;
import org.frontdoor.testsupport.ServiceContractTest;

@QuarkusTest
class TriageServiceContractTest extends ServiceContractTest {

    TriageServiceContractTest() {
        super("Triage service API");
    }
}
