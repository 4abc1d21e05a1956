package org.frontdoor.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service promises ops and clients alike, checked the same way in each: readiness
 * that depends on its database (not the broker), metrics, OpenAPI with the bearer scheme, Swagger
 * UI, and problem details for missing tokens, wrong roles and unknown paths. A service's test
 * extends this with {@code @QuarkusTest} and its API title.
 */
public abstract class ServiceContractTest {

    private static final String PROBLEM = "application/problem+json";

    private final String apiTitle;

    protected ServiceContractTest(String apiTitle) {
        this.apiTitle = apiTitle;
    }

    /**
     * Readiness is for what the pod cannot serve without: its database. Not the broker: through a Kafka outage
     * intake goes on answering (the outbox holds the events) and the queue reads the database, so an outage must
     * not take every pod out of its Service; it shows in the outbox gauges and alerts instead (e2e OutagesIT).
     */
    @Test
    void readinessChecksTheDatabaseButNotTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItems("Kafka connection health check")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("frontdoor_outbox_published_total"))
                .body(containsString("frontdoor_outbox_pending "))
                .body(containsString("frontdoor_outbox_oldest_pending_seconds "))
                .body(containsString("frontdoor_outbox_dead "))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesTheServiceAndItsBearerScheme() {
        given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo(apiTitle))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/ops/outbox'.get", notNullValue());
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void theApiNeedsATokenWithTheRightRole() {
        given().when().get("/api/v1/ops/outbox")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2(DevJwtTestResource.tokens().token("triage-worker"))
                .when().get("/api/v1/ops/outbox")
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        given().auth().oauth2(DevJwtTestResource.tokens().token("ops"))
                .when().get("/api/v1/ops/outbox")
                .then().statusCode(200).body("pending", notNullValue()).body("dead", equalTo(0));
    }

    @Test
    void unknownPathsAre404Problems() {
        given().auth().oauth2(DevJwtTestResource.tokens().token("ops"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM);
        // under /api, nobody learns which paths exist without a valid token
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(DevJwtTestResource.tokens().builder().role("ops").signedWithAnotherKey().build())
                .when().post("/api/v2/admin")
                .then().statusCode(401).contentType(PROBLEM);
        given().when().get("/nothing/here")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }
}
