package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.frontdoor.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 in the console: on the screening page a worker asks the police a question about the contact's children
 * (a question left out is shown beside its field, nothing asked), sees it listed with its deadline in UK time and
 * the time left, then overdue when the deadline has passed, and the police's answer once it is in; while a question
 * waits, the decision asks why it cannot wait. The service stands on Monday 7 December 2026, 10:00 (GMT).
 */
@QuarkusTest
class InformationRequestsConsoleTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final String POLICE = "south-yorkshire-police";
    static final String QUESTION = "Any call-outs to the home address in the last year?";

    @TestHTTPResource("/console")
    URL console;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void standOnAMondayMorning() {
        QuarkusMock.installMockForType(Triage.StandingClock.at(NOW), Clock.class);
    }

    @AfterEach
    void clockBack() {
        QuarkusMock.installMockForType(Clock.systemUTC(), Clock.class);
    }

    @Test
    void aWorkerAsksThePoliceAndSeesTheDeadlineThenTheAnswer() throws Exception {
        PartnerDirectoryFixture.active(POLICE, "South Yorkshire Police", "POLICE", "6");
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), true);
        String priority = as(MANAGER).get("/api/v1/triage-items/" + item).path("priority");
        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");

        String page = worker.get("/items/" + item).body();
        assertTrue(page.contains("No partner organisation has been asked yet."), page);
        assertTrue(Pattern.compile("name=\"urgency\" type=\"radio\" value=\"" + priority + "\"[^>]*checked")
                .matcher(page).find(), "the contact's own priority is offered first: " + priority);
        assertTrue(Pattern.compile("<option value=\"" + POLICE + "\" >South Yorkshire Police</option>").matcher(page)
                .find(), "the directory's active organisations are offered");
        assertFalse(page.contains("id=\"openRequestsReason\""), "nothing asked: the decision needs no reason");

        // the question left out: the error is beside the question and in the summary; nothing is asked
        HttpResponse<String> refused = worker.post("/items/" + item + "/information-requests",
                ask(ConsoleSession.csrf(page), ""));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<p id=\"ask.question-error\" class=\"govuk-error-message\">"),
                refused.body());
        assertTrue(refused.body().contains("<li><a href=\"#ask.question\">"), "in the error summary");
        assertTrue(Pattern.compile("<option value=\"" + POLICE + "\" selected>").matcher(refused.body()).find(),
                "the organisation chosen is kept");
        assertEquals(0, requests(item));

        HttpResponse<String> asked = worker.post("/items/" + item + "/information-requests",
                ask(ConsoleSession.csrf(page), QUESTION));
        assertEquals(200, asked.statusCode(), asked.body());
        assertEquals("/console/items/" + item, asked.uri().getPath(), "back to the contact after asking");
        page = asked.body();
        assertTrue(page.contains("Question sent to the organisation"), "the success banner");
        assertEquals(1, requests(item));
        String request = requestId(page);
        assertEquals("South Yorkshire Police", text(page, "<h3 class=\"govuk-summary-card__title\">([^<]*)</h3>\\s*"
                + "<strong class=\"govuk-tag govuk-tag--blue\" id=\"request-" + request + "-status\">Awaiting answer"));
        assertTrue(page.contains(QUESTION));
        // red: four hours on the wall clock, in UK time and as the time left
        assertTrue(deadline(page, request).matches("Mon 7 Dec 2026, 14:00 \\(UK time\\): <strong>due in "
                + "(4 hours|3 hours 59 minutes)</strong>"), deadline(page, request));
        assertTrue(page.contains("id=\"openRequestsReason\""), "a question waits: the decision asks why not wait");
        assertTrue(page.contains("Reason for deciding before every answer is in"));

        // 40 minutes past the deadline, unanswered
        QuarkusMock.installMockForType(Triage.StandingClock.at(NOW.plus(Duration.ofMinutes(4 * 60 + 41))),
                Clock.class);
        page = worker.get("/items/" + item).body();
        assertEquals("Mon 7 Dec 2026, 14:00 (UK time): <strong class=\"fd-overdue\">overdue by 40 minutes</strong>",
                deadline(page, request));

        answer(request, "Two domestic call-outs this year; the last on 28 November.");
        page = worker.get("/items/" + item).body();
        assertTrue(page.contains("id=\"request-" + request + "-status\">Answered</strong>"), page);
        assertEquals("<span class=\"fd-text\">Two domestic call-outs this year; the last on 28 November.</span><br>"
                + "<span class=\"govuk-body-s\">Mon 7 Dec 2026, 14:41, after the deadline</span>",
                text(page, "id=\"request-" + request + "-answer\">([\\s\\S]*?)</dd>"));
        assertEquals("Mon 7 Dec 2026, 14:00 (UK time)", deadline(page, request), "answered: no countdown");
        assertFalse(page.contains("id=\"openRequestsReason\""), "every answer is in");
    }

    private static Map<String, String> ask(String csrf, String question) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf);
        fields.put("askOrganisation", POLICE);
        fields.put("question", question);
        fields.put("urgency", "RED");
        return fields;
    }

    /** The police's answer, as its system gives it. */
    private void answer(String request, String findings) throws Exception {
        sql("update information_request set status = 'ANSWERED', findings = '" + findings
                + "', answered_at = timestamptz '2026-12-07T14:41:00Z' where id = '" + request + "'");
    }

    private static String requestId(String page) {
        return text(page, "<div class=\"govuk-summary-card\" id=\"request-([0-9a-f-]{36})\">");
    }

    private static String deadline(String page, String request) {
        return text(page, "id=\"request-" + request + "-deadline\">([\\s\\S]*?)</dd>");
    }

    private static String text(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertTrue(m.find(), "the page has " + regex + ": " + page);
        return m.group(1);
    }

    private int requests(String item) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "select count(*) from information_request where triage_item_id = ?::uuid")) {
            ps.setString(1, item);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void sql(String statement) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }
}
