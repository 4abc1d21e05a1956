package org.frontdoor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: the partner directory in the console is the notification service's, changed through its API with the
 * signed-in person's own token. A front door officer adds an organisation (a refused add first: each error beside
 * its field, nothing added), sees it listed with how messages reach it, and deactivates it; the notification service
 * keeps it inactive, changed by them. A team manager keeps the directory too (that service lets the front door,
 * team managers and ops change it): reactivates the organisation from its page and deactivates it again.
 */
class ConsolePartnersIT {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void theFrontDoorAddsAnOrganisationThenDeactivatesIt() throws Exception {
        String id = "riverside-academy-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        ConsoleFeedbackIT.Console officer = signIn("dev-front-door", "front-door", "/console/partners");
        HttpResponse<String> directory = officer.get("/console/partners");
        assertEquals(200, directory.statusCode(), directory.body());
        assertTrue(directory.body().contains("id=\"add-partner\""), "the front door may add one");
        HttpResponse<String> form = officer.get("/console/new-partner");
        assertEquals(200, form.statusCode(), form.body());

        // no name, and a line that is no email address: both said beside their fields, nothing added
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", officer.csrf(form.body()));
        fields.put("id", id);
        fields.put("name", "");
        fields.put("agencyType", "SCHOOL");
        fields.put("cinSourceCode", "2A");
        fields.put("contactEmails", "safeguarding@riverside.example\nnot an address");
        HttpResponse<String> refused = officer.post("/console/partners", fields);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<p id=\"name-error\" class=\"govuk-error-message\">"), refused.body());
        assertTrue(refused.body().contains("Email address 2 must be a well-formed email address"), refused.body());
        assertTrue(refused.body().contains("<p id=\"contactEmails-error\""), "beside the emails' field");
        assertTrue(refused.body().contains("govuk-error-summary"));
        assertTrue(refused.body().contains("value=\"" + id + "\""), "what was typed is kept");
        assertEquals(404, Http.get(pipeline.notification() + "/api/v1/partners/" + id, pipeline.token("ops"))
                .status());

        fields.put("name", "Riverside Academy");
        fields.put("contactEmails", "safeguarding@riverside.example");
        HttpResponse<String> added = officer.post("/console/partners", fields);
        assertEquals(200, added.statusCode(), added.body());
        assertEquals("/console/partners/" + id, added.uri().getPath());
        assertTrue(added.body().contains("Organisation added"));
        assertTrue(added.body().contains("<dd class=\"govuk-summary-list__value\" id=\"record-reach\">No webhook:"
                + " by secure email</dd>"), added.body());

        HttpResponse<String> listed = officer.get("/console/partners?page=1");
        String all = listed.body();
        for (int page = 2; !all.contains("id=\"partner-" + id + "\"") && all.contains("rel=\"next\""); page++) {
            listed = officer.get("/console/partners?page=" + page);
            all = listed.body();
        }
        assertTrue(all.contains("<a class=\"govuk-link\" href=\"/console/partners/" + id + "\">Riverside Academy</a>"),
                "listed");
        assertTrue(all.contains("Schools (2A)"), "the census source in words");

        HttpResponse<String> deactivated = officer.post("/console/partners/" + id + "/deactivate", Map.of(
                "csrf", officer.csrf(added.body()), "version", version(added.body())));
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertTrue(deactivated.body().contains("Deactivated: nothing more is sent to it"), deactivated.body());
        assertTrue(deactivated.body().contains("id=\"record-status\"><strong class=\"govuk-tag govuk-tag--grey\">"
                + "Inactive</strong>"));
        assertTrue(deactivated.body().contains("id=\"reactivate\""), "and it can be reactivated");
        Http.Reply record = Http.get(pipeline.notification() + "/api/v1/partners/" + id, pipeline.token("ops"));
        assertFalse(record.json().get("active").asBoolean(), record.body());
        assertEquals("dev-front-door", record.json().get("updatedBy").asText(), "changed as the officer's");

        // issue 28: a team manager keeps the directory too: reactivates it from its page, then deactivates it
        ConsoleFeedbackIT.Console manager = ConsoleFeedbackIT.Console.signIn("dev-team-manager", "team-manager");
        HttpResponse<String> read = manager.get("/console/partners/" + id);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("id=\"change\"") && read.body().contains("id=\"reactivate\""),
                "a manager is offered the changes");
        HttpResponse<String> reactivated = manager.post("/console/partners/" + id + "/reactivate", Map.of(
                "csrf", manager.csrf(read.body()), "version", version(read.body()), "name", "Riverside Academy",
                "agencyType", "SCHOOL", "cinSourceCode", "2A", "contactEmails", "safeguarding@riverside.example"));
        assertEquals(200, reactivated.statusCode(), reactivated.body());
        assertTrue(reactivated.body().contains("Reactivated: messages go to it again"), reactivated.body());
        HttpResponse<String> again = manager.post("/console/partners/" + id + "/deactivate", Map.of(
                "csrf", manager.csrf(reactivated.body()), "version", version(reactivated.body())));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("Deactivated: nothing more is sent to it"), again.body());
        Http.Reply byManager = Http.get(pipeline.notification() + "/api/v1/partners/" + id, pipeline.token("ops"));
        assertFalse(byManager.json().get("active").asBoolean(), byManager.body());
        assertEquals("dev-team-manager", byManager.json().get("updatedBy").asText(), "changed as the manager's");
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertTrue(m.find(), "the page's forms carry the record's version");
        return m.group(1);
    }

    /**
     * Signs in at {@code path} with these claims: the front door's first console page is the directory (the queue
     * is the workers').
     */
    private static ConsoleFeedbackIT.Console signIn(String subject, String role, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(pipeline.triage() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        String claims = "{\"groups\": [\"" + role + "\"], \"preferred_username\": \"" + subject + "\"}";
        HttpResponse<String> landed = client.send(HttpRequest.newBuilder(login.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + subject + "&claims="
                        + java.net.URLEncoder.encode(claims, java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, landed.statusCode(), landed.body());
        assertEquals(path, landed.uri().getPath());
        return new ConsoleFeedbackIT.Console(client);
    }
}
