package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.OTHER_MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.referral;
import static org.frontdoor.triage.Triage.queued;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.testsupport.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28's statutory work in the console: from the case's page a worker starts the child's s17 assessment (a date
 * in the future refused beside its field first), records the child's characteristics (a UPN whose check letter is
 * wrong refused beside it), starts the s47 enquiry, and finds the assessment among the timescales and a decision sent
 * back among her alerts, which she marks read; a team manager authorises the assessment (factor 21 with another
 * refused beside the factors first) and records that no conference was needed. axe finds nothing on any page.
 */
@QuarkusTest
class StatutoryConsoleTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @TestHTTPResource("/console")
    URL console;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void browserInstalled() {
        if ("required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS"))) {
            assertTrue(Browser.installed(), "chromium and chromium-driver: .ci/install-browser installs them");
        }
        Assumptions.assumeTrue(Browser.installed(), "no chromium here: run .ci/install-browser to run this test");
    }

    @Test
    void aWorkerRecordsTheStatutoryWorkAndAManagerAuthorisesTheAssessment() throws Exception {
        // the first contact waits for the service's consumer to join the topic: longer on a loaded machine
        ReferralReceived contact = referral(Instant.now(), List.of("NON_ACCIDENTAL_INJURY"), false, "Amy");
        publish(contact);
        String item = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(WORKER).queryParam("referralId", contact.referralId().toString())
                        .get("/api/v1/triage-items").then().statusCode(200).extract().jsonPath()
                        .<String>getList("items.id"), ids -> ids.size() == 1).get(0);
        String caseId = as(WORKER).body(decision(4, "STRATEGY_DISCUSSION", "N1"))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200)
                .body("becameReferral", equalTo(true)).extract().path("caseId");
        String childKey = as(WORKER).get("/api/v1/triage-items/" + item).path("childKey");
        String sentBack = sentBackDecision();
        LocalDate today = LocalDate.now(WorkingCalendar.ENGLAND);

        ChromeDriver tara = Browser.open(false);
        try {
            signIn(tara, "dev-triage-worker");
            tara.get(base() + "/cases/" + caseId);
            Browser.noAccessibilityViolations(tara, "case with its statutory work");
            tara.findElement(By.cssSelector("a[href='/console/referrals/" + item + "/assessment']")).click();
            assertEquals("s17 assessment: Amy Smith", tara.findElement(By.tagName("h1")).getText());
            Browser.noAccessibilityViolations(tara, "assessment to start");

            // a start in the future is refused beside its field and in the summary; nothing is saved
            date(tara, "startedOn", today.plusDays(1));
            tara.findElement(By.id("childSeen")).click();
            submit(tara, By.id("start-assessment"));
            assertEquals("Error: The date the assessment started must not be in the future",
                    error(tara, "startedOn-error"));
            assertTrue(summary(tara).contains("The date the assessment started must not be in the future"));
            assertEquals(0L, count("select count(*) from assessment where triage_item_id = '" + item + "'"));
            Browser.noAccessibilityViolations(tara, "assessment refused");
            date(tara, "startedOn", today);
            submit(tara, By.id("start-assessment"));
            assertEquals("Assessment started", banner(tara));
            assertEquals(today + " true", one("select started_on || ' ' || child_seen from assessment"
                    + " where triage_item_id = '" + item + "'"));
            assertTrue(tara.findElements(By.id("authorisedOn")).isEmpty(), "authorising is a team manager's");
            assertEquals("Not yet", tara.findElement(By.cssSelector("[id$='-authorised']")).getText());

            // the child's characteristics: a UPN whose check letter is wrong is refused beside it
            tara.get(base() + "/cases/" + caseId);
            tara.findElement(By.cssSelector("a[href='/console/children/" + childKey + "/characteristics']")).click();
            String upn = Upn.checkLetter("A371000000017").orElseThrow() + "371000000017";
            String wrong = (upn.charAt(0) == 'B' ? "C" : "B") + upn.substring(1);
            new Select(tara.findElement(By.id("ethnicity"))).selectByVisibleText("White British");
            tara.findElement(By.id("disabilities")).click(); // the first: no disability
            tara.findElement(By.id("upn")).clear();
            tara.findElement(By.id("upn")).sendKeys(wrong);
            submit(tara, By.id("save-characteristics"));
            assertTrue(error(tara, "upn-error")
                    .startsWith("Error: The unique pupil number (UPN) is not a valid UPN"), "by the UPN");
            assertEquals(wrong, tara.findElement(By.id("upn")).getAttribute("value"), "what was typed is kept");
            assertEquals("WBRI", new Select(tara.findElement(By.id("ethnicity"))).getFirstSelectedOption()
                    .getAttribute("value"));
            Browser.noAccessibilityViolations(tara, "characteristics refused");
            tara.findElement(By.id("upn")).clear();
            tara.findElement(By.id("upn")).sendKeys(upn);
            submit(tara, By.id("save-characteristics"));
            assertEquals("Characteristics saved", banner(tara));
            as(WORKER).get("/api/v1/children/" + childKey + "/characteristics").then().statusCode(200)
                    .body("upn", equalTo(upn)).body("ethnicity", equalTo("WBRI"))
                    .body("disabilities[0]", equalTo("NONE"));

            // the s47 enquiry from today's strategy discussion; ruling out a conference is not hers to do
            tara.get(base() + "/referrals/" + item + "/section47");
            date(tara, "start.strategyDiscussionOn", today);
            submit(tara, By.id("start-enquiry"));
            assertEquals("s47 enquiry started", banner(tara));
            assertTrue(tara.findElements(By.id("icpcNotRequired")).isEmpty(), "a team manager's decision");
            Browser.noAccessibilityViolations(tara, "s47 enquiry");

            // what is due: the assessment, by its due date
            String due = DAY.format(LocalDate.parse(one("select due_on from assessment where triage_item_id = '"
                    + item + "'")));
            findDue(tara, "/console/referrals/" + item + "/assessment");
            String row = tara.findElement(By.xpath("//a[@href='/console/referrals/" + item
                    + "/assessment']/ancestor::tr")).getText();
            assertTrue(row.contains("s17 assessment to authorise") && row.contains(due) && row.contains("left"), row);
            assertTrue(row.startsWith("Amy Smith"), row);
            Browser.noAccessibilityViolations(tara, "timescales");

            // her alerts: the decision sent back, in words (no ids), marked read
            tara.findElement(By.linkText("My alerts")).click();
            String alert = tara.findElement(By.xpath("//a[@href='/console/items/" + sentBack
                    + "']/ancestor::div[@class='govuk-summary-card']")).getAttribute("id");
            String message = tara.findElement(By.id(alert + "-message")).getText();
            assertTrue(message.startsWith("Amy Smith: Your decision on the contact was sent back by tm-owen-hart"),
                    message);
            assertFalse(message.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "no ids: " + message);
            Browser.noAccessibilityViolations(tara, "alerts");
            submit(tara, By.id("read-" + alert.substring("alert-".length())));
            assertEquals("Alert marked as read", banner(tara));
            assertEquals("Read", tara.findElement(By.cssSelector("#" + alert + " .govuk-tag")).getText());
            assertTrue(one("select read_at from staff_alert where id = " + alert.substring("alert-".length()))
                    != null);
        } finally {
            tara.quit();
        }

        ChromeDriver maya = Browser.open(true); // at phone width
        try {
            signIn(maya, "dev-team-manager");
            maya.get(base() + "/referrals/" + item + "/assessment");
            Browser.noAccessibilityViolations(maya, "assessment to authorise");
            date(maya, "authorisedOn", today);
            maya.findElement(By.id("factors-21")).click();
            maya.findElement(By.id("factors-2B")).click();
            maya.findElement(By.id("requiresSupport-false")).click();
            submit(maya, By.id("save-assessment"));
            assertEquals("Error: 21 (no factors identified) stands alone (DfE rule 8898)",
                    error(maya, "factors-error"));
            assertTrue(maya.findElement(By.id("factors-2B")).isSelected(), "the boxes ticked stay ticked");
            assertEquals(null, one("select authorised_on from assessment where triage_item_id = '" + item + "'"));
            Browser.noAccessibilityViolations(maya, "authorisation refused");
            maya.findElement(By.id("factors-2B")).click();
            submit(maya, By.id("save-assessment"));
            assertEquals("Assessment authorised", banner(maya));
            assertEquals(today + " tm-maya-reid [\"21\"] false", one("select authorised_on || ' ' || authorised_by"
                    + " || ' ' || factors::text || ' ' || requires_support from assessment where triage_item_id = '"
                    + item + "'"));
            assertEquals(DAY.format(today) + " by tm-maya-reid",
                    maya.findElement(By.cssSelector("[id$='-authorised']")).getText());

            maya.get(base() + "/referrals/" + item + "/section47");
            maya.findElement(By.id("icpcNotRequired")).click();
            submit(maya, By.id("save-enquiry"));
            assertEquals("s47 enquiry saved", banner(maya));
            assertEquals("Not needed (recorded by tm-maya-reid)",
                    maya.findElement(By.cssSelector("[id$='-icpc']")).getText());
            Browser.noAccessibilityViolations(maya, "s47 enquiry ended");
        } finally {
            maya.quit();
        }
    }

    /** A worker's decision that a team manager sent back: an alert for her. The item's id. */
    private static String sentBackDecision() throws Exception {
        String id = queued(List.of("SEXUAL_EXPLOITATION"), false); // suggested 4
        as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null).replaceFirst("\\{",
                "{\"levelOverrideReason\": \"Exploitation concern not borne out\","))
                .post("/api/v1/triage-items/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL"));
        as(MANAGER, OTHER_MANAGER).body("{\"reason\": \"Speak to the police desk first.\"}")
                .post("/api/v1/triage-items/" + id + "/send-back").then().statusCode(200);
        return id;
    }

    /** Pages through the timescales until the row linking to {@code href}. */
    private void findDue(WebDriver browser, String href) {
        for (int page = 1; page <= 100; page++) {
            browser.get(base() + "/timescales?page=" + page);
            if (!browser.findElements(By.cssSelector("a[href='" + href + "']")).isEmpty()) {
                return;
            }
            if (browser.findElements(By.cssSelector("a[rel='next']")).isEmpty()) {
                break;
            }
        }
        throw new AssertionError("not among the timescales: " + href);
    }

    /** Types a date into a GOV.UK Date input: day, month and year. */
    private static void date(WebDriver browser, String field, LocalDate day) {
        type(browser, By.id(field), String.valueOf(day.getDayOfMonth()));
        type(browser, By.id(field + "-month"), String.valueOf(day.getMonthValue()));
        type(browser, By.id(field + "-year"), String.valueOf(day.getYear()));
    }

    private static void type(WebDriver browser, By field, String text) {
        browser.findElement(field).clear();
        browser.findElement(field).sendKeys(text);
    }

    private String one(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String query) throws Exception {
        return Long.parseLong(one(query));
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    /** The error beside a field, as read aloud: "Error:" (visually hidden) and the message, on one line. */
    private static String error(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText().replaceAll("\\s+", " ").strip();
    }

    private static String banner(WebDriver browser) {
        return browser.findElement(By.className("govuk-notification-banner__heading")).getText();
    }

    private static List<String> summary(WebDriver browser) {
        return browser.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    private void signIn(WebDriver browser, String subject) {
        browser.get(base() + "/queue");
        browser.findElement(By.id("sign-in-" + subject)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                && !b.findElements(By.tagName("h1")).isEmpty());
    }

    /** Clicks and waits for the next page (as ConsoleJourneyTest does: a mark on the old page's window). */
    private static void submit(WebDriver browser, By button) {
        ((JavascriptExecutor) browser).executeScript("window.fdOldPage = true");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "return window.fdOldPage === undefined && document.readyState === 'complete'")));
    }
}
