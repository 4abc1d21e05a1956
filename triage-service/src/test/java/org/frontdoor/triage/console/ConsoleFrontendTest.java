package org.frontdoor.triage.console;

import static io.restassured.RestAssured.given;
import static org.frontdoor.triage.Triage.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.testsupport.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28: GOV.UK Frontend used as its licence allows off GOV.UK. The stylesheet the console links is compiled from
 * GOV.UK Frontend's Sass with the council's font (Arial) and names no GDS Transport font; neither the font files nor
 * the crest are served; the header has no crown and the service's name is in the service navigation. Its components'
 * script runs under the pages' Content-Security-Policy (the one inline script allowed by its hash): after a refused
 * form the error summary has the focus, and the browser reports no violation of the policy.
 */
@QuarkusTest
class ConsoleFrontendTest {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    @TestHTTPResource("/console")
    URL console;

    @Test
    void theStylesheetsNameTheCouncilsFontAndNoGdsTransport() throws Exception {
        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");
        String page = worker.get("/queue").body();
        List<String> sheets = new ArrayList<>();
        Matcher m = STYLESHEET.matcher(page);
        while (m.find()) {
            sheets.add(m.group(1));
        }
        assertEquals(List.of("/console-assets/govuk/govuk-frontend.min.css", "/console-assets/console.css"), sheets);
        for (String sheet : sheets) {
            String css = given().get(sheet).then().statusCode(200).extract().asString();
            assertFalse(css.contains("GDS Transport"), sheet + " names GOV.UK's font");
            assertFalse(css.contains("@font-face"), sheet + " brings a font of its own");
            assertFalse(css.contains("govuk-crest"), sheet + " shows the crest");
        }
        String govuk = given().get(sheets.get(0)).then().extract().asString();
        assertTrue(govuk.contains(".govuk-body-m{") || govuk.contains(".govuk-body,.govuk-body-m{"),
                "GOV.UK Frontend's styles, compiled");
        Matcher fonts = Pattern.compile("font-family:([^;}]+)").matcher(govuk);
        List<String> families = new ArrayList<>();
        while (fonts.find()) {
            families.add(fonts.group(1));
        }
        assertTrue(families.contains("arial,sans-serif"), families.toString());
        assertEquals(List.of(), families.stream().filter(f -> !f.equals("arial,sans-serif") && !f.equals("sans-serif"))
                .distinct().toList(), "Arial on screen, the printer's sans-serif on paper, nothing else");
    }

    @Test
    void gdsTransportAndTheCrestAreNotServed() {
        for (String path : List.of("/assets/fonts/bold-b542beb274-v2.woff2", "/assets/fonts/light-94a07e06a1-v2.woff2",
                "/assets/images/govuk-crest.svg",
                "/webjars/govuk-frontend/5.14.0/dist/govuk/assets/fonts/bold-b542beb274-v2.woff2",
                "/webjars/govuk-frontend/5.14.0/dist/govuk/assets/images/govuk-crest.svg",
                "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css")) {
            assertEquals(404, given().redirects().follow(false).get(path).statusCode(), path);
        }
        given().get("/console-assets/govuk/govuk-frontend.min.js").then().statusCode(200);
    }

