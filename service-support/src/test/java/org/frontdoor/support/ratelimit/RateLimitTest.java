package org.frontdoor.support.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst over a low limit is refused with 429 problem details, Retry-After and the IETF RateLimit fields; another
 * organisation or person is not held up by it; after Retry-After the caller passes again.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    /** 5 at once, then 2 a second (120 a minute) for partners; 3 at once, then 1 a second for people. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frontdoor.rate-limit.partner.requests-per-minute", "120",
                    "frontdoor.rate-limit.partner.burst", "5",
                    "frontdoor.rate-limit.user.requests-per-minute", "60",
                    "frontdoor.rate-limit.user.burst", "3");
        }
    }

    /** The buckets' time, standing still unless a test moves it: no refill sneaks in between two requests. */
    static class StandingClock extends RateLimitClock {
        private final AtomicLong nanos = new AtomicLong(System.nanoTime());

        @Override
        public long nanos() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    private final StandingClock clock = new StandingClock();

    @BeforeEach
    void standStill() {
        QuarkusMock.installMockForType(clock, RateLimitClock.class);
    }

    private static final String BODY = """
            {"sourceCode":"2A","children":[{"firstName":"Amy","dateOfBirth":"2016-04-02"}],"level":2}""";

    private static Response post(String token) {
        return given().auth().oauth2(token).contentType("application/json").body(BODY)
                .when().post("/api/v1/probe").andReturn();
    }

    private static String partner(String org, String subject) {
        return DevJwtTestResource.tokens().builder().role("partner").org(org).subject(subject).build();
    }

    private static String person(String subject) {
        return DevJwtTestResource.tokens().builder().role("front-door").subject(subject).build();
    }

    @Test
    void aPartnerOrganisationsBurstOverItsLimitIs429WithTheHeadersAndOthersPass() {
        // two systems of one organisation share its allowance
        String first = partner("burst-school", "burst-school-mis");
        String second = partner("burst-school", "burst-school-portal");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 12 && refused == null; i++) {
            Response r = post(i % 2 == 0 ? first : second);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                refused = r;
            }
        }
        // the first 5 are the burst; the refill (2 a second) cannot cover 12 requests sent at once
        assertEquals(List.of(200, 200, 200, 200, 200), statuses.subList(0, 5), "statuses: " + statuses);
        assertTrue(refused != null, "no 429 in " + statuses);
        refused.then().contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:frontdoor:problem:too-many-requests"))
                .body("instance", equalTo("/api/v1/probe"))
                .header("Retry-After", "1")
                .header("RateLimit-Policy", "\"partner\";q=120;w=60")
                .header("RateLimit", matchesPattern("\"partner\";r=0;t=[1-3]"));

        // another organisation, and a person, are not held up by it
        post(partner("other-school", "other-school-mis")).then().statusCode(200)
                .header("RateLimit-Policy", "\"partner\";q=120;w=60")
                .header("RateLimit", "\"partner\";r=4;t=1");
        post(person("front-door-amira")).then().statusCode(200)
                .header("RateLimit-Policy", "\"user\";q=60;w=60")
                .header("RateLimit", "\"user\";r=2;t=1");

        // after Retry-After, the organisation passes again
        clock.advance(Duration.ofMillis(1_100));
        post(first).then().statusCode(200).header("RateLimit", matchesPattern("\"partner\";r=\\d;t=\\d"));
    }

    @Test
    void aPersonIsLimitedByTheirSubjectNotByRole() {
        String amira = person("front-door-amira-2");
        for (int i = 0; i < 3; i++) {
            post(amira).then().statusCode(200).header("RateLimit", "\"user\";r=" + (2 - i) + ";t=" + (i + 1));
        }
        post(amira).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1").header("RateLimit-Policy", "\"user\";q=60;w=60")
                .header("RateLimit", "\"user\";r=0;t=3");
        // a colleague with the same role has an allowance of their own
        post(person("front-door-ben")).then().statusCode(200);
        clock.advance(Duration.ofMillis(1_050));
        post(amira).then().statusCode(200);
    }

    @Test
    void aRequestWithoutAValidTokenIsNotCountedAndHealthIsNotLimited() {
        for (int i = 0; i < 8; i++) {
            given().contentType("application/json").body(BODY).when().post("/api/v1/probe")
                    .then().statusCode(401).header("RateLimit", nullValue());
            given().when().get("/q/health/live").then().statusCode(200).header("RateLimit", nullValue());
        }
    }
}
