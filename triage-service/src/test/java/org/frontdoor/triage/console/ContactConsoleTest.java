package org.frontdoor.triage.console;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.testsupport.Browser.noAccessibilityViolations;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.testsupport.Browser;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28: the front door officer signs in to the console and logs a phone call about two children: the first
 * found by the tolerant search (a misspelt name) and chosen, the second new; a missing date of birth and then the
 * referral service's refusal shown beside child 2's fields; then the contact is submitted with the officer's own
 * token and one Idempotency-Key per form, and "My contacts" lists it. The referral service is a stand-in here
 * ({@link ReferralServiceStandIn}); e2e's ConsoleContactIT logs a contact with the real one and finds it in the
 * queue. The officer's role opens its own pages only.
 */
@QuarkusTest
class ContactConsoleTest {

    @TestHTTPResource("/console")
    URL console;

    @jakarta.inject.Inject
    org.frontdoor.support.directory.PartnerDirectoryCopy partners;

    private static ReferralServiceStandIn referrals;

    @BeforeAll
    static void standIn() throws Exception {
        referrals = ReferralServiceStandIn.start();
    }

    @AfterAll
    static void stop() {
        referrals.close();
    }

    @Test
    void theFrontDoorLogsAPhoneCallAboutTwoChildren() throws Exception {
        boolean required = "required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS"));
        if (required) {
            assertTrue(Browser.installed(), "chromium and chromium-driver: .ci/install-browser installs them");
        }
        Assumptions.assumeTrue(Browser.installed(), "no chromium here: run .ci/install-browser to run this test");
        PartnerDirectoryFixture.active("hillside-primary", "Hillside Primary School", "SCHOOL", "2A");
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find("hillside-primary").isPresent());
        java.util.Random random = new java.util.Random();
        String surname = "Kettleborough" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
        String known = knownChild("Kayden", surname);
        By chooseKayden = By.cssSelector("button[value='pick:0:" + known + "']");

        ChromeDriver officer = Browser.open(false);
        try {
            officer.get(base());
            assertTrue(officer.getCurrentUrl().contains("/frontdoor/authorize"), "to the identity provider");
            officer.findElement(By.id("sign-in-dev-front-door")).click();
            new WebDriverWait(officer, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith("/contacts/new"));
            assertEquals("Log a contact", officer.findElement(By.tagName("h1")).getText());
            // the front door keeps the partner directory too (the notification service lets it change it)
            assertEquals(List.of("Log a contact", "My contacts", "Partners", "Sign out (dev-front-door)"),
                    officer.findElements(By.cssSelector("#navigation .govuk-service-navigation__link")).stream()
                            .map(e -> e.getText()).toList(), "the front door's own pages only");
            noAccessibilityViolations(officer, "log a contact: find the child");

            // the caller spells the name a little differently: the search still finds Kayden, and says why
            officer.findElement(By.id("children[0].firstName")).sendKeys("Kaden");
            officer.findElement(By.id("children[0].lastName")).sendKeys("Kettlebrough");
            date(officer, "children[0].dateOfBirth", "2015-05-04");
            submit(officer, By.id("find-1"));
            String match = officer.findElement(chooseKayden).findElement(By.xpath("./ancestor::tr")).getText();
            assertTrue(match.startsWith("Kayden " + surname + " 4 May 2015 DN6 6FF"), match);
            assertTrue(match.contains("same date of birth"), match);
            noAccessibilityViolations(officer, "log a contact: children found");
            submit(officer, chooseKayden);
            assertTrue(officer.findElement(By.id("child-1-known")).getText().startsWith("Known to the front door"));
            assertEquals("Kayden", value(officer, "children[0].firstName"), "the record's details, to check");
            assertEquals("2015", value(officer, "children[0].dateOfBirth-year"));
            assertEquals(known, officer.findElement(By.name("children[0].childKey")).getAttribute("value"));

            // a sister the front door does not know; her date of birth is left out at first
            submit(officer, By.id("add-child"));
            officer.findElement(By.id("children[1].firstName")).sendKeys("Mia");
            officer.findElement(By.id("children[1].lastName")).sendKeys(surname);
            new Select(officer.findElement(By.id("children[0].gender"))).selectByValue("M");
            new Select(officer.findElement(By.id("children[1].gender"))).selectByValue("F");
            officer.findElement(By.id("referrer.kind")).click(); // a professional
            new Select(officer.findElement(By.id("referrer.organisationId")))
                    .selectByVisibleText("Hillside Primary School");
            officer.findElement(By.id("referrer.name")).sendKeys("J. Patel");
            officer.findElement(By.id("referrer.phone")).sendKeys("01632 960000");
            officer.findElement(By.id("concerns.summary")).sendKeys("Both children arrive hungry most days.");
            officer.findElement(By.id("indicator-SIGNS_OF_NEGLECT")).click();
            officer.findElement(By.id("concerns.immediateRisk-false")).click();
            officer.findElement(By.id("consent.familyAware")).click();
            officer.findElement(By.id("consent.consentGiven")).click();
            submit(officer, By.id("log"));
            assertEquals("Child 2: enter a date of birth, for example 27 3 2026",
                    officer.findElement(By.id("children[1].dateOfBirth-error")).getText().replaceFirst("^Error:\\s*", ""));
            assertTrue(texts(officer, By.cssSelector(".govuk-error-summary__list a"))
                    .contains("Child 2: enter a date of birth, for example 27 3 2026"), "the summary names the child");
            assertTrue(referrals.posted().isEmpty(), "nothing sent: the form was not complete");
            assertEquals("Mia", value(officer, "children[1].firstName"), "what was typed is kept");
            assertTrue(officer.findElement(By.id("indicator-SIGNS_OF_NEGLECT")).isSelected());
            noAccessibilityViolations(officer, "log a contact with errors");

            // the referral service refuses child 2's NHS number: beside it, and the child named in the summary
            date(officer, "children[1].dateOfBirth", "2018-02-11");
            officer.findElement(By.id("children[1].nhsNumber")).sendKeys("1234567890");
            referrals.refuseNext("[{\"field\": \"children[1].nhsNumber\", \"message\":"
                    + " \"must be a 10-digit NHS number with a valid check digit\"}]");
            submit(officer, By.id("log"));
            assertEquals("Child 2: NHS number must be a 10-digit NHS number with a valid check digit",
                    officer.findElement(By.id("children[1].nhsNumber-error")).getText().replaceFirst("^Error:\\s*", ""));
            officer.findElement(By.id("children[1].nhsNumber")).clear();
            submit(officer, By.id("log"));
            assertEquals("My contacts", officer.findElement(By.tagName("h1")).getText());
            assertEquals("Contact logged", officer.findElement(By.className("govuk-notification-banner__heading"))
                    .getText());
            String row = officer.findElement(By.cssSelector("#my-contacts tbody tr")).getText();
            // the contact's reference first, the one the caller is given to quote
            assertTrue(row.matches("(?s)FD-2026-\\d{6} .*"), row);
            assertTrue(row.contains("Hillside Primary School") && row.contains("Kayden " + surname + ": received")
                    && row.contains("Mia " + surname + ": received") && row.contains("Received"), row);
            noAccessibilityViolations(officer, "my contacts");

            // what the console sent: as the officer, one key for the form's tries, the request the API takes
            List<ReferralServiceStandIn.Received> sent = referrals.posted();
            assertEquals(2, sent.size());
            assertTrue(sent.get(1).authorization().startsWith("Bearer "), "the officer's own access token");
            assertEquals(sent.get(0).idempotencyKey(), sent.get(1).idempotencyKey(), "one key per form");
            var body = sent.get(1).body();
            assertEquals("2A", body.path("referrer").path("sourceCode").asText(), "the school's source code");
            assertEquals("hillside-primary", body.path("referrer").path("organisationId").asText());
            assertEquals(known, body.path("children").get(0).path("childKey").asText());
            assertEquals("2015-05-04", body.path("children").get(0).path("dateOfBirth").asText());
            assertFalse(body.path("children").get(1).has("childKey"), "Mia is a new child");
            assertEquals("2018-02-11", body.path("children").get(1).path("dateOfBirth").asText());
            assertEquals("[\"SIGNS_OF_NEGLECT\"]", body.path("concerns").path("indicators").toString());
            assertFalse(body.path("concerns").path("immediateRisk").asBoolean());
            assertTrue(body.path("consent").path("consentGiven").asBoolean());

            officer.get(base() + "/contacts/new");
            assertNotEquals(sent.get(0).idempotencyKey(),
                    officer.findElement(By.name("idempotencyKey")).getAttribute("value"), "a new form, a new key");
        } finally {
            officer.quit();
        }
    }

    @Test
    void theFrontDoorOpensItsOwnPagesOnlyAndTheScreeningRolesNotItsPages() throws Exception {
        ConsoleSession officer = ConsoleSession.signIn(base(), "dev-front-door", "front-door", "/contacts/new");
        for (String page : List.of("/queue", "/items/" + UUID.randomUUID(), "/approvals", "/allocation", "/cases",
                "/feedback", "/indicators")) {
            assertEquals(403, officer.get(page).statusCode(), page + " is refused to the front door");
        }
        assertEquals(200, officer.get("/contacts/mine").statusCode());
        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");
        assertEquals(403, worker.get("/contacts/new").statusCode());
        assertEquals(403, worker.get("/contacts/mine").statusCode());
    }

    /**
     * A child the front door knows from an earlier contact, once the search finds them: their key in the children
     * the front door knows (the item's childKey, which a contact names to link to them).
     */
    private static String knownChild(String firstName, String surname) throws Exception {
        ReferralReceived base = referral(java.time.Instant.now(), List.of(), false);
        ReferralReceived.Child child = new ReferralReceived.Child(UUID.randomUUID(), 0, UUID.randomUUID(), firstName,
                surname, LocalDate.parse("2015-05-04"), null, "M", null,
                new ReferralReceived.Address("6 Field Lane", null, "Doncaster", "DN6 6FF"), null,
                new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), false, false,
                org.frontdoor.events.payload.SharingConsent.NOT_RECORDED);
        publish(new ReferralReceived(base.referralId(), base.receivedAt(), base.acknowledgementDueBy(),
                base.referrer(), base.submittedBy(), List.of(child), base.householdMembers(), base.concerns(),
                base.consent()));
        String[] key = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var found = as("front-door").body("{\"surname\": \"" + surname + "\", \"dateOfBirth\": \"2015-05-04\"}")
                    .post("/api/v1/children/searches").jsonPath();
            key[0] = found.getString("items.find { it.lastName == '" + surname + "' }.childKey");
            return key[0] != null;
        });
        return key[0];
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    /** Types an ISO date into the GOV.UK Date input of {@code field}: day, month, year. */
    private static void date(ChromeDriver browser, String field, String iso) {
        LocalDate date = LocalDate.parse(iso);
        browser.findElement(By.id(field)).sendKeys(String.valueOf(date.getDayOfMonth()));
        browser.findElement(By.id(field + "-month")).sendKeys(String.valueOf(date.getMonthValue()));
        browser.findElement(By.id(field + "-year")).sendKeys(String.valueOf(date.getYear()));
    }

    private static String value(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static List<String> texts(WebDriver browser, By by) {
        return browser.findElements(by).stream().map(e -> e.getText()).toList();
    }

    /** Clicks a form's button and waits for the next page (as ConsoleJourneyTest does). */
    private static void submit(WebDriver browser, By button) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.fdOldPage = true");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "return window.fdOldPage === undefined && document.readyState === 'complete'")));
    }
}
