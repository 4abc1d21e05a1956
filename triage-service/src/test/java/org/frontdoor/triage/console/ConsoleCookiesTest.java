package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: where the console is served over https (production, behind the TLS ingress) every cookie of its sign-in
 * is Secure, HttpOnly and kept to the console's path, the session's SameSite=Strict. The test runs the service as
 * production would ({@code frontdoor.triage.console.https=true}) and signs in by hand, sending the cookies back
 * itself, as a browser would over https; the provider is on loopback, which the start-up check allows.
 */
@QuarkusTest
@TestProfile(ConsoleCookiesTest.OverHttps.class)
class ConsoleCookiesTest {

    /** The console as production serves it. */
    public static class OverHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frontdoor.triage.console.https", "true");
        }
    }

    @TestHTTPResource("/console")
    URL console;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyCookieOfTheSignInIsSecureHttpOnlyAndTheConsolesOnly() throws Exception {
        HttpResponse<String> challenge = get(URI.create(console + "/queue"), List.of());
        assertEquals(302, challenge.statusCode());
        List<String> state = challenge.headers().allValues("set-cookie");
        assertFalse(state.isEmpty(), "the sign-in's state cookie");
        state.forEach(c -> assertProtected(c, false));

        URI authorize = URI.create(challenge.headers().firstValue("location").orElseThrow());
        String claims = "{\"groups\": [\"triage-worker\"], \"preferred_username\": \"dev-triage-worker\"}";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ConsoleSession.form(Map.of("username", "dev-triage-worker",
                        "claims", claims)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        URI back = URI.create(login.headers().firstValue("location").orElseThrow());
        assertTrue(back.getPath().startsWith("/console/"), back.toString());

        HttpResponse<String> signedIn = get(back, state);
        List<String> session = signedIn.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("q_session")).toList();
        assertFalse(session.isEmpty(), "the session cookies: " + signedIn.headers().map());
        session.forEach(c -> assertProtected(c, true));

        HttpResponse<String> queue = get(URI.create(console + "/queue"), session);
        assertEquals(200, queue.statusCode(), "the Secure cookies, sent back as over https, are the session");
        assertTrue(queue.body().contains("Contacts to screen"));
    }

    private HttpResponse<String> get(URI uri, List<String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; ")));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProtected(String setCookie, boolean session) {
        List<String> attributes = new ArrayList<>();
        for (String part : setCookie.split(";")) {
            attributes.add(part.strip().toLowerCase(Locale.ROOT));
        }
        assertTrue(attributes.contains("secure"), "Secure: " + setCookie);
        assertTrue(attributes.contains("httponly"), "HttpOnly: " + setCookie);
        assertTrue(attributes.contains("path=/console"), "only the console's paths: " + setCookie);
        assertFalse(attributes.stream().anyMatch(a -> a.startsWith("domain=")), "no Domain: " + setCookie);
        if (session) {
            assertTrue(attributes.contains("samesite=strict"), "SameSite=Strict: " + setCookie);
        }
    }
}
