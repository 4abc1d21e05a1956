package org.frontdoor.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.KafkaTestResource;
import org.frontdoor.testsupport.PostgresTestResource;

/** The real servers every test of this service runs against: PostgreSQL, a Kafka broker, a dev JWT key. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = { @ResourceArg(name = "database", value = "referral"),
                // as in production: the service runs as its own role, Flyway as the owner
                @ResourceArg(name = "appRole", value = "referral_app") })
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = DevJwtTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
