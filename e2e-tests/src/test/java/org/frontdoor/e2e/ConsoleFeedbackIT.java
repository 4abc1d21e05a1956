package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.e2e.Actors.refer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.frontdoor.e2e.Actors.Referral;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's feedback page shows what the notification service owns, through its API with the signed-in
 * manager's own token: a phoned-in referral with no way to reach the referrer becomes a could-not-inform task on
 * the page, and the manager records there that they phoned; the notification service keeps it as theirs.
 */
class ConsoleFeedbackIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void aManagerSeesACouldNotInformTaskInTheConsoleAndRecordsThatTheCallerWasPhoned() throws Exception {
        String frontDoor = pipeline.token("front-door");
        // a voluntary organisation's worker phones the front door: the directory holds no email for Family Action
        // and it has no webhook, and the caller left only a phone number, so the acknowledgement has no channel
        JsonNode created = refer(pipeline, frontDoor, Referral.from("8").referrer("organisationId",
                "family-action-doncaster").referrer("name", "Mrs T. Ahmed").referrer("phone", "01632 960777")
                .child("Lily", Actors.surname("Moss"), "2014-03-03", "F", "DN4 4GH").indicators("SIGNS_OF_NEGLECT"));
        String referralId = created.get("referralId").asText();
        String ops = pipeline.token("ops");
        String[] task = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Reply list = Http.get(pipeline.notification() + "/api/v1/notifications/could-not-inform?referralId="
                    + referralId, ops);
            assertEquals(200, list.status(), list.body());
            assertEquals(1, list.json().get("total").asInt(), list.body());
            task[0] = list.json().get("items").get(0).get("notificationId").asText();
        });

        Console console = Console.signIn("dev-team-manager", "team-manager");
        HttpResponse<String> page = console.get("/console/feedback");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"task-" + task[0] + "\""), "the task is on the page");
        assertTrue(page.body().contains("Mrs T. Ahmed"), "with the caller to phone");
        assertTrue(page.body().contains("Acknowledgement of the referral"));

        // a choice the notification service does not know: its refusal shows next to the field, nothing changes
        HttpResponse<String> refused = console.post("/console/notifications/" + task[0] + "/informed",
                Map.of("csrf", console.csrf(page.body()), "how", "CARRIER_PIGEON"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("id=\"tasks[" + task[0] + "].how-error\""), "the error is beside the field");
        assertTrue(refused.body().contains("govuk-error-summary"));

        HttpResponse<String> told = console.post("/console/notifications/" + task[0] + "/informed",
                Map.of("csrf", console.csrf(page.body()), "how", "PHONE", "note", "Spoke to Mrs Ahmed at 10:05."));
        assertEquals(200, told.statusCode(), told.body());
        assertTrue(told.uri().toString().endsWith("/console/feedback?done=informed"), told.uri().toString());
        assertTrue(told.body().contains("Recorded: they were told"));
        assertFalse(told.body().contains("id=\"task-" + task[0] + "\""), "the task has left the list");

        Http.Reply notification = Http.get(pipeline.notification() + "/api/v1/notifications/" + task[0], ops);
        assertEquals("INFORMED_OTHERWISE", notification.json().get("status").asText());
        assertEquals("PHONE", notification.json().get("informedHow").asText());
        assertEquals("dev-team-manager", notification.json().get("informedBy").asText(), "recorded as the manager's");
    }

    /** A browser's part, over HTTP: cookies, redirects, the provider's login page, forms. (Also ConsolePartnersIT's.) */
    static final class Console {

        private final HttpClient client;

        Console() {
            this(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build());
        }

        /** A session already signed in with this client's cookies. */
        Console(HttpClient client) {
            this.client = client;
        }

        /** Opens the console, is sent to the provider's login page, and signs in as a demo member of staff. */
        static Console signIn(String subject, String role) throws Exception {
            Console console = new Console();
            HttpResponse<String> login = console.client.send(HttpRequest.newBuilder(
                    URI.create(Pipeline.get().triage() + "/console/queue")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(login.body().contains("sign-in-" + subject), "the provider's login page: " + login.body());
            String claims = "{\"groups\": [\"" + role + "\"], \"preferred_username\": \"" + subject + "\"}";
            HttpResponse<String> queue = console.client.send(HttpRequest.newBuilder(login.uri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", subject, "claims", claims))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, queue.statusCode(), queue.body());
            assertTrue(queue.uri().getPath().equals("/console/queue"), queue.uri().toString());
            return console;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(Pipeline.get().triage() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(Pipeline.get().triage() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) {
            Matcher m = CSRF.matcher(page);
            assertTrue(m.find(), "the page's forms carry the CSRF token");
            return m.group(1);
        }

        private static String form(Map<String, String> values) {
            return new LinkedHashMap<>(values).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}
