package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.frontdoor.testsupport.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28: the staff directory in the console. A team manager adds a social worker (a refused add first, each error
 * beside its field and nothing saved) and sees them listed; deactivates a social worker who leads an open case and
 * has a contact in hand, is told the contact went back to the queue, and gives the case to another worker from the
 * same page. A triage worker reads the directory but is offered no change. axe finds no violation on any page.
 */
@QuarkusTest
class StaffDirectoryConsoleTest {

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
    void aManagerAddsASocialWorkerAfterARefusedAdd() throws Exception {
        String id = "sw-gita-rao-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        ChromeDriver manager = Browser.open(false);
        try {
            signIn(manager, "dev-team-manager");
            manager.get(base() + "/staff");
            assertEquals("Staff directory", manager.findElement(By.tagName("h1")).getText());
            assertTrue(manager.findElement(By.id("staff-tw-tara-jones")).getText().contains("Triage worker"));
            Browser.noAccessibilityViolations(manager, "staff directory");
            submit(manager, By.id("add-staff"));
            assertEquals("Add a member of staff", manager.findElement(By.tagName("h1")).getText());
            Browser.noAccessibilityViolations(manager, "add a member of staff");

            // no name, and a social worker who would lead no cases: both said beside their fields, nothing saved
            manager.findElement(By.id("id")).sendKeys(id);
            manager.findElement(By.id("team")).sendKeys("Assessment team 2");
            manager.findElement(By.id("role-SOCIAL_WORKER")).click();
            submit(manager, By.id("add"));
            assertEquals("The name must not be blank", error(manager, "name"));
            assertEquals("The pathway is required for a social worker", error(manager, "pathway"));
            List<String> summary = manager.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                    .map(a -> a.getText()).toList();
            assertTrue(summary.contains("The pathway is required for a social worker"), summary.toString());
            assertEquals(id, manager.findElement(By.id("id")).getAttribute("value"), "what was typed is kept");
            assertTrue(manager.findElement(By.id("role-SOCIAL_WORKER")).isSelected());
            as(MANAGER).get("/api/v1/staff/" + id).then().statusCode(404);
            Browser.noAccessibilityViolations(manager, "add a member of staff, refused");

            manager.findElement(By.id("name")).sendKeys("Gita Rao");
            manager.findElement(By.id("pathway")).click(); // social care, the first
            manager.findElement(By.id("caseloadLimit")).sendKeys("14");
            submit(manager, By.id("add"));
            assertEquals("Member of staff added", banner(manager));
            assertEquals("Gita Rao", manager.findElement(By.tagName("h1")).getText());
            assertEquals("Social worker", manager.findElement(By.id("record-role")).getText());
            Browser.noAccessibilityViolations(manager, "a member of staff");
            assertEquals("SOCIAL_CARE", as(MANAGER).get("/api/v1/staff/" + id).path("pathway"));
            assertEquals(14, (int) as(MANAGER).get("/api/v1/staff/" + id).path("caseloadLimit"));

            String row = listed(manager, id);
            assertTrue(row.startsWith("Gita Rao Social worker Assessment team 2 Social care 0 of 14"), row);
            assertTrue(row.endsWith("Active"), row);
        } finally {
            manager.quit();
        }
    }

