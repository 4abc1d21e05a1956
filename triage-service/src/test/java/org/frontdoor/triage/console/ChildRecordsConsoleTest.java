package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.testsupport.Browser;
import org.frontdoor.triage.Triage;
import org.frontdoor.triage.children.PossibleMatch;
import org.frontdoor.triage.children.PossibleMatches;
import org.frontdoor.triage.queue.TriageItem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 26 in the console: the screening page shows a child's possible earlier records, scored and explained, beside
 * the child; a worker merges one (a reason required, shown by its field when missing) or records that it is not the
 * same child; the child's page shows the chronology across the merged records and separates them again. Each test
 * names its own child (a surname and date of birth of its own), so no test's records are another's candidates.
 */
@QuarkusTest
class ChildRecordsConsoleTest {

    @TestHTTPResource("/console")
    URL console;

    @Inject
    PossibleMatches possibleMatches;

    @Test
    void aPossibleEarlierRecordIsMergedFromTheScreeningPageAndSeparatedFromTheChildsPage() throws Exception {
        // the issue's child: a school's contact, then a week later the police's, misspelt and without an address
        Triage.Item school = contact("2026-11-23T10:00:00Z", "Kayden", "Kettleborough", "2015-05-04", "DN6 6FF");
        Triage.Item police = contact("2026-11-30T10:00:00Z", "Kaden", "Kettlebrough", "2015-05-04", null);
        ConsoleSession maya = ConsoleSession.signIn(base(), "dev-team-manager", MANAGER);

        String page = maya.get("/items/" + police.id()).body();
        PossibleMatch found = matchOf(police, school);
        assertFalse(found.reasons().isEmpty(), "a candidate is explained");
        String listed = between(page, "Possible earlier records", "Checks with partner agencies");
        assertTrue(listed.contains("Kayden Kettleborough, born 4 May 2015"), listed);
        assertTrue(listed.contains("Score " + found.score() + " of 100"), listed);
        found.reasons().forEach(r -> assertTrue(listed.contains(html(r)), "the reason " + r + ": " + listed));
        assertTrue(listed.contains("<a class=\"govuk-link\" href=\"/console/items/" + school.id()
                + "\">23 November 2026</a>: Not decided yet"), "the school's contact, its day in words: " + listed);
        assertTrue(listed.contains("href=\"/console/children/" + school.childKey() + "\""), "the earlier child's page");
        assertTrue(page.contains("href=\"/console/children/" + police.childKey() + "\""), "this child's page");

        // merged without a reason: the error is by the field and in the summary; nothing is merged
        String merge = "/items/" + police.id() + "/children/" + police.childKey() + "/matches/" + school.childKey()
                + "/merge";
        String field = "merge[" + police.childKey() + "][" + school.childKey() + "].reason";
        HttpResponse<String> empty = maya.post(merge, Map.of("csrf", ConsoleSession.csrf(page), "reason", " "));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("id=\"" + html(field) + "-error\""), "the error sits by the reason");
        assertTrue(empty.body().contains("<a href=\"#" + html(field) + "\">Enter why these records are the same child"),
                "and in the error summary");
        assertEquals(police.childKey().toString(), childKeyOf(police), "nothing merged");

        HttpResponse<String> merged = maya.post(merge, Map.of("csrf", ConsoleSession.csrf(page),
                "reason", "Same date of birth and school; the police misspelt the names."));
        assertEquals(200, merged.statusCode(), merged.body());
        assertEquals("/console/items/" + police.id(), merged.uri().getPath(), "back to the screening page");
        assertTrue(merged.body().contains("Records merged"), "the success banner");
        assertEquals(school.childKey().toString(), childKeyOf(police), "the earlier record survives");

        // the child's page: both contacts in the chronology, and the police's record merged into the school's
        HttpResponse<String> child = maya.get("/children/" + school.childKey());
        assertEquals(200, child.statusCode(), child.body());
        String chronology = between(child.body(), "id=\"chronology\"", "</table>");
        assertTrue(chronology.contains("href=\"/console/items/" + school.id() + "\""), "the school's contact");
        assertTrue(chronology.contains("href=\"/console/items/" + police.id() + "\""), "the police's contact");
        assertTrue(child.body().contains("id=\"merged-" + police.childKey() + "\""), "the merged record");
        assertTrue(child.body().contains("Same date of birth and school; the police misspelt the names."));

