package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.frontdoor.testsupport.Browser;
import org.frontdoor.triage.Triage;
import org.frontdoor.triage.Triage.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28 in the console: from a case's page a worker reaches the case's plans, starts a CIN plan (a date in the
 * future refused beside its field, nothing saved) and ends it; a manager, at phone width, records a child protection
 * plan's review (one on the plan's first day refused, DfE 8841) and changes its category, and sees the latest
 * category. axe-core finds no violation on any of these pages. The service stands on Monday 7 December 2026.
 */
@QuarkusTest
class PlansConsoleTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TestHTTPResource("/console")
    URL console;

    @BeforeAll
    static void browserInstalled() {
        if ("required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS"))) {
            assertTrue(Browser.installed(), "chromium and chromium-driver: .ci/install-browser installs them");
        }
        Assumptions.assumeTrue(Browser.installed(), "no chromium here: run .ci/install-browser to run this test");
    }

    @BeforeEach
    void standOnAMondayMorning() {
        QuarkusMock.installMockForType(Triage.StandingClock.at(NOW), Clock.class);
    }

    @AfterEach
    void clockBack() {
        QuarkusMock.installMockForType(Clock.systemUTC(), Clock.class);
    }

    @Test
    void aWorkerStartsAndEndsACinPlan() throws Exception {
        Item child = contact("2026-11-23T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2016-04-02", null, "F");
        String caseId = decide(child, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        ChromeDriver worker = Browser.open(false);
        try {
            signIn(worker, "dev-triage-worker", "/cases/" + caseId);
            submit(worker, By.id("case-plans"));
            assertEquals("Plans: Child Smith", worker.findElement(By.tagName("h1")).getText());
            assertTrue(worker.getPageSource().contains("None recorded"));
            Browser.noAccessibilityViolations(worker, "the case's plans");
            assertEquals("Record CIN plans of Child Smith, referral of 23 November 2026", worker.findElement(
                    By.cssSelector("a[href='/console/referrals/" + child.id() + "/cin-plans']"))
                    .getAttribute("textContent"), "the link says whose plans, hidden words included");
            submit(worker, By.cssSelector("a[href='/console/referrals/" + child.id() + "/cin-plans']"));
            assertEquals("CIN plans: Child Smith", worker.findElement(By.tagName("h1")).getText());
            Browser.noAccessibilityViolations(worker, "CIN plans");

            date(worker, "startedOn", "8", "12", "2026");
            submit(worker, By.id("start-plan"));
            assertEquals("must not be in the future (DfE rule 4010)",
                    worker.findElement(By.id("startedOn-error")).getText().replace("Error:", "").strip());
            assertTrue(worker.findElement(By.cssSelector(".govuk-error-summary a[href='#startedOn']")).isDisplayed());
            assertEquals("8", worker.findElement(By.id("startedOn")).getAttribute("value"), "what was typed is kept");
            Browser.noAccessibilityViolations(worker, "CIN plans, refused");
            as(WORKER).get("/api/v1/triage-items/" + child.id() + "/cin-plans").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));

            date(worker, "startedOn", "1", "12", "2026");
            submit(worker, By.id("start-plan"));
            assertEquals("CIN plan started", worker.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertEquals(List.of("1 December 2026", "going on"), cells(worker));
            date(worker, "endedOn", "7", "12", "2026");
            submit(worker, By.id("end-plan"));
            assertEquals("CIN plan ended", worker.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertEquals(List.of("1 December 2026", "7 December 2026"), cells(worker));
            assertTrue(worker.findElements(By.id("start-plan")).size() == 1, "none going on: another may start");
            Browser.noAccessibilityViolations(worker, "CIN plans, ended");
        } finally {
            worker.quit();
        }
    }

    @Test
    void aManagerRecordsAReviewAndAChangeOfCategory() throws Exception {
        Item child = contact("2026-11-23T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2012-11-30", null, "M");
        String caseId = decide(child, decision(4, "STRATEGY_DISCUSSION", "N1"));
        String enquiry = as(WORKER).body("{\"strategyDiscussionOn\": \"2026-11-23\"}")
                .post("/api/v1/triage-items/" + child.id() + "/section47-enquiries").then().statusCode(201)
                .extract().path("id");
        as(WORKER).body("{\"strategyDiscussionOn\": \"2026-11-23\", \"icpcOn\": \"2026-11-27\","
                + " \"planStartedOn\": \"2026-11-27\", \"planCategory\": \"NEG\"}")
                .put("/api/v1/section47-enquiries/" + enquiry).then().statusCode(200);
        ChromeDriver manager = Browser.open(true); // at phone width
        try {
            signIn(manager, "dev-team-manager", "/cases/" + caseId + "/plans");
            submit(manager, By.linkText("Child protection plan from 27 November 2026, going on"));
            assertEquals("Child protection plan: Child Smith", manager.findElement(By.tagName("h1")).getText());
            assertEquals("Neglect", manager.findElement(By.id("latest-category")).getText());
            Browser.noAccessibilityViolations(manager, "the protection plan");

            date(manager, "reviewedOn", "27", "11", "2026");
            submit(manager, By.id("record-review"));
            assertTrue(manager.findElement(By.id("reviewedOn-error")).getText()
                    .contains("must be after the plan started, 2026-11-27 (DfE rule 8841)"));
            Browser.noAccessibilityViolations(manager, "the protection plan, refused");
            date(manager, "reviewedOn", "4", "12", "2026");
            submit(manager, By.id("record-review"));
            assertEquals("Review recorded", manager.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertEquals("4 December 2026", manager.findElement(By.id("reviews")).getText());

            date(manager, "changedOn", "4", "12", "2026");
            new Select(manager.findElement(By.id("category"))).selectByVisibleText("Emotional abuse");
            submit(manager, By.id("change-category"));
            assertEquals("Category of abuse changed", manager.findElement(
                    By.className("govuk-notification-banner__heading")).getText());
            assertEquals("Emotional abuse", manager.findElement(By.id("latest-category")).getText());
            assertEquals("From 4 December 2026: Emotional abuse", manager.findElement(By.id("category-changes"))
                    .getText());
            Browser.noAccessibilityViolations(manager, "the protection plan, changed");
        } finally {
            manager.quit();
        }
        as(MANAGER).get("/api/v1/section47-enquiries/" + enquiry + "/protection-plan").then().statusCode(200)
                .body("latestCategory", org.hamcrest.Matchers.equalTo("EMO"))
                .body("reviews.reviewedOn", org.hamcrest.Matchers.contains("2026-12-04"));
    }

    private static List<String> cells(WebDriver browser) {
        return browser.findElements(By.cssSelector("#cin-plans td")).stream().map(e -> e.getText()).toList();
    }

    private static void date(WebDriver browser, String field, String day, String month, String year) {
        type(browser, By.id(field), day);
        type(browser, By.id(field + "-month"), month);
        type(browser, By.id(field + "-year"), year);
    }

    private static void type(WebDriver browser, By by, String text) {
        browser.findElement(by).clear();
        browser.findElement(by).sendKeys(text);
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    /** Signs in from the queue, then opens {@code page}. */
    private void signIn(WebDriver browser, String subject, String page) {
        browser.get(base() + "/queue");
        assertTrue(browser.getCurrentUrl().contains("/frontdoor/authorize"), "to the identity provider");
        browser.findElement(By.id("sign-in-" + subject)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                && !b.findElements(By.tagName("h1")).isEmpty());
        browser.get(base() + page);
    }

    /** Clicks a form's button (or a link) and waits for the next page. */
    private static void submit(WebDriver browser, By button) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.fdOldPage = true");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "return window.fdOldPage === undefined && document.readyState === 'complete'")));
    }
}
