package org.frontdoor.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.KafkaTestResource;
import org.frontdoor.testsupport.PostgresTestResource;

/**
 * The real servers every test in this module runs against: PostgreSQL (the application connected as a role of its
 * own, Flyway as the owner), a Kafka broker, a dev JWT key.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = { @ResourceArg(name = "database", value = "support"),
                @ResourceArg(name = "appRole", value = "support_app") })
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "topics", value = "outbox-test-events,inbox-test-events,"
                + "inbox-test-events.inbox-test.dlq,inbox-test-events.another-service.dlq"))
@WithTestResource(value = DevJwtTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
