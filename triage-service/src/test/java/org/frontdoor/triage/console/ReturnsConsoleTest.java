package org.frontdoor.triage.console;

import static org.frontdoor.testsupport.Browser.noAccessibilityViolations;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.decide;
import static org.frontdoor.triage.Triage.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.awaitility.core.ConditionTimeoutException;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.testsupport.Browser;
import org.frontdoor.triage.Triage;
import org.frontdoor.returns.CinCensusValidator;
import org.frontdoor.triage.Triage.Item;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;

/**
 * Issue 28, the returns page: a team manager checks the CIN census of 2008-09 (a year only this test's children
 * are in) while it is being made (the progress page follows it), sees a child left out with the DfE rule's words
 * and the way to the child's case, puts it right, makes the file and downloads it: valid against the DfE schema,
 * with both children in it. Annex A's period refused beside its field, then its lists downloaded for a period.
 */
@QuarkusTest
class ReturnsConsoleTest {

    static final String YEAR = "2009";

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
    void aManagerPutsRightWhatTheCensusLeavesOutAndDownloadsTheFile() throws Exception {
        consumerReady();
        // a child assessed and in need; and one whose ethnicity nobody recorded (DfE rule 4220: left out)
        Item assessed = contact("2008-06-02T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2000-04-02", null, "F");
        decide(assessed, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        characteristics(assessed, "\"ethnicity\": \"WBRI\", ", "\"upn\": \"" + validUpn("371000000099") + "\"",
                "2000-04-02");
        assess(assessed, "2008-06-03", "2008-07-15");
        Item missing = contact("2008-09-01T10:00:00Z", List.of("NON_ACCIDENTAL_INJURY"), "2002-05-05", null, "M");
        String missingCase = decide(missing, decision(4, "SOCIAL_CARE_ASSESSMENT", "N1"));
        assess(missing, "2008-09-02", "2008-10-10");
        String missingId = laChildId(missing);
        String assessedId = laChildId(assessed);
        String assessedCase = as(MANAGER).get("/api/v1/triage-items/" + assessed.id()).path("caseId");
        try {
            managerMakesTheReturns(missing, missingId, missingCase, assessedId);
        } finally {
            // closed before the next year began, so no other census year counts these children
            sql("update care_case set status = 'CLOSED', closed_at = timestamptz '2009-03-31T12:00:00Z',"
                    + " closed_by = 'tm-maya-reid', closure_reason_code = 'RC8', closure_summary = 'test data'"
                    + " where id in ('" + missingCase + "', '" + assessedCase + "')");
        }

        // the page is a manager's: a triage worker is refused it
        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");
        assertEquals(403, worker.get("/returns").statusCode());
        assertEquals(403, worker.get("/returns/census/file?year=" + YEAR).statusCode());
    }

    private void managerMakesTheReturns(Item missing, String missingId, String missingCase, String assessedId)
            throws Exception {
        ChromeDriver manager = Browser.open(false);
        try {
            signIn(manager);
            manager.findElement(By.linkText("Returns")).click();
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith("/returns"));
            assertEquals("Statutory returns", manager.findElement(By.tagName("h1")).getText());
            noAccessibilityViolations(manager, "returns");

            // Annex A's period the wrong way round: the error is beside the first day, and in the summary
            setDate(manager, "from", "2026-10-01");
            setDate(manager, "to", "2026-09-01");
            submit(manager, By.id("annex-a-period"));
            assertEquals("Error: The first day must be on or before the last day",
                    manager.findElement(By.id("from-error")).getText().replace("\n", " "));
            assertEquals("The first day must be on or before the last day",
                    manager.findElement(By.cssSelector(".govuk-error-summary__list a[href='#from']")).getText());
            assertEquals("2026-10-01", manager.findElement(By.id("from")).getAttribute("value"), "as typed");
            noAccessibilityViolations(manager, "returns with errors");

            // the census checked while something holds the children's characteristics: the page follows it
            assertEquals(String.valueOf(ReturnsViews.censusYear(LocalDate.now(ZoneId.of("Europe/London")))),
                    manager.findElement(By.id("year")).getAttribute("value"), "this census year first");
            manager.findElement(By.id("year")).clear();
            manager.findElement(By.id("year")).sendKeys(YEAR);
            try (Connection hold = dataSource.getConnection()) {
                hold.setAutoCommit(false);
                try (Statement s = hold.createStatement()) {
                    s.execute("lock table child_characteristics in access exclusive mode");
                }
                submit(manager, By.id("check-census"));
                assertEquals("Checking the census", manager.findElement(By.tagName("h1")).getText());
                assertTrue(manager.findElement(By.id("census-progress-text")).getText().startsWith("Still working"));
                noAccessibilityViolations(manager, "census progress");
                hold.rollback();
            }
            // the page's script sees it ready and shows it
            new WebDriverWait(manager, Duration.ofSeconds(30)).until(b -> b.findElement(By.tagName("h1")).getText()
                    .startsWith("Children in need census"));
            assertEquals("Children in need census 1 April 2008 to 31 March 2009",
                    manager.findElement(By.tagName("h1")).getText());
            assertEquals("2", text(manager, "census-children"));
            assertEquals("1", text(manager, "census-included"));
            assertEquals("1", text(manager, "census-left-out"));
            String card = manager.findElement(By.id("child-" + missingId)).getText();
            assertTrue(card.contains("Child Smith (" + missingId + ")"), card);
            assertTrue(card.contains("Left out"), card);
            assertTrue(card.contains("4220") && card.contains("Ethnicity is missing"), card);
            var fix = manager.findElement(By.cssSelector("#child-" + missingId + " a.govuk-link"));
            assertEquals(base() + "/cases/" + missingCase, fix.getAttribute("href"));
            assertEquals("Child Smith's case (referral of 1 September 2008)", fix.getText());
            assertTrue(manager.findElements(By.xpath("//*[@id='child-" + assessedId + "']//*[.='Left out']"))
                    .isEmpty(), "in the file");
            assertTrue(manager.findElements(By.id("download-census")).isEmpty(), "checked, not made: no file");
            noAccessibilityViolations(manager, "census checked");
            manager.manage().window().setSize(new Dimension(375, 812));
            noAccessibilityViolations(manager, "census checked, at phone width");
            manager.manage().window().setSize(new Dimension(1280, 1000));

            // to the child's case, where the child's records are put right (here through the API)
            fix.click();
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith(missingCase));
            assertTrue(manager.findElement(By.tagName("h1")).getText().contains("Child Smith"));
            characteristics(missing, "\"ethnicity\": \"WIRI\", ", "\"upnUnknown\": \"UN5\"", "2002-05-05");

            // the file made: both children in it, valid against the DfE schema
            manager.navigate().back();
            submit(manager, By.id("make-census"));
            new WebDriverWait(manager, Duration.ofSeconds(30)).until(b -> !b.findElements(By.id("download-census"))
                    .isEmpty());
            assertEquals("2", text(manager, "census-included"));
            assertEquals("0", text(manager, "census-left-out"));
            assertTrue(manager.findElements(By.xpath("//*[.='Left out']")).isEmpty(), "nobody left out");
            assertTrue(manager.findElement(By.id("download-census")).getText()
                    .matches("Download the census file \\(cin-census-371-2009-1\\.xml\\)"),
                    manager.findElement(By.id("download-census")).getText());
            noAccessibilityViolations(manager, "census made");
            Map<?, ?> file = fetch(manager, "/console/returns/census/file?year=" + YEAR);
            assertEquals(200L, file.get("status"));
            assertEquals("attachment; filename=\"cin-census-371-2009-1.xml\"", file.get("disposition"));
            byte[] xml = ((String) file.get("body")).getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), new CinCensusValidator((a, b) -> 0).validateSchema(xml), "valid against the XSD");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml));
            XPath x = XPathFactory.newInstance().newXPath();
            assertEquals("2009", x.evaluate("/Message/Header/CollectionDetails/Year", doc));
            assertEquals("WIRI", x.evaluate("//Child[ChildIdentifiers/LAchildID='" + missingId + "']"
                    + "/ChildCharacteristics/Ethnicity", doc), "the child put right is in the file");
            assertEquals("2008-09-01", x.evaluate("//Child[ChildIdentifiers/LAchildID='" + missingId + "']"
                    + "/CINdetails/CINreferralDate", doc));
            assertEquals("2000-04-02", x.evaluate("//Child[ChildIdentifiers/LAchildID='" + assessedId + "']"
                    + "/ChildIdentifiers/PersonBirthDate", doc));
            assertEquals(1L, count("statutory_return where kind = 'CIN_CENSUS' and period = '" + YEAR + "'"),
                    "made once (the check is not a return made)");
            assertEquals(1L, count("audit_entry where action = 'returns.cin-census' and actor = 'dev-team-manager'"
                    + " and detail like 'year 2009: 2 children in the file, 0 left out, serial 1'"));

            // Annex A for the months of both referrals, list by list and as a workbook
            manager.get(base() + "/returns");
            setDate(manager, "from", "2008-06-01");
            setDate(manager, "to", "2008-11-30");
            submit(manager, By.id("annex-a-period"));
            assertEquals("Downloads for 1 June 2008 to 30 November 2008:", text(manager, "annex-a-shown"));
            Map<?, ?> referrals = fetch(manager, manager.findElement(By.id("annex-a-list-3")).getAttribute("href"));
            assertEquals(200L, referrals.get("status"));
            assertEquals("attachment; filename=\"List_3_Referrals.csv\"", referrals.get("disposition"));
            String csv = (String) referrals.get("body");
            assertTrue(csv.lines().anyMatch(l -> l.startsWith(missingId + ",") && l.contains("01/09/2008")), csv);
            assertTrue(csv.lines().anyMatch(l -> l.startsWith(assessedId + ",") && l.contains("02/06/2008")), csv);
            Map<?, ?> workbook = fetch(manager, manager.findElement(By.id("annex-a-workbook")).getAttribute("href"));
            assertEquals(200L, workbook.get("status"));
            assertTrue(((String) workbook.get("body")).startsWith("PK"), "a workbook is a zip");
            assertTrue(count("audit_entry where action = 'returns.annex-a' and actor = 'dev-team-manager'"
                    + " and detail like '2008-06-01 to 2008-11-30:%'") >= 2);
        } finally {
            manager.quit();
        }
    }

    /**
     * The first event after the service starts waits for Kafka to give the consumer its partitions, which on a
     * loaded machine takes longer than the helpers wait for one contact: a contact of today's, waited for longer.
     */
    private static void consumerReady() throws Exception {
        ReferralReceived warmUp = Triage.referral(Instant.now(), List.of(), false, "Ready");
        Triage.publish(warmUp);
        for (int tries = 1;; tries++) {
            try {
                Triage.itemIds(warmUp.referralId(), "NEW", 1);
                return;
            } catch (ConditionTimeoutException e) {
                if (tries == 6) {
                    throw e;
                }
            }
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private void characteristics(Item item, String ethnicity, String upn, String born) {
        as(WORKER).body("{\"sex\": \"" + item.child().gender() + "\", " + ethnicity + "\"disabilities\": [\"NONE\"], "
                + upn + ", \"birthDate\": \"" + born + "\"}")
                .put("/api/v1/children/" + item.childKey() + "/characteristics").then().statusCode(200);
    }

    private void assess(Item item, String started, String authorised) {
        String id = as(WORKER).body("{\"startedOn\": \"" + started + "\", \"childSeen\": true}")
                .post("/api/v1/triage-items/" + item.id() + "/assessments").then().statusCode(201).extract().path("id");
        as(MANAGER).body("{\"startedOn\": \"" + started + "\", \"childSeen\": true, \"authorisedOn\": \"" + authorised
                + "\", \"factors\": [\"3A\"], \"requiresSupport\": true}").put("/api/v1/assessments/" + id)
                .then().statusCode(200);
    }

    private static String laChildId(Item item) {
        return as(WORKER).get("/api/v1/children/" + item.childKey() + "/characteristics").then().statusCode(200)
                .extract().path("laChildId");
    }

    private static String validUpn(String twelve) {
        return Upn.checkLetter("A" + twelve).orElseThrow() + twelve;
    }

    /** A download as the page's link gets it, with the browser's session: status, disposition and body as text. */
    private static Map<?, ?> fetch(ChromeDriver browser, String href) {
        return (Map<?, ?>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status,"
                + " disposition: r.headers.get('Content-Disposition'), body: t})))"
                + ".catch(e => done({status: -1, body: String(e)}));", href);
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void setDate(WebDriver browser, String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value);
    }

    private void signIn(WebDriver browser) {
        browser.get(base() + "/queue");
        browser.findElement(By.id("sign-in-dev-team-manager")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                && !b.findElements(By.tagName("h1")).isEmpty());
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

    private long count(String fromWhere) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }
}