    @Test
    void theHeaderHasNoCrownAndTheServiceNavigationNamesTheService() throws Exception {
        ConsoleSession worker = ConsoleSession.signIn(base(), "dev-triage-worker", "triage-worker");
        HttpResponse<String> queue = worker.get("/queue");
        String page = queue.body();
        String header = page.substring(page.indexOf("<header"), page.indexOf("</header>"));
        assertFalse(header.contains("<svg"), "no crown, no GOV.UK logotype: " + header);
        assertFalse(header.contains("GOV.UK"), header);
        assertFalse(page.contains("govuk-header__service-name"), "the deprecated service name in the header");
        // the service's home, which sends each role to its first page (the front door has no queue)
        assertTrue(Pattern.compile("<span class=\"govuk-service-navigation__service-name\">\\s*<a href=\"/console\""
                + " class=\"govuk-service-navigation__link\">MASH console</a>").matcher(page).find(), page);

        // the one inline script, GOV.UK Frontend's test of the browser, is allowed by its hash; nothing else inline
        String policy = queue.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(policy.contains("unsafe-inline"), policy);
        Matcher inline = INLINE_SCRIPT.matcher(page);
        int scripts = 0;
        while (inline.find()) {
            scripts++;
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(inline.group(1).getBytes(StandardCharsets.UTF_8));
            String allowed = "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
            assertTrue(policy.contains(allowed), "inline script " + inline.group(1) + " needs " + allowed + " in "
                    + policy);
        }
        assertEquals(1, scripts);
        assertTrue(page.contains("<script type=\"module\" src=\"/console-assets/govuk-init.js\"></script>"));
    }

    @Test
    void theComponentsRunUnderThePolicyAndTheErrorSummaryTakesTheFocus() throws Exception {
        Assumptions.assumeTrue(Browser.installed() || "required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS")),
                "no chromium here: run .ci/install-browser to run this test");
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        ChromeDriver phone = Browser.open(true);
        try {
            signIn(phone, "dev-triage-worker");
            phone.get(base() + "/items/" + item);
            JavascriptExecutor js = phone;
            assertTrue(String.valueOf(js.executeScript("return document.body.className"))
                    .contains("govuk-frontend-supported"), "GOV.UK Frontend's inline test ran");
            assertEquals("arial, sans-serif", js.executeScript(
                    "return getComputedStyle(document.querySelector('h1')).fontFamily"), "the council's font");
            // at phone width the service navigation folds behind a Menu button, which only its script shows
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(b -> b.findElement(
                    By.className("govuk-service-navigation__toggle")).isDisplayed());

            // the check's form sent empty: refused, and the error summary has the focus, as GOV.UK Frontend does it
            phone.findElement(By.xpath("//summary[contains(., 'Record a check')]")).click();
            js.executeScript("window.fdOldPage = true");
            phone.findElement(By.id("record-check")).click();
            new WebDriverWait(phone, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(b -> Boolean.TRUE.equals(js.executeScript(
                            "return window.fdOldPage === undefined && document.readyState === 'complete'")));
            assertEquals("There is a problem", phone.findElement(By.className("govuk-error-summary__title")).getText());
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(js.executeScript(
                    "return document.activeElement.classList.contains('govuk-error-summary')")));
            Browser.noAccessibilityViolations(phone, "screening refused, at phone width");

            List<String> violations = phone.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).filter(s -> s.contains("Content Security Policy")
                            || s.contains("Content-Security-Policy"))
                    .toList();
            assertEquals(List.of(), violations, "the browser refused something under the pages' policy");
        } finally {
            phone.quit();
        }
    }

    @Test
    void signingInOn127001IsSentToLocalhostFirst() throws Exception {
        String other = base().replace("://localhost:", "://127.0.0.1:");
        assertNotEquals(base(), other, "the console is tested on localhost: " + base());
        java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> sent = plain.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(other + "/queue?priority=RED")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, sent.statusCode());
        assertEquals(base() + "/queue?priority=RED", sent.headers().firstValue("Location").orElseThrow(),
                "the same page on localhost, before any sign-in starts");
        assertEquals(200, given().get(other.replace("/console", "") + "/console-assets/console.css").statusCode(),
                "the stylesheets are served on any name");
        // and a whole sign-in begun there ends signed in on localhost
        ConsoleSession worker = ConsoleSession.signIn(other, "dev-triage-worker", "triage-worker");
        assertEquals(200, worker.get("/queue").statusCode());
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    private void signIn(WebDriver browser, String subject) {
        browser.get(base() + "/queue");
        assertNotEquals(-1, browser.getCurrentUrl().indexOf("/frontdoor/authorize"), "to the identity provider");
        browser.findElement(By.id("sign-in-" + subject)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(base())
                && !b.findElements(By.tagName("h1")).isEmpty());
    }
}
