package org.frontdoor.triage.console;

import static io.restassured.RestAssured.given;
import static org.frontdoor.testsupport.Browser.noAccessibilityViolations;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.testsupport.Browser;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15: the MASH console in a real headless Chromium, signed in through the OpenID Connect provider. A
 * triage worker screens a contact about two siblings (a check, one decision for both, a mistake shown next to its
 * field first), a team manager approves the decision that needed it, the allocation and indicator pages open, and
 * axe-core finds no WCAG 2.2 AA violation on any page, at desktop and phone width. Issue 27: the worker asks the police
 * a question from the screening page, the police's system answers by API, and the worker sees the answer.
 */
@QuarkusTest
class ConsoleJourneyTest {

    @TestHTTPResource("/console")
    URL console;

    @BeforeAll
    static void browserInstalled() {
        // .ci/run installs the browser first and says so: there a missing browser fails instead of skipping
        boolean required = "required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS"));
        if (required) {
            assertTrue(Browser.installed(), "chromium and chromium-driver: .ci/install-browser installs them");
        }
        Assumptions.assumeTrue(Browser.installed(), "no chromium here: run .ci/install-browser to run this test");
    }

    @Test
    void aWorkerScreensTwoSiblingsAndAManagerApproves() throws Exception {
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police", "POLICE", "6");
        ReferralReceived contact = referral(Instant.now(), List.of("NON_ACCIDENTAL_INJURY"), false, "Amy", "Ben");
        publish(contact);
        List<String> items = itemIds(contact.referralId(), "NEW", 2);
        String amy = items.get(0);

        ChromeDriver worker = Browser.open(false);
        try {
            signIn(worker, "dev-triage-worker");
            assertEquals("Contacts to screen", worker.findElement(By.tagName("h1")).getText());
            noAccessibilityViolations(worker, "queue");

            screenshot(worker, "console-queue");
            worker.get(base() + "/items/" + amy);
            assertTrue(worker.findElement(By.tagName("h1")).getText().startsWith("Amy"));
            noAccessibilityViolations(worker, "screening");
            screenshot(worker, "console-screening");

            // a stale page: someone else changed the contact after the page was drawn; nothing is overwritten
            as(MANAGER).body("{\"assignee\": \"tw-tara-jones\"}").post("/api/v1/triage-items/" + amy + "/assign")
                    .then().statusCode(200);
            worker.findElement(By.xpath("//summary[contains(., 'Record a check')]")).click();
            new Select(worker.findElement(By.id("check.organisation"))).selectByVisibleText("South Yorkshire Police");
            worker.findElement(By.id("check.contactName")).sendKeys("PC Late");
            worker.findElement(By.id("check.findings")).sendKeys("Written on a page drawn before the change.");
            checkedAt(worker, "30", "11", "2026", "09:00");
            submit(worker, By.id("record-check"));
            assertEquals("Someone else changed this first", worker.findElement(By.tagName("h1")).getText());
            assertEquals(0, as(MANAGER).get("/api/v1/triage-items/" + amy).jsonPath().getList("checks").size());
            worker.get(base() + "/items/" + amy);

            // a check, chosen from the partner directory
            worker.findElement(By.xpath("//summary[contains(., 'Record a check')]")).click();
            new Select(worker.findElement(By.id("check.organisation"))).selectByVisibleText("South Yorkshire Police");
            worker.findElement(By.id("check.contactName")).sendKeys("DC R. Hughes");
            worker.findElement(By.id("check.findings")).sendKeys("Known to police: two call-outs this year.");
            submit(worker, By.id("record-check"));
            // the date was left out: the error is next to the field and in the summary, nothing saved
            assertEquals("There is a problem", worker.findElement(By.className("govuk-error-summary__title")).getText());
            assertTrue(worker.findElement(By.id("check.checkedAt-error")).getText().startsWith("Error:"),
                    "the error sits by the date field");
            assertEquals("DC R. Hughes", worker.findElement(By.id("check.contactName")).getAttribute("value"));
            assertEquals(0, as(MANAGER).get("/api/v1/triage-items/" + amy).jsonPath().getList("checks").size());
            noAccessibilityViolations(worker, "screening with errors");
            assertEquals("Enter the date of the check, for example 27 3 2026",
                    worker.findElement(By.id("check.checkedAt-error")).getText().replace("Error:", "").strip());
            checkedAt(worker, "30", "Nov", "2026", "10:15am");
            submit(worker, By.id("record-check"));
            assertEquals("Check recorded", worker.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());

            // issue 27: the worker asks the police a question; the police's system answers by API with its own
            // token; the worker reloads the page and sees the answer
            new Select(worker.findElement(By.id("ask.organisation"))).selectByVisibleText("South Yorkshire Police");
            worker.findElement(By.id("ask.question")).sendKeys("Any call-outs to Amy's home this year?");
            submit(worker, By.id("ask"));
            assertEquals("Question sent to the organisation",
                    worker.findElement(By.className("govuk-notification-banner__heading")).getText());
            String request = worker.findElement(By.cssSelector(".govuk-summary-card[id^='request-']"))
                    .getAttribute("id").substring("request-".length());
            assertEquals("Awaiting answer", worker.findElement(By.id("request-" + request + "-status")).getText());
            assertTrue(worker.findElement(By.id("request-" + request + "-deadline")).getText().contains("due in"));
            noAccessibilityViolations(worker, "screening with a question to the police");
            given().auth().oauth2(DevJwtTestResource.tokens().token("partner", "south-yorkshire-police"))
                    .contentType("application/json").body("{\"findings\": \"Two domestic call-outs this year.\"}")
                    .post("/api/v1/information-requests/" + request + "/response").then().statusCode(200);
            worker.navigate().refresh();
            assertEquals("Answered", worker.findElement(By.id("request-" + request + "-status")).getText());
            assertTrue(worker.findElement(By.id("request-" + request + "-answer")).getText()
                    .startsWith("Two domestic call-outs this year."));
            noAccessibilityViolations(worker, "screening with the police's answer");

            // both children decided at once; a missing choice first shows next to its field
            worker.findElement(By.id("rationale")).sendKeys("Injury to Amy seen by school; Ben is her brother.");
            worker.findElement(By.id("referrerFeedback")).sendKeys("Thank you: social care will assess Amy.");
            submit(worker, By.id("decide"));
            List<String> summary = texts(worker, By.cssSelector(".govuk-error-summary__list a"));
            // two children: each error says which, by position, initials and month of birth (never the full name)
            assertTrue(summary.containsAll(List.of("Choose the level of need for child 1 (A.S., born April 2016)",
                    "Choose what happens next for child 1 (A.S., born April 2016)",
                    "Choose the level of need for child 2 (B.S., born April 2016)",
                    "Choose what happens next for child 2 (B.S., born April 2016)")), summary.toString());
            assertEquals("IN_PROGRESS", as(MANAGER).get("/api/v1/triage-items/" + amy).path("status"),
                    "still undecided: nothing saved");
            assertEquals("Injury to Amy seen by school; Ben is her brother.",
                    worker.findElement(By.id("rationale")).getAttribute("value"), "what was typed is kept");
            String ben = items.get(1);
            choose(worker, amy, "level", "4");
            choose(worker, amy, "outcome", "SOCIAL_CARE_ASSESSMENT");
            new Select(worker.findElement(By.id("children[" + amy + "].primaryNeedCode"))).selectByValue("N1");
            choose(worker, ben, "level", "3");
            choose(worker, ben, "outcome", "EARLY_HELP_TARGETED");
            worker.findElement(By.id("children[" + ben + "].levelOverrideReason"))
                    .sendKeys("No injury to Ben; school and health see no harm.");
            // the consistency rules are on the page, and Ben gets a rationale of his own instead of the shared one
            assertTrue(worker.findElement(By.id("decision-rules")).getText()
                    .contains("A level other than the suggested one needs a reason."));
            worker.findElement(By.xpath("//summary[contains(., 'Give Ben Smith a rationale of their own')]")).click();
            worker.findElement(By.id("children[" + ben + "].rationale"))
                    .sendKeys("Ben is safe with his father; targeted early help for the family.");
            submit(worker, By.id("decide"));
            assertEquals("Decision recorded", worker.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertEquals("DECIDED", as(MANAGER).get("/api/v1/triage-items/" + amy).path("status"));
            assertEquals("AWAITING_APPROVAL", as(MANAGER).get("/api/v1/triage-items/" + ben).path("status"));
            assertEquals("Injury to Amy seen by school; Ben is her brother.",
                    as(MANAGER).get("/api/v1/triage-items/" + amy).path("decision.rationale"), "the shared rationale");
            assertEquals("Ben is safe with his father; targeted early help for the family.",
                    as(MANAGER).get("/api/v1/triage-items/" + ben).path("decision.rationale"), "Ben's own");
            assertEquals(1, as(MANAGER).get("/api/v1/triage-items/" + amy).jsonPath().getList("checks").size());
        } finally {
            worker.quit();
        }

        ChromeDriver manager = Browser.open(true); // at phone width
        try {
            signIn(manager, "dev-team-manager");
            manager.get(base() + "/queue?status=AWAITING_APPROVAL");
            assertTrue(texts(manager, By.cssSelector("table a")).contains("Ben Smith"), "the filter finds Ben");
            assertTrue(manager.findElements(By.cssSelector("a[href='/console/items/" + amy + "']")).isEmpty(),
                    "Amy is decided: not in the filtered queue");
            manager.get(base() + "/approvals");
            noAccessibilityViolations(manager, "approvals");
            submit(manager, By.id("approve-" + items.get(1)));
            assertEquals("Decision approved", manager.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertEquals("DECIDED", as(MANAGER).get("/api/v1/triage-items/" + items.get(1)).path("status"));
            // Amy's case, as if no social worker had had room: it waits for the manager
            String amysCase = as(MANAGER).get("/api/v1/triage-items/" + amy).path("caseId");
            sql("update care_case set lead_worker = null, allocation_due_by = now() + interval '1 day' where id = '"
                    + amysCase + "'");
            manager.get(base() + "/allocation");
            assertEquals("Cases awaiting allocation", manager.findElement(By.tagName("h1")).getText());
            noAccessibilityViolations(manager, "allocation");
            assertTrue(manager.findElement(By.cssSelector("svg[role=img]")).getAttribute("aria-label")
                    .matches("\\d+ of \\d+ cases"), "each worker's caseload against their limit");
            submit(manager, By.id("allocate-" + amysCase));
            assertTrue(manager.findElement(By.id("cases[" + amysCase + "].worker-error")).getText()
                    .startsWith("Error:"), "no worker chosen: the error is by the choice");
            manager.findElement(By.id("cases[" + amysCase + "].worker")).click(); // the first worker offered
            submit(manager, By.id("allocate-" + amysCase));
            assertEquals("Case allocated", manager.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertTrue(as(MANAGER).get("/api/v1/cases/" + amysCase).path("leadWorker") != null);

            // and, later, closes it with a reason chosen from the census's list
            manager.get(base() + "/cases/" + amysCase);
            noAccessibilityViolations(manager, "case");
            manager.findElement(By.id("close.summary")).sendKeys("Assessment complete: no further action needed.");
            submit(manager, By.id("close"));
            assertTrue(manager.findElement(By.id("close.reasonCode-error")).getText().startsWith("Error:"));
            assertEquals("OPEN", as(MANAGER).get("/api/v1/cases/" + amysCase).path("status"), "nothing saved");
            new Select(manager.findElement(By.id("close.reasonCode"))).selectByValue("RC8");
            submit(manager, By.id("close"));
            assertEquals("Case closed", manager.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            assertEquals("RC8", as(MANAGER).get("/api/v1/cases/" + amysCase).path("closureReasonCode"));
            manager.get(base() + "/cases");
            assertEquals("My cases", manager.findElement(By.tagName("h1")).getText());
            noAccessibilityViolations(manager, "my cases");

            // a form posted without the session's token (as a forged one would be) changes nothing
            manager.get(base() + "/approvals");
            ((org.openqa.selenium.JavascriptExecutor) manager).executeScript("var f = document.createElement('form');"
                    + " f.method = 'post'; f.action = '/console/items/" + amy + "/checks'; document.body.appendChild(f);"
                    + " f.submit();");
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith("/checks"));
            assertEquals("This form has expired", manager.findElement(By.tagName("h1")).getText());
            assertEquals(1, as(MANAGER).get("/api/v1/triage-items/" + amy).jsonPath().getList("checks").size());

            manager.get(base() + "/indicators");
            assertEquals("How the front door is doing", manager.findElement(By.tagName("h1")).getText());
            assertTrue(manager.findElement(By.id("indicator-re-referrals")).getText().contains("Re-referrals"));
            noAccessibilityViolations(manager, "indicators");

            // the feedback lists are the notification service's (not running here): the page says it is not
            // answering rather than failing (e2e ConsoleFeedbackIT shows them with the real service)
            manager.get(base() + "/feedback");
            assertEquals("Feedback to referrers and partners", manager.findElement(By.tagName("h1")).getText());
            assertTrue(manager.findElement(By.className("govuk-warning-text")).getText()
                    .contains("The notification service is not answering just now"));
            noAccessibilityViolations(manager, "feedback");

            // signing out ends the session: the console asks to sign in again
            manager.get(base() + "/queue");
            // at phone width the service navigation is behind its Menu button (GOV.UK Frontend's script)
            WebElement menu = manager.findElement(By.className("govuk-service-navigation__toggle"));
            assertTrue(menu.isDisplayed(), "the menu is folded at phone width");
            menu.click();
            manager.findElement(By.linkText("Sign out (dev-team-manager)")).click();
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("/signed-out"));
            assertEquals("You have signed out", manager.findElement(By.tagName("h1")).getText());
            manager.get(base() + "/queue");
            assertTrue(manager.getCurrentUrl().contains("/frontdoor/authorize"), "signed out: " + manager.getCurrentUrl());
        } finally {
            manager.quit();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private void sql(String statement) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }

    /** With -Dconsole.screenshots=DIR, the page as a PNG there (the README's pictures). */
    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        String dir = System.getProperty("console.screenshots");
        if (dir != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.write(java.nio.file.Path.of(dir, name + ".png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    private void signIn(WebDriver browser, String subject) {
        browser.get(base() + "/queue");
        assertTrue(browser.getCurrentUrl().contains("/frontdoor/authorize"), "to the identity provider");
        browser.findElement(By.id("sign-in-" + subject)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                && !b.findElements(By.tagName("h1")).isEmpty());
    }

    /** Clicks a form's button and waits for the next page (the click returns before it has loaded). */
    private static void submit(WebDriver browser, By button) {
        // a mark on the old page's window: gone once the next page has loaded. (Waiting for the old html element
        // to go stale made chromedriver fail now and then with "Node with given id does not belong to the
        // document" while the page was being replaced.)
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("window.fdOldPage = true");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                        "return window.fdOldPage === undefined && document.readyState === 'complete'")));
    }

    /** The check's date (a GOV.UK Date input) and time, typed as a person would. */
    private static void checkedAt(WebDriver browser, String day, String month, String year, String time) {
        browser.findElement(By.id("check.checkedAt")).sendKeys(day);
        browser.findElement(By.id("check.checkedAt-month")).sendKeys(month);
        browser.findElement(By.id("check.checkedAt-year")).sendKeys(year);
        browser.findElement(By.id("check.checkedAtTime")).sendKeys(time);
    }

    private static void choose(WebDriver browser, String item, String field, String value) {
        String name = "children[" + item + "]." + field;
        browser.findElements(By.name(name)).stream().filter(e -> value.equals(e.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + value + " for " + name)).click();
    }

    private static List<String> texts(WebDriver browser, By by) {
        List<String> found = new ArrayList<>();
        browser.findElements(by).forEach(e -> found.add(e.getText()));
        return found;
    }
}
