package org.frontdoor.triage;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.KafkaTestResource;
import org.frontdoor.testsupport.OidcProviderTestResource;
import org.frontdoor.testsupport.PostgresTestResource;

/**
 * The real servers every test of this service runs against: PostgreSQL, a Kafka broker, a dev JWT key, and the
 * OpenID Connect provider the console signs in with.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = { @ResourceArg(name = "database", value = "triage"),
                // as in production: the service runs as its own role, Flyway as the owner
                @ResourceArg(name = "appRole", value = "triage_app") })
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = DevJwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcProviderTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
