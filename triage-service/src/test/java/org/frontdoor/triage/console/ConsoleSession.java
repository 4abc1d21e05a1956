package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in a console session, over HTTP: its own cookies, redirects, the identity provider's login page,
 * forms. Two of these are two sessions.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private ConsoleSession(String base) {
        this.base = base;
    }

    /** Opens the console at {@code base}, is sent to the provider's login page, and signs in as a demo member of staff. */
    static ConsoleSession signIn(String base, String subject, String role) throws Exception {
        return signIn(base, subject, role, "/queue");
    }

    /** As {@link #signIn(String, String, String)}, opening the console at {@code path} (a page the role may see). */
    static ConsoleSession signIn(String base, String subject, String role, String path) throws Exception {
        ConsoleSession session = new ConsoleSession(base);
        HttpResponse<String> login = session.client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(login.body().contains("sign-in-" + subject), "the provider's login page: " + login.body());
        String claims = "{\"groups\": [\"" + role + "\"], \"preferred_username\": \"" + subject + "\"}";
        HttpResponse<String> queue = session.client.send(HttpRequest.newBuilder(login.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", subject, "claims", claims))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, queue.statusCode(), queue.body());
        assertEquals("/console" + path, queue.uri().getPath());
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token the page's forms carry. */
    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "the page's forms carry the CSRF token");
        return m.group(1);
    }

    static String form(Map<String, String> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
