package org.frontdoor.support.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.junit.jupiter.api.Test;

/** A token's signature is checked once and trusted until it expires; nothing forged or expired is ever trusted. */
@QuarkusTest
class CachingJwtParserTest {

    private static final String BODY = """
            {"sourceCode":"2A","children":[{"firstName":"Amy","dateOfBirth":"2016-04-02"}],"level":2}""";

    @Inject
    JWTParser parser;

    @Test
    void theApplicationVerifiesBearerTokensThroughTheCache() throws Exception {
        assertEquals(CachingJwtParser.class, unproxied(parser));
        String token = DevJwtTestResource.tokens().token("partner", "hillside-primary");
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second use is the first verification's");
        // and the requests' tokens go the same way: a request with a new token adds it
        CachingJwtParser cache = (CachingJwtParser) io.quarkus.arc.ClientProxy.unwrap(parser);
        int before = cache.size();
        String another = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .subject("cache-test-" + System.nanoTime()).build();
        given().auth().oauth2(another).contentType("application/json").body(BODY)
                .when().post("/api/v1/probe").then().statusCode(200);
        given().auth().oauth2(another).contentType("application/json").body(BODY)
                .when().post("/api/v1/probe").then().statusCode(200);
        assertEquals(before + 1, cache.size());
    }

    @Test
    void aForgedOrExpiredTokenIsRefusedEveryTime() {
        String forged = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .signedWithAnotherKey().build();
        String expired = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).build();
        for (int i = 0; i < 2; i++) {
            assertThrows(ParseException.class, () -> parser.parse(forged));
            assertThrows(ParseException.class, () -> parser.parse(expired));
            given().auth().oauth2(forged).contentType("application/json").body(BODY)
                    .when().post("/api/v1/probe").then().statusCode(401);
        }
    }

    @Test
    void aCachedTokenIsNotTrustedPastItsExpiry() throws Exception {
        String shortLived = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .lifetime(Duration.ofSeconds(2)).build();
        JsonWebToken verified = parser.parse(shortLived);
        assertSame(verified, parser.parse(shortLived));
        Thread.sleep(2_100);
        // past exp the cache does not answer: smallrye-jwt verifies it again (and applies its own clock skew)
        org.junit.jupiter.api.Assertions.assertNotSame(verified, parser.parse(shortLived));
    }

    private static Class<?> unproxied(Object bean) {
        return io.quarkus.arc.ClientProxy.unwrap(bean).getClass();
    }
}
