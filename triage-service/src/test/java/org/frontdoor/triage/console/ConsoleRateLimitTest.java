package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A console session is counted against its signed-in person (the ID token's subject), as their API calls are: each
 * page carries the RateLimit fields of the "user" policy (the tests' allowance is out of reach, so only the fields
 * are checked here; RateLimitTest in service-support refuses a burst).
 */
@QuarkusTest
class ConsoleRateLimitTest {

    private static final Pattern REMAINING = Pattern.compile("\"user\";r=(\\d+);t=\\d+");

    @TestHTTPResource("/console")
    URL console;

    @Test
    void consolePagesAreCountedAgainstTheSignedInPerson() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        // to the provider's login page, then signed in as a demo member of staff (what its button posts)
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(console + "/queue")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(login.body().contains("sign-in-dev-triage-worker"), login.body());
        String claims = "{\"groups\": [\"triage-worker\"], \"preferred_username\": \"dev-triage-worker\"}";
        HttpResponse<String> queue = browser.send(HttpRequest.newBuilder(login.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dev-triage-worker&claims="
                        + URLEncoder.encode(claims, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, queue.statusCode(), queue.body());
        assertEquals("/console/queue", queue.uri().getPath());

        // the page was counted against the signed-in person's allowance: the user policy, as the API's
        assertEquals("\"user\";q=1200;w=60", queue.headers().firstValue("RateLimit-Policy").orElse(
                "no RateLimit-Policy on " + queue.uri() + ": " + queue.headers().map()));
        assertTrue(remaining(queue) > 0);
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(console + "/queue")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode());
        assertEquals("\"user\";q=1200;w=60", again.headers().firstValue("RateLimit-Policy").orElseThrow());
        assertTrue(remaining(again) > 0);
    }

    private static long remaining(HttpResponse<String> page) {
        String field = page.headers().firstValue("RateLimit").orElseThrow(() -> new AssertionError(
                "no RateLimit field on " + page.uri() + ": " + page.headers().map()));
        Matcher m = REMAINING.matcher(field);
        assertTrue(m.matches(), field);
        return Long.parseLong(m.group(1));
    }
}