        // separated again: a reason first, by its field; then each record is its own
        String separate = "/children/" + school.childKey() + "/merges/" + school.childKey() + "/" + police.childKey()
                + "/separate";
        String separateField = "separate[" + school.childKey() + "][" + police.childKey() + "].reason";
        HttpResponse<String> noReason = maya.post(separate, Map.of("csrf", ConsoleSession.csrf(child.body()),
                "reason", ""));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("id=\"" + html(separateField) + "-error\""), noReason.body());
        HttpResponse<String> separated = maya.post(separate, Map.of("csrf", ConsoleSession.csrf(child.body()),
                "reason", "The police's child is a cousin: another school confirmed it."));
        assertEquals(200, separated.statusCode(), separated.body());
        assertEquals("/console/children/" + school.childKey(), separated.uri().getPath());
        assertTrue(separated.body().contains("Records separated"), "the success banner");
        assertFalse(separated.body().contains("id=\"merged-" + police.childKey() + "\""), "no longer merged");
        assertEquals(police.childKey().toString(), childKeyOf(police), "the police's contact is its own record's");
    }

    @Test
    void notTheSameChildIsNotOfferedAgain() throws Exception {
        Triage.Item earlier = contact("2026-10-12T09:30:00Z", "Jayden", "Hargreaves", "2014-02-11", "DN4 7QA");
        Triage.Item later = contact("2026-11-02T14:00:00Z", "Jaden", "Hargreves", "2014-02-11", "DN9 1LU");
        ConsoleSession maya = ConsoleSession.signIn(base(), "dev-team-manager", MANAGER);
        String page = maya.get("/items/" + later.id()).body();
        String notSame = "/items/" + later.id() + "/children/" + later.childKey() + "/matches/" + earlier.childKey()
                + "/not-the-same";
        assertTrue(page.contains("action=\"/console" + notSame + "\""), "the earlier record is offered");

        HttpResponse<String> empty = maya.post(notSame, Map.of("csrf", ConsoleSession.csrf(page), "reason", ""));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("id=\"" + html("notSame[" + later.childKey() + "][" + earlier.childKey()
                + "].reason") + "-error\""), "the error sits by the reason");

        HttpResponse<String> recorded = maya.post(notSame, Map.of("csrf", ConsoleSession.csrf(page),
                "reason", "Different parents and GP: the school confirmed two children."));
        assertEquals(200, recorded.statusCode(), recorded.body());
        assertTrue(recorded.body().contains("Recorded as not the same child"), "the success banner");
        assertFalse(recorded.body().contains("/matches/" + earlier.childKey() + "/"), "no longer offered");
        assertTrue(recorded.body().contains("No possible earlier records."), recorded.body());
        assertEquals(later.childKey().toString(), childKeyOf(later), "nothing merged");
    }

    @Test
    void theChildsPageAsksForSignInFirst() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> refused = anonymous.send(HttpRequest.newBuilder(URI.create(base() + "/children/"
                + UUID.randomUUID())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, refused.statusCode(), "to the identity provider");
        assertTrue(refused.headers().firstValue("location").orElseThrow().contains("/authorize"),
                refused.headers().map().toString());
        assertFalse(refused.body().contains("Chronology"));
    }

    /**
     * axe-core on the screening page with a possible earlier record, on the child's page with a merge (at desktop and
     * phone width), and on the queue whose rows link to the children's pages.
     */
    @Test
    void theNewPagesHaveNoAccessibilityViolations() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "no chromium here: run .ci/install-browser to run this test");
        Triage.Item first = contact("2026-09-01T08:00:00Z", "Leighton", "Featherstonehaugh", "2013-08-21", "S1 2HE");
        Triage.Item second = contact("2026-11-20T16:45:00Z", "Layton", "Featherstonhaugh", "2013-08-21", null);
        ChromeDriver browser = Browser.open(false);
        try {
            browser.get(base() + "/queue");
            browser.findElement(By.id("sign-in-dev-team-manager")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                    && !b.findElements(By.tagName("h1")).isEmpty());
            browser.get(base() + "/items/" + second.id());
            assertFalse(browser.findElements(By.id("merge-" + second.childKey() + "-" + first.childKey())).isEmpty());
            Browser.noAccessibilityViolations(browser, "screening with a possible earlier record");
            open(browser, "Same child: merge these records");
            submit(browser, By.id("merge-" + second.childKey() + "-" + first.childKey()));
            assertTrue(browser.findElement(By.id("merge[" + second.childKey() + "][" + first.childKey()
                    + "].reason-error")).getText().startsWith("Error:"));
            Browser.noAccessibilityViolations(browser, "screening with a merge refused");
            browser.findElement(By.id("merge[" + second.childKey() + "][" + first.childKey() + "].reason"))
                    .sendKeys("Same date of birth; the names are misspelt.");
            submit(browser, By.id("merge-" + second.childKey() + "-" + first.childKey()));
            browser.get(base() + "/children/" + first.childKey());
            assertEquals("Leighton Featherstonehaugh", browser.findElement(By.tagName("h1")).getText());
            Browser.noAccessibilityViolations(browser, "child's page");
            browser.manage().window().setSize(new Dimension(375, 812)); // at phone width
            browser.navigate().refresh();
            Browser.noAccessibilityViolations(browser, "child's page at phone width");
            browser.get(base() + "/queue");
            Browser.noAccessibilityViolations(browser, "queue at phone width");
        } finally {
            browser.quit();
        }
    }

    /** The item's possible match with the other item's record, as the service finds it. */
    private PossibleMatch matchOf(Triage.Item item, Triage.Item other) {
        List<PossibleMatch> matches = QuarkusTransaction.requiringNew()
                .call(() -> possibleMatches.of(TriageItem.findById(UUID.fromString(item.id()))));
        return matches.stream().filter(m -> m.childKey().equals(other.childKey())).findFirst()
                .orElseThrow(() -> new AssertionError("no possible match with the earlier record: " + matches));
    }

    /** A school's contact about one new child, queued; its record and key as triage knows them. */
    private static Triage.Item contact(String receivedAt, String firstName, String lastName, String born,
            String postcode) throws Exception {
        ReferralReceived base = referral(Instant.parse(receivedAt), List.of("NEGLECT"), false, firstName);
        ReferralReceived.Child c = base.children().get(0);
        ReferralReceived.Child child = new ReferralReceived.Child(c.childId(), 0, UUID.randomUUID(), firstName,
                lastName, LocalDate.parse(born), null, "M", null, postcode == null ? null
                        : new ReferralReceived.Address("2 Mill Lane", null, "Doncaster", postcode), null,
                c.priorInvolvement(), false, false, SharingConsent.NOT_RECORDED);
        ReferralReceived referral = new ReferralReceived(base.referralId(), base.receivedAt(),
                base.acknowledgementDueBy(), base.referrer(), base.submittedBy(), List.of(child),
                base.householdMembers(), base.concerns(), base.consent());
        publish(referral);
        String id = itemIds(referral.referralId(), "NEW", 1).get(0);
        UUID childKey = UUID.fromString(childKeyOf(id));
        return new Triage.Item(id, referral.referralId(), childKey, child);
    }

    private static String childKeyOf(Triage.Item item) {
        return childKeyOf(item.id());
    }

    private static String childKeyOf(String itemId) {
        return as(MANAGER).get("/api/v1/triage-items/" + itemId).path("childKey");
    }

    /** The part of the page from {@code from} to the next {@code to}. */
    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertTrue(start >= 0, "the page has " + from + ": " + page);
        int end = page.indexOf(to, start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** As Qute escapes text in a page. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    private static void open(WebDriver browser, String summary) {
        browser.findElement(By.xpath("//summary[contains(., '" + summary + "')]")).click();
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
