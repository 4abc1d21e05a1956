package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.frontdoor.testsupport.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 24 in the console: a manager's close of a case opened from an immediate-risk contact days ago waits for a
 * second manager; she cannot approve it herself; the other manager finds it among the approvals and approves it.
 */
@QuarkusTest
class CaseChangeConsoleTest {

    @TestHTTPResource("/console")
    URL console;

    @BeforeAll
    static void browserInstalled() {
        if ("required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS"))) {
            assertTrue(Browser.installed(), "chromium and chromium-driver: .ci/install-browser installs them");
        }
        Assumptions.assumeTrue(Browser.installed(), "no chromium here: run .ci/install-browser to run this test");
    }

    @Test
    void aRiskyCasesCloseWaitsForASecondManagerInTheConsole() throws Exception {
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), true);
        String caseId = as(MANAGER).body(decision(4, "STRATEGY_DISCUSSION", "N1"))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200).extract().path("caseId");

        ChromeDriver maya = Browser.open(false);
        try {
            signIn(maya, "dev-team-manager");
            maya.get(base() + "/cases/" + caseId);
            new Select(maya.findElement(By.id("close.reasonCode"))).selectByValue("RC8");
            maya.findElement(By.id("close.summary")).sendKeys("Strategy discussion: no role for social care.");
            submit(maya, By.id("close"));
            assertTrue(banner(maya).startsWith("Waits for another team manager's approval"), banner(maya));
            assertTrue(maya.findElement(By.id("pending-change")).getText().startsWith("Close (RC8)"));
            assertTrue(maya.findElements(By.id("close")).isEmpty(), "no second close while one waits");
            Browser.noAccessibilityViolations(maya, "case awaiting a second manager");
            submit(maya, By.id("approve-change"));
            assertEquals("Not allowed for your role", maya.findElement(By.tagName("h1")).getText());
            assertTrue(maya.getPageSource().contains("You asked for this close: another team manager must approve"));
            assertEquals("OPEN", as(MANAGER).get("/api/v1/cases/" + caseId).path("status"));
        } finally {
            maya.quit();
        }

        ChromeDriver owen = Browser.open(true);
        try {
            signIn(owen, "owen-hart");
            owen.get(base() + "/approvals");
            Browser.noAccessibilityViolations(owen, "approvals with a case change");
            submit(owen, By.id("change-" + caseId));
            submit(owen, By.id("decline-change"));
            assertTrue(owen.findElement(By.id("decline.reason-error")).getText().startsWith("Error:"),
                    "a decline needs its reason, shown by the field");
            submit(owen, By.id("approve-change"));
            assertEquals("Approved: the case changed as asked", banner(owen));
            assertEquals("CLOSED", as(MANAGER).get("/api/v1/cases/" + caseId).path("status"));
            assertEquals("RC8", as(MANAGER).get("/api/v1/cases/" + caseId).path("closureReasonCode"));
        } finally {
            owen.quit();
        }
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    private static String banner(WebDriver browser) {
        return browser.findElement(By.className("govuk-notification-banner__heading")).getText();
    }

    private void signIn(WebDriver browser, String subject) {
        browser.get(base() + "/queue");
        browser.findElement(By.id("sign-in-" + subject)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                && !b.findElements(By.tagName("h1")).isEmpty());
    }

    /** Clicks and waits for the next page (as ConsoleJourneyTest does: a mark on the old page's window). */
    private static void submit(WebDriver browser, By button) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("window.fdOldPage = true");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                        "return window.fdOldPage === undefined && document.readyState === 'complete'")));
    }
}