    @Test
    void aManagerDeactivatesAWorkerAndReallocatesTheirCase() throws Exception {
        String id = "sw-leaving-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        as(MANAGER).body("{\"id\": \"" + id + "\", \"name\": \"Lee Leaving\", \"team\": \"Assessment team 1\","
                + " \"pathway\": \"SOCIAL_CARE\", \"role\": \"SOCIAL_WORKER\"}").post("/api/v1/staff").then()
                .statusCode(201);
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        String caseId = as(MANAGER).body(decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200).extract().path("caseId");
        sql("update care_case set lead_worker = '" + id + "' where id = '" + caseId + "'");
        String inHand = queued(List.of("SIGNS_OF_NEGLECT"), false);
        sql("update triage_item set assigned_to = '" + id + "', status = 'IN_PROGRESS' where id = '" + inHand + "'");

        ChromeDriver manager = Browser.open(true); // at phone width
        try {
            signIn(manager, "dev-team-manager");
            manager.get(base() + "/staff/" + id);
            assertTrue(manager.findElement(By.id("open-cases")).getText().startsWith("Social care case: Amy Smith"));
            submit(manager, By.id("deactivate"));
            assertEquals("Deactivated: they can no longer work the queue or be allocated cases. 1 undecided contact"
                    + " went back to the queue", banner(manager));
            assertEquals("Inactive", manager.findElement(By.id("record-status")).getText());
            assertTrue(manager.findElement(By.className("govuk-warning-text")).getText()
                    .contains("Lee Leaving is inactive and still leads 1 open case(s)"));
            assertEquals("/console/allocation", new java.net.URI(manager.findElement(By.linkText(
                    "cases awaiting allocation")).getAttribute("href")).getPath());
            assertEquals("NEW", as(MANAGER).get("/api/v1/triage-items/" + inHand).path("status"));
            assertFalse(as(MANAGER).get("/api/v1/staff/" + id).<Boolean>path("active"));
            Browser.noAccessibilityViolations(manager, "an inactive worker's cases to reallocate");

            submit(manager, By.id("reallocate-button-" + caseId));
            assertTrue(error(manager, "cases[" + caseId + "].worker").length() > 0, "no worker chosen: said by the choice");
            assertEquals(id, as(MANAGER).get("/api/v1/cases/" + caseId).path("leadWorker"), "nothing changed");
            manager.findElement(By.id("cases[" + caseId + "].worker")).click(); // the first worker offered
            submit(manager, By.id("reallocate-button-" + caseId));
            assertEquals("Case reallocated", banner(manager));
            assertNotEquals(id, as(MANAGER).get("/api/v1/cases/" + caseId).path("leadWorker"));
            assertEquals("None.", manager.findElement(By.id("no-open-cases")).getText());
        } finally {
            manager.quit();
        }
    }

    @Test
    void aTriageWorkerReadsTheDirectoryButChangesNothing() throws Exception {
        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");
        HttpResponse<String> directory = worker.get("/staff");
        assertEquals(200, directory.statusCode());
        assertTrue(directory.body().contains("Maya Reid"));
        assertFalse(directory.body().contains("id=\"add-staff\""), "no add for a worker");
        HttpResponse<String> member = worker.get("/staff/tm-maya-reid");
        assertEquals(200, member.statusCode());
        assertFalse(member.body().contains("id=\"deactivate\""), "no deactivate for a worker");
        assertEquals(403, worker.get("/new-staff").statusCode());
        // a form posted with the session's own token (from a page that has forms): still refused, by role
        String csrf = ConsoleSession.csrf(worker.get("/items/" + queued(List.of("SIGNS_OF_NEGLECT"), false)).body());
        HttpResponse<String> refused = worker.post("/staff/tm-maya-reid/deactivate", java.util.Map.of("csrf", csrf,
                "version", "0"));
        assertEquals(403, refused.statusCode());
        assertTrue(as(MANAGER).get("/api/v1/staff/tm-maya-reid").<Boolean>path("active"));
    }

    /** The directory's row of {@code id}, page by page. */
    private String listed(ChromeDriver browser, String id) {
        browser.get(base() + "/staff");
        while (true) {
            List<org.openqa.selenium.WebElement> row = browser.findElements(By.id("staff-" + id));
            if (!row.isEmpty()) {
                return row.get(0).getText().replaceAll("\\s+", " ").strip();
            }
            List<org.openqa.selenium.WebElement> next = browser.findElements(By.cssSelector("a[rel=next]"));
            assertFalse(next.isEmpty(), id + " is not listed");
            submit(browser, By.cssSelector("a[rel=next]"));
        }
    }

    private static String error(WebDriver browser, String field) {
        return browser.findElement(By.id(field + "-error")).getText().replaceFirst("^Error:\\s*", "");
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

    /** Clicks and waits for the next page (as ConsoleJourneyTest does). */
    private static void submit(WebDriver browser, By button) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.fdOldPage = true");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "return window.fdOldPage === undefined && document.readyState === 'complete'")));
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
