package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: the front door officer logs a phone call about two children in the console; the three services run as
 * packaged. The referral service's refusal (a date of birth in the future) is shown beside child 2's field; the
 * form pressed twice makes one contact (one Idempotency-Key per form); the contact is the officer's in the referral
 * service ("My contacts") and both children appear in the triage queue, as an API referral's do.
 */
class ConsoleContactIT {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|idempotencyKey)\" value=\"([^\"]+)\"");
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void aPhoneContactWithTwoChildrenThenAppearsInTheQueue() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> form = signIn(browser);
        Map<String, String> hidden = hidden(form.body());
        String surname = Actors.surname("Hale");

        Map<String, String> contact = new LinkedHashMap<>(hidden);
        contact.putAll(Map.ofEntries(Map.entry("stage", "form"), Map.entry("childCount", "2"),
                Map.entry("children[0].firstName", "Ruby"), Map.entry("children[0].lastName", surname),
                Map.entry("children[0].dateOfBirth-day", "1"), Map.entry("children[0].dateOfBirth-month", "6"),
                Map.entry("children[0].dateOfBirth-year", "2015"), Map.entry("children[0].gender", "F"),
                Map.entry("children[0].address.postcode", "DN4 4GH"),
                Map.entry("children[1].firstName", "Jack"), Map.entry("children[1].lastName", surname),
                Map.entry("children[1].dateOfBirth-day", "1"), Map.entry("children[1].dateOfBirth-month", "1"),
                Map.entry("children[1].dateOfBirth-year", "2099"), Map.entry("children[1].gender", "M"),
                Map.entry("referrer.kind", "PROFESSIONAL"), Map.entry("referrer.organisationId", "hillside-primary"),
                Map.entry("referrer.name", "J. Patel"), Map.entry("referrer.phone", "01632 960000"),
                Map.entry("concerns.summary", "Both children arrive hungry and unwashed most days."),
                Map.entry("concerns.immediateRisk", "false"), Map.entry("consent.familyAware", "true"),
                Map.entry("consent.consentGiven", "true"), Map.entry("action", "log")));
        HttpResponse<String> refused = post(browser, contact);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("id=\"children[1].dateOfBirth-error\""), "beside child 2's date of birth");
        assertTrue(refused.body().contains("Child 2: date of birth must not be in the future"), refused.body());

        contact.put("children[1].dateOfBirth-day", "30");
        contact.put("children[1].dateOfBirth-month", "9");
        contact.put("children[1].dateOfBirth-year", "2018");
        HttpResponse<String> logged = post(browser, contact);
        HttpResponse<String> again = post(browser, contact); // the button pressed twice
        for (HttpResponse<String> r : List.of(logged, again)) {
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.uri().toString().endsWith("/console/contacts/mine?done=logged"), r.uri().toString());
        }
        assertTrue(logged.body().contains("Ruby " + surname + ": "), "My contacts lists it");

        List<String> mine = new ArrayList<>();
        Http.Reply page = Http.get(pipeline.referral() + "/api/v1/referrals/mine?size=100",
                pipeline.token("front-door"));
        assertEquals(200, page.status(), page.body());
        for (JsonNode item : page.json().get("items")) {
            if (item.get("children").get(0).get("lastName").asText().equals(surname)) {
                mine.add(item.get("referralId").asText());
                assertEquals("2A", item.get("sourceCode").asText(), "the school's CIN source code");
            }
        }
        assertEquals(1, mine.size(), "one contact for the form pressed twice");

        String worker = pipeline.token("triage-worker");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Reply items = Http.get(pipeline.triage() + "/api/v1/triage-items?referralId=" + mine.get(0), worker);
            assertEquals(200, items.status(), items.body());
            assertEquals(2, items.json().get("total").asInt(), items.body());
        });
    }

    /** Opens the console, signs in at the provider as the demo front door officer: the "Log a contact" page. */
    private static HttpResponse<String> signIn(HttpClient browser) throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(pipeline.triage() + "/console"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(login.body().contains("sign-in-dev-front-door"), "the provider's login page: " + login.body());
        String claims = "{\"groups\": [\"front-door\"], \"preferred_username\": \"dev-front-door\"}";
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(login.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", "dev-front-door",
                        "claims", claims)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        assertEquals("/console/contacts/new", form.uri().getPath());
        return form;
    }

    private static HttpResponse<String> post(HttpClient browser, Map<String, String> fields) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(pipeline.triage() + "/console/contacts/new"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> hidden(String page) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            found.putIfAbsent(m.group(1), m.group(2));
        }
        assertEquals(2, found.size(), "the form carries the CSRF token and its Idempotency-Key");
        return found;
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
