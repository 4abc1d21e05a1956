package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.frontdoor.testsupport.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28: the partner directory in the console is the notification service's, which does not run beside triage's
 * tests: the page says it is not answering (503) rather than failing, with no violation axe can find, and a page
 * that would change an organisation is the front door's, team managers' and ops' only (not a worker's). e2e
 * ConsolePartnersIT adds, lists and deactivates an organisation against the real service.
 */
@QuarkusTest
class PartnerDirectoryConsoleTest {

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
    void aManagerIsToldTheDirectoryIsNotAnswering() throws Exception {
        ChromeDriver manager = Browser.open(false);
        try {
            manager.get(base() + "/queue");
            manager.findElement(By.id("sign-in-dev-team-manager")).click();
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                    && !b.findElements(By.tagName("h1")).isEmpty());
            manager.findElement(By.linkText("Partners")).click();
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith("/partners"));
            assertEquals("Partner directory", manager.findElement(By.tagName("h1")).getText());
            assertTrue(manager.findElement(By.className("govuk-warning-text")).getText()
                    .contains("The notification service, which holds the partner directory, is not answering"));
            Browser.noAccessibilityViolations(manager, "partner directory, not answering");
        } finally {
            manager.quit();
        }
    }

    @Test
    void aManagerIsOfferedChangesAWorkerIsNot() throws Exception {
        ConsoleSession manager = ConsoleSession.signIn(base(), "dev-team-manager", "team-manager");
        HttpResponse<String> directory = manager.get("/partners");
        assertEquals(503, directory.statusCode());
        assertTrue(directory.body().contains("is not answering just now"));
        // issue 28: a manager keeps the directory with the front door and ops (the notification service allows it)
        HttpResponse<String> add = manager.get("/new-partner");
        assertEquals(200, add.statusCode(), "adding is the front door's, managers' and ops'");
        assertTrue(add.body().contains("<h1 class=\"govuk-heading-l\">Add a partner organisation</h1>"), add.body());
        // a path that is no organisation's id reaches nothing of the notification service
        assertEquals(404, manager.get("/partners/Not.An_Id").statusCode());

        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");
        assertEquals(403, worker.get("/new-partner").statusCode(), "a worker reads the directory only");
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }
}
